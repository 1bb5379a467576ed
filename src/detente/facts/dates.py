"""Dates: every temporal expression of an article, normalised to ISO 8601 against its publication date.

Candidates are spaCy's DATE entities and the project's own patterns (month-day ranges,
anniversaries), minus durations ("for 30 years") and ages. Each is resolved by the project's
rules for what dateparser gets wrong in news (ranges, "we" read as Wednesday, weekdays and bare
months whose year depends on tense), and by dateparser for the remaining absolute forms. A value
is an ISO 8601 day, month, year or ``start/end`` range (a week is the range of its days); ``None`` when there is no
publication date to resolve a relative expression against, or no rule can read it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal

from ..knowledge.files import toml_data
from ..nlp import doc_text
from ..record import DateRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["find_dates", "resolve"]

Tense = Literal["past", "present", "future"]
# A bare month or weekday more than this many days away in the direction of the tense is
# taken from the other year/week: "in December" in a past-tense October story is last December.
PERIOD_UNITS = ("day", "week", "month", "year", "decade")


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]
    weekdays: dict[str, int]
    days: dict[str, int]
    relative: dict[str, int]
    numbers: dict[str, int]
    duration_before: tuple[str, ...]
    duration_words: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_lemmas: frozenset[str]
    endpoints: frozenset[str]
    irrealis: frozenset[str]
    seasons: dict[str, tuple[int, int]]
    quarters: dict[str, int]
    named_years: dict[str, int]
    fixed_holidays: dict[str, tuple[int, int]]
    movable_holidays: dict[str, dict[int, str]]
    holiday_aliases: dict[str, str]


@cache
def words() -> DateWords:
    data = toml_data("dates.toml")
    months = {m: i for i, m in enumerate(data["months"], 1)}
    months.update({m: i for i, m in enumerate(data["month_abbreviations"], 1)})
    months["sept"] = 9
    return DateWords(
        months=months,
        weekdays={d: i for i, d in enumerate(data["weekdays"])},
        days=dict(data["days"]),
        relative=dict(data["relative"]),
        numbers=dict(data["numbers"]),
        duration_before=tuple(data["durations"]["before"]),
        duration_words=tuple(data["durations"]["words"]),
        future_auxiliaries=frozenset(data["tense"]["future_auxiliaries"]),
        future_lemmas=frozenset(data["tense"]["future_lemmas"]),
        endpoints=frozenset(data["tense"]["endpoints"]),
        irrealis=frozenset(data["tense"]["irrealis"]),
        seasons={k: (v[0], v[1]) for k, v in data["seasons"].items()},
        quarters=dict(data["quarters"]),
        named_years=dict(data["named_years"]),
        fixed_holidays={k: (v[0], v[1]) for k, v in data["holidays"]["fixed"].items()},
        movable_holidays={k: {int(y): d for y, d in v.items()} for k, v in data["holidays"]["movable"].items()},
        holiday_aliases=dict(data["holidays"]["aliases"]),
    )


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """The regular expressions of the rules, built from the words in ``dates.toml``."""
    w = words()
    month = "(?P<month>" + "|".join(sorted(w.months, key=len, reverse=True)) + r")\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>1[89]\d\d|20\d\d)"
    dash = r"\s*(?:-|–|—|to|and|through|until|till)\s*"
    weekday = "(?P<weekday>" + "|".join(w.weekdays) + ")"
    relative = "(?P<rel>" + "|".join(sorted(w.relative, key=len, reverse=True)) + ")"
    number = r"(?P<n>\d+|" + "|".join(w.numbers) + ")"
    holidays = [*w.fixed_holidays, *w.movable_holidays, *w.holiday_aliases]
    flags = re.IGNORECASE
    return {
        "later": re.compile(
            rf"^{number}\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>later|earlier|after|before)$", flags
        ),
        "ago": re.compile(rf"^{number}\s+(?P<unit>day|week|month|year|decade)s?\s+ago$", flags),
        "range_month_days": re.compile(
            rf"^{month}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{dash}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{year})?$",
            flags,
        ),
        "range_days_month": re.compile(
            rf"^(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{dash}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month}(?:,?\s+{year})?$",
            flags,
        ),
        "range_years": re.compile(rf"^(?P<y1>1[89]\d\d|20\d\d){dash}(?P<y2>1[89]\d\d|20\d\d|\d\d)$", flags),
        "month_day_year": re.compile(rf"^(?:{weekday},?\s+)?{month}\s+{day},?\s+{year}$", flags),
        "day_month_year": re.compile(rf"^(?:{weekday},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month},?\s+{year}$", flags),
        "iso_day": re.compile(r"^(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})$"),
        "month_day": re.compile(rf"^(?:{weekday},?\s+)?{month}\s+{day}$", flags),
        "day_month": re.compile(rf"^(?:{weekday},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}$", flags),
        "month_year": re.compile(
            rf"^(?:(?:early|mid|late|the end of|the beginning of|the start of)[-\s]+)?{month},?\s+(?:of\s+)?{year}$",
            flags,
        ),
        "month": re.compile(
            rf"^(?:(?:early|mid|late|last|this|next|the end of|the beginning of)[-\s]+)?{month}$", flags
        ),
        "weekday": re.compile(
            rf"^(?:(?:last|this|next|early|late)\s+)?{weekday}(?:\s+(?:morning|afternoon|evening|night))?$", flags
        ),
        "relative": re.compile(rf"^{relative}\s+(?P<unit>week|month|year|decade)$", flags),
        "part_of_period": re.compile(
            r"^(?P<part>earlier|later)\s+(?:in\s+)?(?:this|the)\s+(?P<unit>week|month|year)$", flags
        ),
        "year": re.compile(
            rf"^(?:(?:early|mid|late|the end of|the beginning of|the start of)[-\s]+)?(?:fiscal\s+)?{year}$", flags
        ),
        "decade": re.compile(r"^(?:the\s+)?(?:early|mid|late)?[-\s]*(?P<decade>1[89]\d0|20\d0)'?s$", flags),
        "season": re.compile(
            r"^(?:(?:the|this|last|next|early|late)\s+)?(?P<season>" + "|".join(w.seasons) + rf")(?:\s+of\s+{year})?$",
            flags,
        ),
        "quarter": re.compile(
            r"^(?:the\s+)?(?P<quarter>" + "|".join(w.quarters) + rf")[-\s]+quarter(?:\s+of\s+{year})?$", flags
        ),
        "anniversary": re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\b", flags),
        "holiday": re.compile(
            r"\b(?:" + "|".join(re.escape(h) for h in sorted(holidays, key=len, reverse=True)) + r")\b", flags
        ),
        # A year after a preposition or article that spaCy did not tag ("of the 1993 Treaty").
        "year_in_text": re.compile(
            r"(?:(?<=\bin )|(?<=\bof )|(?<=\bthe )|(?<=\bsince )|(?<=\bfrom )|(?<=\buntil )|(?<=\bby ))"
            r"(?:1[89]\d\d|20\d\d)\b(?!\s*(?:%|per))",
            flags,
        ),
        "range_in_text": re.compile(
            rf"\b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?{dash}\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{year})?", flags
        ),
    }


LEADING_WORDS = re.compile(
    r"^(?:(?:on|in|from|since|until|till|by|during|before|after|as of|of|at|between|late|early|the|"
    r"starting|beginning|ending|through)\s+)+",
    re.IGNORECASE,
)


def bare(text: str) -> str:
    """The expression without the prepositions and articles around it."""
    text = re.sub(r"\s+", " ", text.strip(" ,.;:()'\"‘’“”"))
    return LEADING_WORDS.sub("", text)


def resolve(text: str, published: dt.date | None, tense: Tense = "present") -> str | None:
    """The ISO 8601 value of one temporal expression, or None."""
    text = bare(text)
    for rule in (absolute, relative_to(published, tense)):
        value = rule(text)
        if value is not None:
            return value
    return None if published is None else with_dateparser(text, published, tense)


def absolute(text: str) -> str | None:
    """Expressions that need no publication date."""
    p = patterns()
    if m := p["month_day_year"].match(text) or p["day_month_year"].match(text):
        return day_iso(int(m["year"]), month_of(m["month"]), int(m["day"]))
    if m := p["iso_day"].match(text):
        return day_iso(int(m["year"]), int(m["m"]), int(m["day"]))
    if (m := p["range_month_days"].match(text) or p["range_days_month"].match(text)) and m["year"]:
        return day_range(int(m["year"]), month_of(m["month"]), int(m["d1"]), int(m["d2"]))
    if m := p["month_year"].match(text):
        return f"{int(m['year']):04d}-{month_of(m['month']):02d}"
    if m := p["range_years"].match(text):
        end = m["y2"] if len(m["y2"]) == 4 else m["y1"][:2] + m["y2"]
        return f"{m['y1']}/{end}" if end > m["y1"] else None
    if m := p["year"].match(text):
        return m["year"]
    if m := p["decade"].match(text):
        return f"{m['decade']}/{int(m['decade']) + 9}"
    return None


def relative_to(published: dt.date | None, tense: Tense) -> Callable[[str], str | None]:
    def rule(text: str) -> str | None:
        return None if published is None else relative(text, published, tense)

    return rule


def relative(text: str, published: dt.date, tense: Tense) -> str | None:
    """Expressions read against the publication date (and the tense of their clause)."""
    p, w, lower = patterns(), words(), text.lower()
    if lower in w.days:
        return (published + dt.timedelta(days=w.days[lower])).isoformat()
    if m := p["ago"].match(text):
        return ago(published, number_of(m["n"]), m["unit"].lower())
    if m := p["range_month_days"].match(text) or p["range_days_month"].match(text):
        year = year_for(published, month_of(m["month"]), int(m["d1"]), tense)
        return day_range(year, month_of(m["month"]), int(m["d1"]), int(m["d2"]))
    if m := p["month_day"].match(text) or p["day_month"].match(text):
        year = year_for(published, month_of(m["month"]), int(m["day"]), tense)
        return day_iso(year, month_of(m["month"]), int(m["day"]))
    if m := p["month"].match(text):
        return month_for(published, month_of(m["month"]), lower, tense)
    if m := p["weekday"].match(text):
        return weekday_for(published, w.weekdays[m["weekday"].lower()], lower, tense)
    if (holiday := holiday_on(lower, published, tense)) is not None:
        return holiday
    if m := p["part_of_period"].match(text):
        return part_of_period(published, m["unit"].lower(), m["part"].lower())
    if m := p["relative"].match(text):
        return period(published, m["unit"].lower(), w.relative[m["rel"].lower()])
    if lower in w.named_years:
        return f"{published.year + w.named_years[lower]:04d}"
    if m := p["season"].match(text) or p["quarter"].match(text):
        return months_for(published, months_named(m), m["year"], lower, tense)
    return None


def months_named(m: re.Match[str]) -> tuple[int, int]:
    """The first and last month a season or quarter names."""
    w = words()
    if m.re is patterns()["season"]:
        return w.seasons[m["season"].lower()]
    first = (w.quarters[m["quarter"].lower()] - 1) * 3 + 1
    return first, first + 2


def months_for(published: dt.date, months: tuple[int, int], year: str | None, text: str, tense: Tense) -> str:
    """A season or quarter: in the year given, else the latest one begun by publication ("last": the
    one before it unless it has ended; "next", or a future one after it has ended: the one after)."""
    first, last = months
    across = 1 if last < first else 0  # a winter runs into the next year
    now = (published.year, published.month)
    if year is not None:
        start = int(year)
    else:
        begun = published.year if (published.year, first) <= now else published.year - 1  # the latest begun
        ended = now > (begun + across, last)
        if text.startswith("last"):
            start = begun if ended else begun - 1
        elif text.startswith("next") or (tense == "future" and ended):
            start = begun + 1
        else:
            start = begun
    return f"{start:04d}-{first:02d}/{start + across:04d}-{last:02d}"


def holiday_on(name: str, published: dt.date, tense: Tense) -> str | None:
    """A named holiday, in the year the clause's tense points to."""
    w = words()
    name = w.holiday_aliases.get(name, name)
    if name in w.fixed_holidays:
        month, day = w.fixed_holidays[name]
        return day_iso(year_for(published, month, day, tense), month, day)
    by_year = w.movable_holidays.get(name, {})
    candidates = sorted(dt.date.fromisoformat(d) for d in by_year.values())
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: abs((d - published).days))
    if tense == "future":
        nearest = next((d for d in candidates if d >= published - dt.timedelta(days=7)), nearest)
    elif tense == "past":
        nearest = next((d for d in reversed(candidates) if d <= published + dt.timedelta(days=7)), nearest)
    return nearest.isoformat() if abs((nearest - published).days) < 370 else None


def part_of_period(published: dt.date, unit: str, part: str) -> str:
    """ "later this week": the days after publication to the week's end; months and years whole."""
    if unit != "week":
        return period(published, unit, 0)
    monday = published - dt.timedelta(days=published.weekday())
    start, end = (
        (monday, published - dt.timedelta(days=1))
        if part == "earlier"
        else (published + dt.timedelta(days=1), monday + dt.timedelta(days=6))
    )
    return f"{start.isoformat()}/{end.isoformat()}" if start < end else start.isoformat()


def month_of(name: str) -> int:
    return words().months[name.lower().rstrip(".")]


def number_of(word: str) -> int:
    return int(word) if word.isdigit() else words().numbers[word.lower()]


def day_iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def day_range(year: int, month: int, first: int, last: int) -> str | None:
    start, end = day_iso(year, month, first), day_iso(year, month, last)
    return f"{start}/{end}" if start and end and start < end else None


def year_for(published: dt.date, month: int, day: int, tense: Tense) -> int:
    """The year of a month and day given without one: the nearest, bent by the tense."""
    year = published.year
    candidate = dt.date(year, month, min(day, 28))
    if tense == "past" and candidate > published + dt.timedelta(days=7):
        return year - 1
    if tense == "future" and candidate < published - dt.timedelta(days=7):
        return year + 1
    return year


def month_for(published: dt.date, month: int, text: str, tense: Tense) -> str:
    """A bare month: the coming one in a future clause, the past one in a past clause."""
    year = published.year
    if text.startswith("last") or (tense == "past" and month > published.month and not text.startswith("this")):
        year -= 1
    elif text.startswith("next") or (tense == "future" and month < published.month and not text.startswith("this")):
        year += 1
    return f"{year:04d}-{month:02d}"


def weekday_for(published: dt.date, weekday: int, text: str, tense: Tense) -> str:
    """A bare weekday: the last one (the publication day included) unless the clause is future."""
    back = (published.weekday() - weekday) % 7
    if text.startswith("next") or (tense == "future" and not text.startswith("last")):
        ahead = (weekday - published.weekday()) % 7 or 7
        return (published + dt.timedelta(days=ahead)).isoformat()
    if text.startswith("last") and back == 0:
        back = 7
    return (published - dt.timedelta(days=back)).isoformat()


def period(published: dt.date, unit: str, shift: int) -> str:
    if unit == "year":
        return f"{published.year + shift:04d}"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "decade":
        start = published.year // 10 * 10 + 10 * shift
        return f"{start}/{start + 9}"
    day = published + dt.timedelta(weeks=shift)  # a week as the range of its days, Monday to Sunday
    monday = day - dt.timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def ago(published: dt.date, n: int, unit: str) -> str:
    if unit == "day":
        return (published - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return (published - dt.timedelta(weeks=n)).isoformat()
    if unit == "month":
        return period(published, "month", -n)
    return f"{published.year - n * (10 if unit == 'decade' else 1):04d}"


def with_dateparser(text: str, published: dt.date, tense: Tense) -> str | None:
    """What dateparser reads in an expression no rule knows, at the precision it reports."""
    if not re.search(r"\d|" + "|".join(words().months), text, re.IGNORECASE):
        return None  # dateparser reads any word that looks like a day name ("we" as Wednesday)
    found = date_parser(published, tense).get_date_data(text)
    when = found.date_obj if found else None
    if when is None:
        return None
    if found.period == "year":
        return f"{when.year:04d}"
    return f"{when.year:04d}-{when.month:02d}" if found.period == "month" else when.date().isoformat()


# Parsers kept: articles arrive roughly in date order, so a few dates cover a batch.
DATE_PARSERS_KEPT = 64


@lru_cache(maxsize=DATE_PARSERS_KEPT)
def date_parser(published: dt.date, tense: Tense) -> Any:
    """dateparser's parser for one publication date and tense (built once: building is the cost)."""
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
        "RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
    }
    return DateDataParser(languages=["en"], settings=settings)


# --- finding the expressions in a parsed article ------------------------------------------------


def find_dates(doc: Doc, published: str | None) -> tuple[DateRef, ...]:
    """Every temporal expression of the article, with its value."""
    anchor = parse_published(published)
    found: list[DateRef] = []
    for start, end in candidate_spans(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        text = doc_text(doc)[start:end]
        if span is None or (is_duration(span) and not patterns()["later"].match(bare(text))):
            continue
        value = anniversary(doc, start, end) if patterns()["anniversary"].search(text) else None
        value = value or counted_from(text, found[-1].value if found else None)
        value = value or resolve(text, anchor, tense_of(span))
        if value is not None or names_a_time(text):
            found.append(DateRef(text=text, value=value, start=start, end=end))
    return tuple(found)


def counted_from(text: str, previous: str | None) -> str | None:
    """ "three years later": counted from the date the article gave last (2011 + 3)."""
    m = patterns()["later"].match(bare(text))
    if m is None or previous is None:
        return None
    n = number_of(m["n"]) * (-1 if m["dir"].lower() in ("earlier", "before") else 1)
    unit = m["unit"].lower()
    start = previous.split("/")[0]
    if unit in ("year", "decade"):
        return f"{int(start[:4]) + n * (10 if unit == 'decade' else 1):04d}" + start[4:] if len(start) == 4 else None
    day = parse_published(start) if len(start) == 10 else None
    if day is None:
        return None
    return (
        (day + dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
        if unit != "month"
        else period(day, "month", n)
    )


def parse_published(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def names_a_time(text: str) -> bool:
    """An expression worth keeping unresolved: it has a number, a month or a weekday
    ("annual", "the week" and "that day" are not)."""
    w = words()
    return bool(re.search(r"\d", text)) or any(
        t in w.months or t in w.weekdays for t in re.findall(r"[a-z]+", text.lower())
    )


def candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """spaCy's DATE entities (and TIME ones naming a day: "tonight"), and the project's patterns
    where they find a larger span."""
    days = words().days
    spans = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ == "DATE" or (e.label_ == "TIME" and bare(e.text).lower() in days)
    ]
    for name in ("range_in_text", "anniversary", "holiday", "year_in_text"):
        for m in patterns()[name].finditer(doc_text(doc)):
            spans = [s for s in spans if not (s[0] >= m.start() and s[1] <= m.end())]
            if not any(s[0] < m.end() and m.start() < s[1] for s in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


def is_duration(span: Span) -> bool:
    """ "for 30 years", "the past two decades", "a 30-year-old": not points in time."""
    w, text = words(), span.text.lower()
    if any(word in text for word in w.duration_words) or "ago" in text:
        return "ago" not in text
    counted = re.search(
        r"\b(?:\d+|"
        + "|".join(w.numbers)
        + r"|several|few|many)\b[\s-]+(?:\w+\s+)?(?:day|week|month|year|decade|hour)s?\b",
        text,
    )
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return bool(counted) or (before in w.duration_before and not re.search(r"\d{4}", text))


def anniversary(doc: Doc, start: int, end: int) -> str | None:
    """ "the 30th anniversary of the 1993 Treaty": the year the anniversary falls in (2023)."""
    m = patterns()["anniversary"].search(doc_text(doc), start, end)
    founding = re.search(r"\b(1[89]\d\d|20\d\d)\b", doc_text(doc)[end : end + 60]) if m else None
    return str(int(founding.group(1)) + int(m["n"])) if m and founding else None


def tense_of(span: Span) -> Tense:
    """The tense of the clause a date belongs to: future when a verb up the tree says so; none
    (present) for the end of a period ("until October 14")."""
    w = words()
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in w.endpoints and open_ended(before, w):
        return "present"
    return clause_tense(span, w)


def open_ended(preposition: Token, w: DateWords) -> bool:
    """A period whose end the text does not put in the past: a period named by a noun ("the
    suspension of Parliament until October 14") or a clause of what would be, a modal's or an
    infinitive's ("would fund the government through September", "to be purchased through
    October 9")."""
    head = preposition.head
    if head.pos_ == "NOUN":
        return True
    return any(c.dep_ == "aux" and c.lower_ in w.irrealis for c in head.children)


def clause_tense(span: Span, w: DateWords) -> Tense:
    for token in [span.root, *span.root.ancestors][:6]:
        if token.lower_ in w.future_lemmas or token.lemma_.lower() in w.future_lemmas:
            return "future"
        if any(c.dep_ == "aux" and c.lower_ in w.future_auxiliaries for c in token.children):
            return "future"
        if token.pos_ in ("VERB", "AUX"):
            tense = token.morph.get("Tense", [])
            if "Past" in tense or token.tag_ == "VBN" and any(c.lemma_ == "have" for c in token.children):
                return "past"
            if "Pres" in tense:
                return "present"
    return "present"
