"""How event codes combine: the coding rules of ``data/events/coding.toml`` (intentions,
refusals, stopped cooperation, demands …), the event nouns of ``data/events/nominal.toml``, and the
confidences and reaches the coder works with, each read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ..knowledge.files import toml_data

if TYPE_CHECKING:
    from spacy.tokens import Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "DEFAULT_CONFIDENCE",
    "HYPOTHETICAL",
    "HYPOTHETICAL_MARKS",
    "MUTUAL_MOST",
    "NEGATION_REACH",
    "PATTERN_CONFIDENCE",
    "PLACED_CONFIDENCE",
    "intent_code",
    "nominal_events",
    "refusal_code",
    "rules",
    "stopped_code",
    "wish_verb",
]


# How sure a rule is: a pattern that matched words around the verb, or the verb's default code.
PATTERN_CONFIDENCE = 0.8


DEFAULT_CONFIDENCE = 0.5


# A passive with no agent, its source the country where it happened: a guess, said as one.
PLACED_CONFIDENCE = 0.3


# Verbs of wish: what they govern is intended, but not an expressed intent ("wants to take part").
WISH_VERBS = frozenset({"aim", "seek", "want", "hope", "wish", "expect", "try"})


def wish_verb(token: Token) -> bool:
    """A verb of wish, also where the lemmatizer misreads it ("hopes" as "hop")."""
    word = token.lower_
    stems = {word, word[:-1], word[:-2], word[:-3] + "e", word[:-3]} if token.pos_ in ("VERB", "AUX") else {word}
    return token.lemma_.lower() in WISH_VERBS or bool(stems & WISH_VERBS)


# A mutual act among n named states gives every ordered pair (the gold guide's convention: "the
# Leaders of Canada, … and the United States met" is a meeting of each with each); a longer list
# than this is a table, not a gathering.
MUTUAL_MOST = 30


# How many infinitives up a negation reaches ("would not give permission to Russia to help").
NEGATION_REACH = 3


HYPOTHETICAL = frozenset({"could", "might", "may"})


# Clauses that are conditions or open questions, not statements of fact ("if they attack", "asked
# whether he sees a role for India"): what they say is hypothetical.
HYPOTHETICAL_MARKS = frozenset({"if", "whether", "unless"})


@dataclass(frozen=True)
class CodingRules:
    intent_codes: dict[str, str]
    intent_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    intent_nouns: frozenset[str]
    agreement_verbs: frozenset[str]
    agreement_code: str
    future: frozenset[str]
    scheduled_roots: frozenset[str]
    mutual_roots: tuple[str, ...]
    mutual_verbs: frozenset[str]
    commitment_verbs: frozenset[str]
    reciprocal_verbs: frozenset[str]
    one_meeting: frozenset[str]
    visit_other_half: frozenset[str]
    unsaid_roots: frozenset[str]
    placed_participle_roots: frozenset[str]
    struck_roots: frozenset[str]
    struck_preps: frozenset[str]
    local_meeting_roots: tuple[str, ...]
    force_means: frozenset[str]
    light_verbs: frozenset[str]
    defaults: dict[str, str]
    request_verbs: frozenset[str]
    request_through: dict[str, frozenset[str]]
    stopping_verbs: frozenset[str]
    stopping_codes: dict[str, str]
    refusal_verbs: frozenset[str]
    partial_negation: frozenset[str]
    refusal_codes: dict[str, str]
    demand_auxiliaries: frozenset[str]
    demand_code: str
    request_code: str
    utterances: frozenset[str]
    untargeted_statements: frozenset[str]
    outlet_sectors: frozenset[str]
    outlet_free_roots: frozenset[str]
    intransitive: frozenset[str]
    audiences: frozenset[str]
    statement_sectors: frozenset[str]
    recipient_preps: frozenset[str]
    ultimatum_marks: frozenset[str]
    ultimatum_code: str
    threat_verbs: frozenset[str]
    stance_passives: frozenset[str]
    against_verbs: frozenset[str]
    recipient_types: frozenset[str]
    undirected_types: frozenset[str]
    alone_types: frozenset[str]
    recipient_verbs: frozenset[str]
    study_verbs: frozenset[str]
    withdrawal_verbs: frozenset[str]
    withdrawal_sectors: frozenset[str]
    withdrawal_code: str
    travel_verbs: dict[str, frozenset[str]]
    travel_code: str
    not_visitors: frozenset[str]
    threat_future: frozenset[str]
    threat_code: str
    dissent_roots: frozenset[str]
    dissent_code: str
    state_sectors: frozenset[str]
    local_protest_roots: frozenset[str]
    government_words: frozenset[str]


@cache
def rules() -> CodingRules:
    data = toml_data("events/coding.toml")
    words = data["intent"]["words"]
    return CodingRules(
        intent_codes=dict(data["intent"]["codes"]),
        intent_verbs=frozenset(words["verbs"]),
        intent_adjectives=frozenset(words["adjectives"]),
        intent_nouns=frozenset(data["intent"]["words"]["nouns"]),
        agreement_verbs=frozenset(words["agreement"]),
        agreement_code=words["agreement_code"],
        future=frozenset(words["future"]),
        scheduled_roots=frozenset(words["scheduled_roots"]),
        mutual_roots=tuple(data["mutual"]["roots"]),
        mutual_verbs=frozenset(data["mutual"]["verbs"]),
        commitment_verbs=frozenset(data["mutual"]["commitments"]),
        reciprocal_verbs=frozenset(data["mutual"]["reciprocal"]),
        one_meeting=frozenset(data["mutual"]["told_once"]),
        visit_other_half=frozenset(data["mutual"]["other_half"]),
        unsaid_roots=frozenset(data["statements"]["unsaid_roots"]),
        placed_participle_roots=frozenset(data["placed"]["participle_roots"]),
        struck_roots=frozenset(data["placed"]["struck_roots"]),
        struck_preps=frozenset(data["placed"]["struck_preps"]),
        local_meeting_roots=tuple(data["placed"]["local_meeting_roots"]),
        force_means=frozenset(data["placed"]["means"]),
        light_verbs=frozenset(data["light_verbs"]["verbs"]),
        defaults=dict(data["defaults"]),
        request_verbs=frozenset(data["requests"]["verbs"]),
        request_through={verb: frozenset(preps) for verb, preps in data["requests"]["through"].items()},
        stopping_verbs=frozenset(data["stopping"]["verbs"]),
        stopping_codes=dict(data["stopping"]["codes"]),
        refusal_verbs=frozenset(data["refusal"]["verbs"]),
        partial_negation=frozenset(data["refusal"]["partial"]),
        refusal_codes=dict(data["refusal"]["codes"]),
        demand_auxiliaries=frozenset(data["demands"]["auxiliaries"]),
        demand_code=data["demands"]["code"],
        request_code=data["requests"]["code"],
        utterances=frozenset(data["utterances"]["nouns"]),
        untargeted_statements=frozenset(data["statements"]["untargeted"]),
        outlet_sectors=frozenset(data["outlets"]["sectors"]),
        outlet_free_roots=frozenset(data["outlets"]["not_done_by"]),
        intransitive=frozenset(data["intransitive"]["verbs"]),
        audiences=frozenset(data["statements"]["audiences"]),
        statement_sectors=frozenset(data["statements"]["only_speaking_sectors"]),
        recipient_preps=frozenset(data["statements"]["recipient_preps"]),
        ultimatum_marks=frozenset(data["ultimatums"]["marks"]),
        ultimatum_code=data["ultimatums"]["code"],
        threat_verbs=frozenset(data["threats"]["verbs"]),
        stance_passives=frozenset(data["stances"]["passives"]),
        against_verbs=frozenset(data["against"]["verbs"]),
        recipient_types=frozenset(data["recipients"]["types"]),
        undirected_types=frozenset(data["recipients"]["undirected"]),
        alone_types=frozenset(data["recipients"]["alone"]),
        recipient_verbs=frozenset(data["recipients"]["verbs"]),
        study_verbs=frozenset(data["study"]["verbs"]),
        withdrawal_verbs=frozenset(data["withdrawals"]["verbs"]),
        withdrawal_sectors=frozenset(data["withdrawals"]["sectors"]),
        withdrawal_code=data["withdrawals"]["code"],
        travel_verbs={verb: frozenset(preps) for verb, preps in data["travel"]["verbs"].items()},
        travel_code=data["travel"]["code"],
        not_visitors=frozenset(data["travel"]["not_visitors"]),
        threat_future=frozenset(data["threats"]["future"]),
        threat_code=data["threats"]["code"],
        dissent_roots=frozenset(data["dissent"]["roots"]),
        dissent_code=data["dissent"]["code"],
        state_sectors=frozenset(data["dissent"]["state_sectors"]),
        local_protest_roots=frozenset(data["dissent"]["local_roots"]),
        government_words=frozenset(data["dissent"]["government_words"]),
    )


def refusal_code(code: str) -> str | None:
    """The CAMEO 12 code of refusing to do ``code`` ("refused to deploy peacekeepers" 0334 → 120)."""
    table = rules().refusal_codes
    return next((table[p] for p in (code[:4], code[:3], code[:2]) if p in table), None)


def intent_code(code: str) -> str | None:
    """The CAMEO 03/13 code of an intention to do ``code`` ("will supply" 070 → 033), if any."""
    table = rules().intent_codes
    return next((table[p] for p in (code[:4], code[:3], code[:2]) if p in table), None)


def stopped_code(code: str) -> str | None:
    table = rules().stopping_codes
    return next((table[p] for p in (code[:4], code[:3], code[:2]) if p in table), None)


class EventNoun(NamedTuple):
    """An event noun of ``data/events/nominal.toml``."""

    code: str
    preps: tuple[str, ...]
    hosted: bool  # a meeting held in a country is with it; aid delivered in a country is for it
    mutual: bool  # an act two sides do together: owned by several, it goes each way between them


@cache
def nominal_events() -> dict[str, EventNoun]:
    table = toml_data("events/nominal.toml")["nouns"]
    return {
        noun: EventNoun(
            entry["code"], tuple(entry["preps"]), bool(entry.get("hosted", False)), bool(entry.get("mutual", False))
        )
        for noun, entry in table.items()
    }
