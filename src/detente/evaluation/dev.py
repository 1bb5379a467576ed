"""Scoring records against the article-level gold of ``gold/dev`` (``../shared/gold/GUIDE.md``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar, cast

from ..record import Actor, Amount, DateRef, Event, Quote, Record
from .gold import GoldArticle
from .matching import fold, names_match, quote_opens_with, quote_starts_with, texts_overlap
from .scores import Accuracy, Macro, Score, Table

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["amount_right", "background", "genre", "happened", "pair_up", "score_dev"]

# An amount is right when its value is within this share of the gold's (rounding in the text).
AMOUNT_TOLERANCE = 0.01

G = TypeVar("G")
S = TypeVar("S")


@dataclass
class DevResult:
    tables: list[Table]
    misses: dict[str, list[str]] = field(default_factory=dict)

    def miss(self, component: str, text: str) -> None:
        self.misses.setdefault(component, []).append(text)


def score_dev(pairs: Sequence[tuple[GoldArticle, Record | None]]) -> DevResult:
    """One table per component, and one of the main figures per genre; an article the pipeline
    failed on counts as all misses."""
    tables = {k: Table(title, k) for k, title in COMPONENTS.items()}
    result = DevResult(tables=list(tables.values()))
    by_genre: dict[str, dict[str, Table]] = {}
    for gold_article, record in pairs:
        gold, record = gold_article.gold, record or Record.from_dict({"article": {"id": gold_article.id}})
        own = by_genre.setdefault(genre(gold), {k: Table(title, k) for k, title in COMPONENTS.items()})
        for into, misses in ((tables, result), (own, DevResult(tables=[]))):
            score_actors(into["actors"], misses, gold, record)
            score_events(into["events"], misses, gold, record)
            score_quotes(into["quotes"], misses, gold, record)
            score_dates(into["dates"], misses, gold, record)
            score_amounts(into["amounts"], misses, gold, record)
    add_notes(tables)
    result.tables.append(genre_table(by_genre))
    return result


# Genres of the gold articles, told by their titles: White House transcripts of remarks, readouts
# of calls and meetings, statements (joint or not); everything else is news.
GENRES = (("remarks", ("remarks by", "remarks of")), ("readouts", ("readout",)), ("statements", ("statement",)))
NEWS = "news"


def genre(gold: dict[str, Any]) -> str:
    title = str(gold.get("title") or gold.get("id") or "").casefold()
    return next((name for name, words in GENRES if any(w in title for w in words)), NEWS)


def genre_table(by_genre: dict[str, dict[str, Table]]) -> Table:
    """Per genre: events macro-averaged, quotes found and their speakers, actors' country and
    sector, and dates' values."""
    table = Table("By genre (gold/dev)", "genre")
    for name in [g for g, _ in GENRES] + [NEWS]:
        if name not in by_genre:
            continue
        own = by_genre[name]
        table.macros[f"events_{name}"] = own["events"].macros["triples"]
        table.scores[f"quotes_found_{name}"] = own["quotes"].scores["found"]
        table.accuracies[f"quotes_speaker_{name}"] = own["quotes"].accuracies["speaker_accuracy"]
        table.accuracies[f"actors_country_{name}"] = own["actors"].accuracies["country_accuracy"]
        table.accuracies[f"actors_sector_{name}"] = own["actors"].accuracies["sector_accuracy"]
        table.accuracies[f"dates_value_{name}"] = own["dates"].accuracies["value_accuracy"]
    table.notes.append(
        "Genres from the titles: remarks (transcripts), readouts, statements, news (the rest). Events:"
        " (source, target, PLOVER type) per article, macro-averaged over the genre's articles."
    )
    return table


COMPONENTS = {
    "actors": "Actors (gold/dev)",
    "events": "Events (gold/dev, country level)",
    "quotes": "Quotes (gold/dev)",
    "dates": "Dates (gold/dev)",
    "amounts": "Amounts (gold/dev)",
}


def pair_up(
    golds: list[G], systems: list[S], *sames: Callable[[G, S], bool]
) -> tuple[list[tuple[G, S]], list[G], list[S]]:
    """Greedy one-to-one matching, the strictest test first (an exact name before a loose one):
    (matched pairs, unmatched gold, unmatched system)."""
    left, missed = list(systems), list(golds)
    pairs: list[tuple[G, S]] = []
    for same in sames:
        for g in list(missed):
            found = next((s for s in left if same(g, s)), None)
            if found is not None:
                left.remove(found)
                missed.remove(g)
                pairs.append((g, found))
    return pairs, missed, left


def actor_named(gold: dict[str, Any], actor: Actor) -> bool:
    return fold(gold["name"]) in {fold(actor.name), *(fold(m.text) for m in actor.mentions)}


def actor_matches(gold: dict[str, Any], actor: Actor) -> bool:
    return names_match(gold["name"], actor.name) or any(names_match(gold["name"], m.text) for m in actor.mentions)


def score_actors(table: Table, result: DevResult, gold: dict[str, Any], record: Record) -> None:
    pairs, missed, extra = pair_up(gold["actors"], list(record.actors), actor_named, actor_matches)
    table.scores.setdefault("found", Score()).add(len(pairs), len(extra), len(missed))
    country = table.accuracies.setdefault("country_accuracy", Accuracy())
    sector = table.accuracies.setdefault("sector_accuracy", Accuracy())
    for g, a in pairs:
        country.add(a.country == g["country"])
        sector.add(a.sector == (g["sector"] or ""))
        if a.country != g["country"] or a.sector != (g["sector"] or ""):
            coded = f"{a.country} {a.sector or '-'}"
            result.miss("actors", f"{gold['id']}: {g['name']} is {g['country']} {g['sector'] or '-'}, coded {coded}")
    for g in missed:
        result.miss("actors", f"{gold['id']}: not found: {g['name']} ({g['country']} {g['sector'] or '-'})")


def happened(event: Event, published: str | None = None) -> bool:
    """What the gold guide counts: events asserted or intended, not hypothetical or negated, and
    not background history (dated more than a year before publication)."""
    return event.modality != "hypothetical" and not event.negated and not background(event.date, published)


# The gold guide: "Not events: background history beyond a year before publication".
HISTORY_DAYS = 365


def background(when: str | None, published: str | None) -> bool:
    """Whether a date (ISO day, month, year or range) ends more than a year before publication."""
    if not when or not published:
        return False
    try:
        parts = [int(p) for p in when.split("/")[-1].split("-")]
        end = date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)
        return end < date.fromisoformat(published[:10]) - timedelta(days=HISTORY_DAYS)
    except ValueError:
        return False


def score_events(table: Table, result: DevResult, gold: dict[str, Any], record: Record) -> None:
    system = {
        (e.source.country, e.target.country if e.target else None, e.plover.type, e.cameo[:2])
        for e in record.events
        if happened(e, record.article.published)
    }
    expected = {(e["source"], e["target"], e["plover"], e["cameo_root"]) for e in gold["events"]}
    for name, cut in (("triples", (0, 1, 2)), ("dyads", (0, 1)), ("cameo_roots", (0, 1, 3))):
        table.scores.setdefault(name, Score()).add_sets(project(system, cut), project(expected, cut))
        table.macros.setdefault(name, Macro()).add_sets(project(system, cut), project(expected, cut))
    for e in sorted(project(expected, (0, 1, 2)) - project(system, (0, 1, 2)), key=str):
        result.miss("events", f"{gold['id']}: missed {fmt_event(e)}")
    for e in sorted(project(system, (0, 1, 2)) - project(expected, (0, 1, 2)), key=str):
        result.miss("events", f"{gold['id']}: extra {fmt_event(e)}")


def project(triples: set[tuple[Any, ...]], cut: tuple[int, ...]) -> set[object]:
    return {tuple(t[i] for i in cut) for t in triples}


def fmt_event(event: object) -> str:
    source, target, kind = cast(tuple[str, str | None, str], event)
    return f"{source} → {target or '∅'} {kind}"


def score_quotes(table: Table, result: DevResult, gold: dict[str, Any], record: Record) -> None:
    pairs, missed, extra = pair_up(  # one text said by several (a joint readout): each with its own speaker first
        gold["quotes"],
        list(record.quotes),
        lambda g, q: quote_starts_with(q.text, g["starts_with"]) and speaker_right(g, q),
        lambda g, q: quote_opens_with(q.text, g["starts_with"]) and speaker_right(g, q),
        lambda g, q: quote_starts_with(q.text, g["starts_with"]),
        lambda g, q: quote_opens_with(q.text, g["starts_with"]),
    )
    table.scores.setdefault("found", Score()).add(len(pairs), len(extra), len(missed))
    speaker = table.accuracies.setdefault("speaker_accuracy", Accuracy())
    kind = table.accuracies.setdefault("kind_accuracy", Accuracy())
    for g, q in pairs:
        said_by = q.speaker.name if q.speaker else None
        right = speaker_right(g, q)
        speaker.add(right)
        kind.add(q.kind == g["kind"])
        if not right:
            result.miss("quotes", f"{gold['id']}: “{g['starts_with']}” is {g['speaker']}'s, attributed to {said_by}")
    for g in missed:
        result.miss("quotes", f"{gold['id']}: not found: {g['kind']} “{g['starts_with']}” ({g['speaker']})")


def speaker_right(gold: dict[str, Any], quote: Quote) -> bool:
    said_by = quote.speaker.name if quote.speaker else None
    if gold["speaker"] is None:
        return said_by is None
    return said_by is not None and names_match(gold["speaker"], said_by)


def distinct(items: Sequence[S], key: Callable[[S], object]) -> list[S]:
    """The first of each group of equal items: gold lists an expression once, however often it occurs."""
    seen: dict[object, S] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def score_dates(table: Table, result: DevResult, gold: dict[str, Any], record: Record) -> None:
    dates = distinct(record.dates, lambda d: (fold(d.text), d.value))
    score_values(
        ValueScoring(table, result, gold["id"], "dates", "value_accuracy"),
        gold["dates"],
        dates,
        lambda g, d: g["value"] == d.value,
        lambda g: str(g["value"]),
        lambda d: str(d.value),
    )


def amount_right(gold: dict[str, Any], value: float, unit: str) -> bool:
    close = abs(value - gold["value"]) <= AMOUNT_TOLERANCE * abs(gold["value"])
    return close and singular(unit) == singular(gold["unit"])


def singular(unit: str) -> str:
    unit = unit.casefold()
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


def score_amounts(table: Table, result: DevResult, gold: dict[str, Any], record: Record) -> None:
    amounts = distinct(record.amounts, lambda a: (fold(a.text), a.value, a.unit))
    score_values(
        ValueScoring(table, result, gold["id"], "amounts", "value_unit_accuracy"),
        gold["amounts"],
        amounts,
        lambda g, a: amount_right(g, a.value, a.unit),
        lambda g: f"{g['value']:g} {g['unit']}",
        lambda a: f"{a.value:g} {a.unit}",
    )


@dataclass
class ValueScoring:
    """Where a component's found/value scores and misses go."""

    table: Table
    result: DevResult
    article: str
    component: str
    accuracy: str


Valued = TypeVar("Valued", DateRef, Amount)


def score_values(
    to: ValueScoring,
    golds: list[dict[str, Any]],
    found: list[Valued],
    right_value: Callable[[dict[str, Any], Valued], bool],
    show_gold: Callable[[dict[str, Any]], str],
    show: Callable[[Valued], str],
) -> None:
    """Dates and amounts alike: found by overlapping text, then right or wrong in value; a found
    one with a wrong value counts as both a miss and an extra in ``found_with_value``."""
    pairs, missed, extra = pair_up(golds, found, lambda g, x: texts_overlap(g["text"], x.text))
    to.table.scores.setdefault("found", Score()).add(len(pairs), len(extra), len(missed))
    right = [right_value(g, x) for g, x in pairs]
    accuracy = to.table.accuracies.setdefault(to.accuracy, Accuracy())
    accuracy.correct += sum(right)
    accuracy.total += len(right)
    wrong = right.count(False)
    to.table.scores.setdefault("found_with_value", Score()).add(sum(right), len(extra) + wrong, len(missed) + wrong)
    for (g, x), ok in zip(pairs, right, strict=True):
        if not ok:
            to.result.miss(to.component, f"{to.article}: “{g['text']}” is {show_gold(g)}, read as {show(x)}")
    for g in missed:
        to.result.miss(to.component, f"{to.article}: not found: “{g['text']}” ({show_gold(g)})")
    for x in extra:
        to.result.miss(to.component, f"{to.article}: extra: “{x.text}” ({show(x)})")


NOTES = {
    "actors": "found: a gold actor matched to a system actor by its name or a mention, the same name first,"
    " then loosely (one a part of the other, or an acronym); the accuracies are on matched actors.",
    "events": "Sets per article, at country level: (source, target, PLOVER type), (source, target),"
    " (source, target, CAMEO root). Hypothetical and negated events, and events dated more than a"
    " year before publication, are left out of the system's side, as the gold guide leaves them out"
    " of the gold.",
    "quotes": "found: a system quote that starts with the gold's first words, else one that has them"
    " within its first words;"
    " the speaker is right when the names match.",
    "dates": "Distinct (text, value) per article, as the gold lists them."
    " found: text anchors overlap; found_with_value counts a found date with a wrong value"
    " as both a miss and an extra.",
    "amounts": f"found: text anchors overlap; right: value within {AMOUNT_TOLERANCE:.0%} and the same unit.",
}


def add_notes(tables: dict[str, Table]) -> None:
    for key, note in NOTES.items():
        tables[key].notes.append(note)
