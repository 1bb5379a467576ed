"""Cleaning: keep the article, remove the web around it, and say what was removed.

``clean(raw) -> Article`` is pure. Each removal is recorded in ``article.removed`` with its
reason; bylines, datelines, the dek and wire credits are removed from the text but kept as
metadata. Agencies cited in the body ("news agency PTI reported") are recorded as credits
with role ``cited`` and left in the text. The patterns are data: ``data/clean.toml`` and
``data/agencies.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from ..knowledge.files import agency_by_alias, toml_data
from ..record import Article, Credit, Removal, content_hash
from .sanitize import sanitized
from .sources import RawArticle

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["clean", "parse_dateline_date"]

# Formats tried, in order, on a dateline's date once weekday and punctuation are gone.
DATELINE_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")


@dataclass(frozen=True)
class CleaningRules:
    """The compiled form of ``data/clean.toml``."""

    max_line_chars: int
    header_lines: int
    shortcode: re.Pattern[str]
    lines: tuple[tuple[str, re.Pattern[str]], ...]
    byline: re.Pattern[str]
    dateline: re.Pattern[str]
    lead: re.Pattern[str]
    dek_max_chars: int
    dek_outlet: re.Pattern[str]
    wire: re.Pattern[str]
    cited: tuple[re.Pattern[str], ...]
    double_apostrophes: re.Pattern[str]


@cache
def rules() -> CleaningRules:
    data = toml_data("clean.toml")
    agency_alternation = "|".join(re.escape(a) for a in sorted(agency_by_alias(), key=len, reverse=True))
    return CleaningRules(
        max_line_chars=data["max_line_chars"],
        header_lines=data["header_lines"],
        shortcode=re.compile(data["shortcode"], re.IGNORECASE),
        lines=tuple(
            (reason, re.compile(pattern, re.IGNORECASE))
            for reason, patterns in data["lines"].items()
            for pattern in patterns
        ),
        byline=re.compile(data["byline"]["pattern"]),
        dateline=re.compile(data["dateline"]["pattern"], re.IGNORECASE),
        lead=re.compile(data["dateline"]["lead"]),
        dek_max_chars=data["dek"]["max_chars"],
        dek_outlet=re.compile(data["dek"]["outlet"]),
        wire=re.compile(data["credits"]["wire"]),
        cited=tuple(re.compile(p.replace("{agency}", agency_alternation)) for p in data["credits"]["cited"]),
        double_apostrophes=re.compile(data["typography"]["double_apostrophes"]),
    )


@dataclass
class Cleaning:
    """What cleaning one article has found so far (local to one ``clean`` call)."""

    removed: list[Removal]
    credits: list[Credit]
    byline: str | None = None
    dateline: str | None = None


def clean(raw: RawArticle) -> Article:
    """The article of ``raw`` with the web around it removed and its metadata read."""
    raw = sanitized(raw)
    r = rules()
    found = Cleaning(removed=[], credits=[])
    paragraphs = [normalize_space(p) for p in raw.text.replace("\r\n", "\n").split("\n")]
    paragraphs = drop_clutter(paragraphs, raw, r, found)
    paragraphs = take_wire_credits(paragraphs, r, found)
    dek, outlet, paragraphs = take_dek(paragraphs, raw, r, found)
    paragraphs = take_lead_dateline(paragraphs, r, found)
    text = join_paragraphs(paragraphs)
    found.credits.extend(cited_credits(text, r))
    published = raw.published or parse_dateline_date(found.dateline)
    return Article(
        id=raw.id or content_id(text),
        title=normalize_space(raw.title) if raw.title else None,
        dek=dek,
        outlet=raw.outlet or outlet,
        credits=merge_credits(found.credits),
        url=raw.url,
        published=normalize_published(published),
        language=raw.language,
        text=text,
        removed=tuple(found.removed),
        byline=raw.byline or found.byline,
        dateline=found.dateline,
        source=raw.source,
        warnings=raw.warnings,
    )


def content_id(text: str) -> str:
    """The id of an article its source gave none: the first 16 hex of its text's sha256."""
    return content_hash(text)[:16]


def normalize_space(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\t", " ")
    return re.sub(r" {2,}", " ", quote_marks_of_apostrophes(text)).strip()


def quote_marks_of_apostrophes(text: str) -> str:
    """''Archive quotes'' as "quotes": when a paragraph's two-apostrophe marks pair up."""
    marks = rules().double_apostrophes
    found = len(marks.findall(text))
    return marks.sub('"', text) if found and found % 2 == 0 else text


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    text = "\n".join(paragraphs)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def same_text(a: str, b: str) -> bool:
    """Equal after case, quotes and punctuation are set aside (repeated headlines)."""

    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s.casefold()).strip()

    return key(a) == key(b)


# --- lines ------------------------------------------------------------------------------


def drop_clutter(paragraphs: list[str], raw: RawArticle, r: CleaningRules, found: Cleaning) -> list[str]:
    kept: list[str] = []
    seen = 0  # non-empty lines so far: bylines and datelines are looked for in the first few
    for line in paragraphs:
        line = strip_shortcodes(line, r, found)
        if not line:
            kept.append("")
            continue
        if not is_clutter(line, seen, raw, r, found):
            kept.append(line)
        seen += 1
    return kept


def strip_shortcodes(line: str, r: CleaningRules, found: Cleaning) -> str:
    for match in r.shortcode.finditer(line):
        found.removed.append(Removal(text=match.group(0), reason="shortcode"))
    return normalize_space(r.shortcode.sub("", line))


def is_clutter(line: str, n: int, raw: RawArticle, r: CleaningRules, found: Cleaning) -> bool:
    """True (and the removal recorded) when ``line`` is clutter, not article text."""
    reason = clutter_reason(line, n, raw, r, found)
    if reason is not None:
        found.removed.append(Removal(text=line, reason=reason))
    return reason is not None


def clutter_reason(line: str, n: int, raw: RawArticle, r: CleaningRules, found: Cleaning) -> str | None:
    if raw.title and same_text(line, raw.title):
        return "repeated-headline"
    if len(line) > r.max_line_chars:
        return None
    if n < r.header_lines and (reason := header_reason(line, r, found)):
        return reason
    for reason, pattern in r.lines:
        if pattern.match(line):
            return reason
    return None


def header_reason(line: str, r: CleaningRules, found: Cleaning) -> str | None:
    """Bylines and date-only lines at the top of the page, kept as metadata."""
    if found.byline is None and (m := r.byline.match(line)):
        found.byline = m.group("name")
        return "byline"
    if found.dateline is None and r.dateline.match(line):
        found.dateline = line
        return "dateline"
    return None


# --- dek, lead dateline and wire credits ------------------------------------------------


def take_dek(
    paragraphs: list[str], raw: RawArticle, r: CleaningRules, found: Cleaning
) -> tuple[str | None, str | None, list[str]]:
    """A standfirst between headline and story, and the outlet it may name."""
    if raw.dek or raw.extracted:
        return raw.dek, None, paragraphs
    index = next((i for i, p in enumerate(paragraphs) if p), None)
    if index is None or not looks_like_dek(paragraphs, index, r):
        return None, None, paragraphs
    dek = paragraphs[index]
    found.removed.append(Removal(text=dek, reason="dek"))
    outlet = None
    if m := r.dek_outlet.search(dek):
        outlet = m.group("outlet")
        dek = dek[: m.start()].rstrip() + "…"
    return dek, outlet, paragraphs[:index] + paragraphs[index + 1 :]


def looks_like_dek(paragraphs: list[str], index: int, r: CleaningRules) -> bool:
    """Short, followed by the story, and either naming its outlet or not a full sentence."""
    first = paragraphs[index]
    has_story = any(p for p in paragraphs[index + 1 :])
    if not has_story or len(first) > r.dek_max_chars:
        return False
    # a paragraph that ends a sentence, or introduces what follows with a colon, is the story's own
    # ("… met in Bali and released the following statement:"), also in emphasis ("*…:*")
    return bool(r.dek_outlet.search(first)) or not re.search(r"[.!?:\"”’)][*_]*$", first)


def take_lead_dateline(paragraphs: list[str], r: CleaningRules, found: Cleaning) -> list[str]:
    """'NEW DELHI, Feb 27 (ANI) -' opening the story: place, date and wire kept as metadata."""
    index = next((i for i, p in enumerate(paragraphs) if p), None)
    if index is None:
        return paragraphs
    m = r.lead.match(paragraphs[index])
    if m is None or not (m.group("agency") or m.group("date")):
        return paragraphs
    agency = known_agency(m.group("agency") or "")
    if m.group("agency") and agency is None:
        return paragraphs
    if agency:
        found.credits.append(Credit(agency=agency, role="wire"))
    found.dateline = found.dateline or m.group(0).rstrip(" -–—:")
    found.removed.append(Removal(text=m.group(0).strip(), reason="dateline"))
    rest = paragraphs[index][m.end() :]
    return paragraphs[:index] + [rest] + paragraphs[index + 1 :]


def take_wire_credits(paragraphs: list[str], r: CleaningRules, found: Cleaning) -> list[str]:
    """'(ANI)' or '-- Reuters' closing a paragraph: the wire that carried the story."""
    kept: list[str] = []
    for paragraph in paragraphs:
        m = r.wire.search(paragraph)
        agencies = wire_agencies(m.group("paren") or m.group("dash")) if m else []
        if m and agencies:
            found.credits.extend(Credit(agency=a, role="wire") for a in agencies)
            found.removed.append(Removal(text=m.group(0).strip(), reason="wire-credit"))
            paragraph = paragraph[: m.start()].rstrip()
        kept.append(paragraph)
    return kept


def wire_agencies(credit: str) -> list[str]:
    """'ANI', 'PTI and Reuters', 'with inputs from IANS': the agencies, all known, or none."""
    names = [n.strip() for n in re.split(r",|\band\b|&|/", credit) if n.strip()]
    found = [known_agency(n) for n in names]
    return [a for a in found if a] if names and all(found) else []


def known_agency(name: str) -> str | None:
    agency = agency_by_alias().get(name.strip())
    return agency.name if agency else None


def cited_credits(text: str, r: CleaningRules) -> list[Credit]:
    hits: list[tuple[int, str]] = []
    for pattern in r.cited:
        for m in pattern.finditer(text):
            if name := known_agency(m.group("agency")):
                hits.append((m.start("agency"), name))
    return [Credit(agency=name, role="cited") for _, name in sorted(hits)]


def merge_credits(credits: list[Credit]) -> tuple[Credit, ...]:
    """One credit per agency, in order of first appearance; a wire credit wins over cited."""
    roles: dict[str, str] = {}
    for credit in credits:
        if roles.get(credit.agency) != "wire":
            roles[credit.agency] = credit.role
    return tuple(Credit(agency=a, role=role) for a, role in roles.items())  # type: ignore[arg-type]


# --- dates in the header ----------------------------------------------------------------


def parse_dateline_date(dateline: str | None) -> str | None:
    """The ISO date of a dateline line ('Friday, January 4, 2019'), if it has a full date."""
    if not dateline:
        return None
    m = rules().dateline.match(dateline)
    if m is None:
        return None
    core = re.sub(r"^\w+day,?\s+", "", m.group("date"), flags=re.IGNORECASE)
    core = re.sub(r"[.,]", "", core)
    for fmt in DATELINE_FORMATS:
        try:
            return datetime.strptime(core, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def normalize_published(value: str | None) -> str | None:
    """Publication dates are kept as ISO dates; a timestamp keeps its date part."""
    if not value:
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    return m.group(0) if m else value.strip()
