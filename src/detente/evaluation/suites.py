"""The peer suites: PETRARCH validation records, PLOVER gold-standard records, textacy quotes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..knowledge.files import toml_data
from ..record import Quote, Record
from .matching import fold
from .scores import Accuracy, Score, Table

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["score_petrarch", "score_plover", "score_textacy_quotes", "textacy_case_passes"]

# PLOVER's gold-standard records use the names of an older draft of the ontology.
PLOVER_OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# PETRARCH records with an `error` are tests of its input checks (a malformed dateline), not of coding.


def petrarch_triples(record: Record | None, country_level: bool) -> set[tuple[str, str, str]]:
    if record is None:
        return set()
    return {
        # PETRARCH writes "---" for an event with no target
        (cut(e.source.code, country_level), cut(e.target.code, country_level) if e.target else "---", e.cameo)
        for e in record.events
        if not e.negated  # PETRARCH codes no event for a negated verb
    }


def cut(code: str, country_level: bool) -> str:
    """A code, or its first three letters (the country) when comparing at country level."""
    return code[:3] if country_level else code


def expected_triples(case: dict[str, Any], country_level: bool) -> set[tuple[str, str, str]]:
    return {
        (cut(e["source"], country_level), cut(e["target"] or "", country_level), e["code"]) for e in case["expected"]
    }


def score_petrarch(cases: Sequence[tuple[dict[str, Any], Record | None]], real_world: bool, note: str) -> Table:
    """Share of expected triples produced, share of produced triples that are extra, no-event records right."""
    key = "petrarch_real" if real_world else "petrarch_fictional"
    title = (
        "PETRARCH validation, real-world records (country level)"
        if real_world
        else "PETRARCH validation, fictional world"
    )
    table = Table(title, key, notes=[note])
    triples = table.scores.setdefault("triples", Score())
    no_events = table.accuracies.setdefault("no_event_records_right", Accuracy())
    for case, record in cases:
        if case["real_world"] != real_world or case.get("error"):
            continue
        system, expected = petrarch_triples(record, real_world), expected_triples(case, real_world)
        triples.add_sets(set(system), set(expected))
        if case["noevents"]:
            no_events.add(not system)
    table.notes.append(
        "expected produced = triples recall; extra share = 1 − triples precision"
        f" ({triples.fp} extra of {triples.tp + triples.fp} produced)."
    )
    return table


def plover_type(name: str) -> str:
    return PLOVER_OLD_NAMES.get(name, name)


def record_codes(case_actors: list[dict[str, Any]]) -> set[str]:
    """The codes a record's actors accept, in Détente's scheme (``data/evaluation/plover_codes.toml``:
    the records' ``IGO`` is also ``UNO`` or ``EUR``, CAMEO's ``JAP`` is ``JPN``)."""
    accepted: dict[str, list[str]] = toml_data("evaluation/plover_codes.toml")["accepted"]
    codes = {a.get("code") for a in case_actors} - {None}
    return {c for code in codes for c in accepted.get(str(code), [str(code)])}


def score_plover(cases: Sequence[tuple[dict[str, Any], Record | None]]) -> Table:
    """Per sentence: the first coded event's PLOVER type, and any event with the gold's countries and type."""
    table = Table("PLOVER gold-standard records", "plover")
    kind, triple = Accuracy(), Accuracy()
    for case, record in cases:
        events = list(record.events) if record else []
        gold_type = plover_type(case["event"])
        kind.add(bool(events) and events[0].plover.type == gold_type)
        sources = record_codes(case["source"])
        targets: set[str | None] = set(record_codes(case["target"])) or {None}
        triple.add(
            any(
                e.plover.type == gold_type
                and e.source.country in sources
                and (e.target.country if e.target else None) in targets
                for e in events
            )
        )
    table.accuracies.update(type_accuracy=kind, source_target_type_accuracy=triple, **marked_pairs(cases))
    table.notes.append(
        "Old names mapped: DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT; old codes:"
        " IGO is also UNO or EUR, JAP/ITL/VTN are JPN/ITA/VNM (data/evaluation/plover_codes.toml)."
    )
    return table


def marked_pairs(cases: Sequence[tuple[dict[str, Any], Record | None]]) -> dict[str, Accuracy]:
    """On the records that mark both a source and a target (a pair of different countries): an
    event for a marked pair (source to target), its type right when the pair is found, and both
    (the type of any event for the pair, end to end)."""
    pair, type_given_pair, end_to_end = Accuracy(), Accuracy(), Accuracy()
    for case, record in cases:
        sources, targets = record_codes(case["source"]), record_codes(case["target"])
        if not sources or not targets or sources == targets:
            continue
        gold_type = plover_type(case["event"])
        found = [
            e
            for e in (record.events if record else ())
            if e.target is not None and e.source.country in sources and e.target.country in targets
        ]
        right = any(e.plover.type == gold_type for e in found)
        pair.add(bool(found))
        end_to_end.add(right)
        if found:
            type_given_pair.add(right)
    return {"pair_found": pair, "type_when_pair_found": type_given_pair, "pair_and_type": end_to_end}


def score_textacy_quotes(cases: Sequence[tuple[dict[str, Any], Record | None]]) -> tuple[Table, list[str]]:
    """Cases passed (every expected quote with its speaker and content, nothing extra)."""
    table = Table("textacy direct quotations", "quotes_textacy")
    passed, disabled = Accuracy(), Accuracy()
    failures: list[str] = []
    for case, record in cases:
        ok = textacy_case_passes(case, record)
        (disabled if case["status"].startswith("disabled") else passed).add(ok)
        if not ok:
            failures.append(f"[{case['status']}] {case['text'][:90]!r}")
    table.accuracies.update(cases_passed=passed, disabled_upstream_passed=disabled)
    return table, failures


def textacy_case_passes(case: dict[str, Any], record: Record | None) -> bool:
    quotes = [q for q in record.quotes if q.kind == "direct"] if record else []
    if "expected_speaker_tokens" in case:
        said_by = [t for q in quotes if q.speaker and q.speaker.mention for t in q.speaker.mention.text.split()]
        return bool(said_by == case["expected_speaker_tokens"])
    found = {(fold(q.text), speaker_text(q), fold(q.cue or "")) for q in quotes}
    wanted = {(fold(e["content"]), fold(" ".join(e["speaker"])), fold(" ".join(e["cue"]))) for e in case["expected"]}
    return found == wanted


def speaker_text(quote: Quote) -> str:
    return fold(quote.speaker.mention.text) if quote.speaker and quote.speaker.mention else ""
