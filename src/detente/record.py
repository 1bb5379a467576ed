"""The extraction record: Détente's output contract (``../shared/SCHEMA.md``).

Every stage produces frozen, typed structs; ``Record`` is what one article becomes.
``msgspec`` gives the lossless JSON round-trip and the JSON Schema
(``detente schema`` prints it; ``data/record.schema.json`` is that output, kept equal by a
test).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

import msgspec

# The module's public names.
__all__ = [
    "Actor",
    "Amount",
    "Article",
    "Credit",
    "DateRef",
    "Event",
    "EventActor",
    "Failure",
    "Mention",
    "Modality",
    "Plover",
    "Quote",
    "QuoteKind",
    "Record",
    "Removal",
    "SentenceTone",
    "Span",
    "rule_text",
    "Speaker",
    "Step",
    "ThemeTrigger",
    "Tone",
    "content_hash",
    "json_schema",
    "json_schema_text",
]

SCHEMA_VERSION = "1"

Modality = Literal["asserted", "intended", "hypothetical"]
QuoteKind = Literal["direct", "indirect"]
CreditRole = Literal["wire", "cited"]
Status = Literal["coded", "skipped"]


class Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Base of every record struct: immutable, and strict when decoded."""

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)  # type: ignore[no-any-return]


class Span(Struct, frozen=True):
    start: int
    end: int


class Mention(Struct, frozen=True):
    start: int
    end: int
    text: str


class Credit(Struct, frozen=True):
    agency: str
    role: CreditRole


class Removal(Struct, frozen=True):
    text: str
    reason: str


class Article(Struct, frozen=True):
    id: str
    title: str | None = None
    dek: str | None = None
    outlet: str | None = None
    credits: tuple[Credit, ...] = ()
    url: str | None = None
    published: str | None = None
    language: str | None = None
    text: str = ""
    removed: tuple[Removal, ...] = ()
    byline: str | None = None
    dateline: str | None = None
    source: str | None = None
    warnings: tuple[str, ...] = ()


class Actor(Struct, frozen=True):
    id: str
    name: str
    kind: str
    country: str | None
    sector: str
    role: str | None
    code: str
    mentions: tuple[Mention, ...] = ()


class Speaker(Struct, frozen=True):
    actor: str | None
    name: str | None
    mention: Mention | None


class Quote(Struct, frozen=True):
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    cue: str | None
    # The actor (a news agency) that reported the statement: "TASS reported citing Rudenko".
    reported_by: str | None = None


class EventActor(Struct, frozen=True):
    actor: str | None
    country: str | None
    sector: str
    code: str
    text: str


class Plover(Struct, frozen=True):
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()


class Step(Struct, frozen=True):
    """One step between the rule that fired and the event's code: ``kind`` is what the coder read
    (``intent``, ``refusal``, ``threat``, ``ultimatum``, ``agreed to``, ``scheduled``, ``each way``,
    ``abroad``, ``aimed``, ``withdrawal``, ``statement``, ``visit``, ``dissent``, ``stopped``,
    ``criticism``, ``praise``, ``accusation``, ``request``, ``demand``, ``aid``, ``struck``), ``detail``
    the words or code it read them from ("commit", "unless", "163")."""

    kind: str
    detail: str | None = None


class Event(Struct, frozen=True):
    source: EventActor
    target: EventActor | None
    cameo: str
    goldstein: float
    quad_class: int
    plover: Plover
    modality: Modality
    negated: bool
    claimed_by: str | None
    date: str | None
    date_text: str | None
    sentence: Span
    trigger: Mention
    # The dictionary pattern, event noun or structure that fired ("CALL: * (default)",
    # "NOMINAL: talks (with/between)"); what the coder then read is in ``steps``.
    rule: str
    confidence: float
    themes: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()

    def has_step(self, kind: str) -> bool:
        return any(step.kind == kind for step in self.steps)

    @property
    def provenance(self) -> str:
        """The rule and its steps as one line ("CALL: * (default) → intent (commit)")."""
        return rule_text(self.rule, self.steps)


def rule_text(rule: str, steps: tuple[Step, ...] | list[Step]) -> str:
    return "".join([rule, *(f" → {s.kind}" + (f" ({s.detail})" if s.detail else "") for s in steps)])


class DateRef(Struct, frozen=True):
    text: str
    value: str | None
    start: int
    end: int


class Amount(Struct, frozen=True):
    text: str
    value: float
    unit: str
    kind: str
    start: int
    end: int


class Tone(Struct, frozen=True):
    """GDELT's convention: positive and negative words in percent of all words; score = their difference."""

    score: float
    positive: float
    negative: float
    words: int = 0


class SentenceTone(Struct, frozen=True):
    start: int
    end: int
    score: float
    positive: float
    negative: float


class ThemeTrigger(Struct, frozen=True):
    """A word or phrase of the text that counts toward a theme."""

    theme: str
    text: str
    start: int
    end: int


class Failure(Struct, frozen=True):
    """An input that could not become a record, and why (``reason`` is a stable code)."""

    source: str
    reason: str
    detail: str


class Record(Struct, frozen=True):
    article: Article
    schema_version: str = SCHEMA_VERSION
    status: Status = "coded"
    skip_reason: str | None = None
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    dates: tuple[DateRef, ...] = ()
    amounts: tuple[Amount, ...] = ()
    themes: tuple[str, ...] = ()
    tone: Tone | None = None
    theme_triggers: tuple[ThemeTrigger, ...] = ()
    sentence_tones: tuple[SentenceTone, ...] = ()

    def to_json(self) -> str:
        return msgspec.json.encode(self).decode("utf-8")

    @classmethod
    def from_json(cls, data: str | bytes) -> Record:
        return msgspec.json.decode(data, type=cls)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return msgspec.convert(data, type=cls)


def content_hash(text: str) -> str:
    """sha256 of an article's cleaned text, in hex: its identity when ids collide or are absent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``Record``, generated from the structs above."""
    schema = msgspec.json.schema(Record)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Détente extraction record, schema_version {SCHEMA_VERSION}"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
