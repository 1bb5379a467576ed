"""Amounts: money, counts of people and equipment, percentages and ordinal units, as numbers.

spaCy's MONEY, PERCENT, CARDINAL, QUANTITY and ORDINAL entities say where an amount is; the
project reads its value (digits, number words, "three-and-a-half million", the Indian lakh and
crore), its currency (signs, ISO codes, words) and, for counts, the noun it counts from the
dependency parse. A range ("between $5 and $7 billion", "16–17 percent") gives one amount per
bound, with the same text. Words are data in ``data/amounts.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data
from ..nlp import doc_text, sentence_start
from ..record import Amount

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["currency_in", "find_amounts", "read_numbers"]

NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+(?:\.[a-z]+\.)?|[$€£₹₽¥]")
# Years are dates, not counts, when no noun says otherwise.
YEARS = range(1800, 2101)
# Tokens looked at after a number for its currency word ("30 billion US dollars").
CURRENCY_LOOKAHEAD = 3


@dataclass(frozen=True)
class AmountWords:
    scales: dict[str, float]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    signs: dict[str, str]
    currency_words: dict[str, str]
    codes: frozenset[str]
    ordinal_units: frozenset[str]
    not_units: frozenset[str]


@cache
def words() -> AmountWords:
    data = toml_data("amounts.toml")
    return AmountWords(
        scales={k: float(v) for k, v in data["scales"].items()},
        numbers={k: float(v) for k, v in data["number_words"].items()},
        ordinals=dict(data["ordinals"]),
        signs=dict(sorted(data["currency_signs"].items(), key=lambda kv: -len(kv[0]))),
        currency_words=dict(sorted(data["currency_words"].items(), key=lambda kv: -len(kv[0]))),
        codes=frozenset(data["currency_codes"]["codes"]),
        ordinal_units=frozenset(data["ordinal_units"]["nouns"]),
        not_units=frozenset(data["not_units"]["nouns"]),
    )


# --- values ---------------------------------------------------------------------------------


@dataclass
class Reading:
    """Numbers read so far, each with whether a scale word multiplied it."""

    values: list[float]
    scaled: list[bool]
    current: float | None = None
    current_scaled: bool = False

    def flush(self) -> None:
        if self.current is not None:
            self.values.append(self.current)
            self.scaled.append(self.current_scaled)
        self.current, self.current_scaled = None, False

    def start(self, value: float) -> None:
        self.flush()
        self.current = value


def read_numbers(text: str) -> list[float]:
    """The numbers in an amount's text, in order; a trailing scale word applies to a range's
    lower bound too ("between $5 and $7 billion" is 5e9 and 7e9)."""
    w = words()
    tokens = NUMBER_TOKEN.findall(text.lower())
    r = Reading([], [])
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        read_token(r, token, following, w)
    r.flush()
    if r.scaled and r.scaled[-1] and not all(r.scaled):
        scale = next(s for s in sorted(w.scales.values(), reverse=True) if r.values[-1] % s == 0 or s <= r.values[-1])
        r.values = [v if s else v * scale for v, s in zip(r.values, r.scaled, strict=True)]
    return r.values


def read_token(r: Reading, token: str, following: str, w: AmountWords) -> None:
    if token[0].isdigit():
        r.start(float(token.replace(",", "")))
    elif token in w.scales and (r.current is not None or token in ("hundred", "thousand", "million", "billion")):
        if token in ("m", "b", "k") and r.current is None:
            return
        r.current = (r.current if r.current is not None else 1.0) * w.scales[token]
        r.current_scaled = r.current_scaled or w.scales[token] >= 1000
    elif token == "half" and r.current is not None:
        r.current += 0.5
    elif token in ("a", "an"):
        if following in w.scales or following == "dozen":
            r.start(1.0)
    elif token in w.numbers:
        value = w.numbers[token]
        if r.current is not None and r.current >= 20 and r.current % 10 == 0 and value < 10 and not r.current_scaled:
            r.current += value  # twenty-one
        elif r.current is not None and token == "dozen":
            r.current *= 12
        else:
            r.start(value)
    elif token != "and":
        r.flush()


def currency_in(text: str) -> str | None:
    """The ISO 4217 code of the first currency sign, code or word in ``text``."""
    w = words()
    for sign, code in w.signs.items():
        if sign in text:
            return code
    for token in re.findall(r"\b[A-Z]{3}\b", text):
        if token in w.codes:
            return "CNY" if token == "RMB" else token
    lower = text.lower()
    for word, code in w.currency_words.items():
        if re.search(rf"\b{re.escape(word)}\b", lower):
            return code
    return None


# --- finding amounts in a parsed article ---------------------------------------------------------


def find_amounts(doc: Doc) -> tuple[Amount, ...]:
    """Every amount in the article, one per value (a range gives two)."""
    found: list[Amount] = []
    last_unit: dict[int, str] = {}  # the last count noun seen, by sentence start
    for ent in doc.ents:
        for amount in amounts_of(ent, last_unit):
            found.append(amount)
            if amount.kind == "count":
                last_unit[sentence_start(doc, ent.start)] = amount.unit
    return tuple(found)


def amounts_of(ent: Span, last_unit: dict[int, str]) -> list[Amount]:
    label = ent.label_
    if label == "ORDINAL":
        return ordinal_amount(ent)
    if label == "DATE" and counts_a_noun(ent):
        label = "CARDINAL"  # "Between 36 and 40 people", which spaCy tags as a date
    if label not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") or refers_back(ent, label):
        return []
    ent = with_number_words(ent)
    values = read_numbers(ent.text)
    if not values:
        return []
    unit, kind = unit_of(ent, label, values, last_unit)
    if unit is None:
        return []
    noun = counted_noun(ent) if kind == "count" else None
    end = noun.idx + len(noun.text) if noun is not None and noun.i >= ent.end else ent.end_char
    text = doc_text(ent.doc)[ent.start_char : end]
    return [Amount(text=text, value=v, unit=unit, kind=kind, start=ent.start_char, end=end) for v in values]


# "the two countries", "both sides", "one of the goals": a number that points back or picks
# out, not an amount. Below this value a definite number is taken as pointing back.
ANAPHORIC_BELOW = 10
DEFINITE = frozenset({"the", "these", "those", "both", "all", "its", "their", "our"})


def counts_a_noun(ent: Span) -> bool:
    """A DATE entity that is only numbers counting a noun that is not a time unit."""
    noun = counted_noun(ent)
    numbers_only = all(t.like_num or t.is_punct or t.lower_ in ("between", "and", "to") for t in ent)
    years = any(v.is_integer() and int(v) in YEARS for v in read_numbers(ent.text))  # "the 1994 agreement"
    return numbers_only and not years and noun is not None and noun.lower_ not in words().not_units


def refers_back(ent: Span, label: str) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    values = read_numbers(ent.text)
    small = bool(values) and max(values) < ANAPHORIC_BELOW
    return label == "CARDINAL" and small and (before in DEFINITE or after == "of")


def with_number_words(ent: Span) -> Span:
    """The entity extended over number words spaCy left out ("three" + "-and-a-half million")."""
    w, doc, end = words(), ent.doc, ent.end
    while end < len(doc) and (doc[end].lower_ in w.scales or doc[end].lower_ in ("-", "and", "a", "half")):
        end += 1
    while end > ent.end and doc[end - 1].lower_ in ("-", "and", "a"):
        end -= 1
    return doc[ent.start : end] if end > ent.end else ent


def unit_of(ent: Span, label: str, values: list[float], last_unit: dict[int, str]) -> tuple[str | None, str]:
    """(unit, kind) of an amount: a currency, percent, or the noun counted; None when it has none."""
    doc = ent.doc
    around = doc[max(ent.start - 1, 0) : min(ent.end + CURRENCY_LOOKAHEAD, len(doc))].text
    currency = currency_in(ent.text) or (currency_in(around) if label in ("MONEY", "CARDINAL") else None)
    if label == "MONEY" or (currency and label == "CARDINAL" and currency_next_to(ent)):
        return currency, "money"
    if label == "PERCENT" or re.search(r"%|\bper ?cent\b", ent.text, re.IGNORECASE):
        return "percent", "percent"
    noun = counted_noun(ent)
    if noun is not None:
        return (None, "count") if noun.lower_ in words().not_units else (noun.lower_, "count")
    if all(v.is_integer() and int(v) in YEARS for v in values) or ent.root.dep_ not in ELIDED_DEPS:
        return None, "count"
    here = sentence_start(doc, ent.start)
    return last_unit.get(here) or last_unit.get(sentence_start(doc, here - 1) if here > 0 else -1), "count"


# A number standing for a noun said before ("54 nations signed; 27 ratified").
ELIDED_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})


def currency_next_to(ent: Span) -> bool:
    """A currency code or word right before or after a number spaCy did not tag as money."""
    doc = ent.doc
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end : ent.end + CURRENCY_LOOKAHEAD].text
    return currency_in(before) is not None or currency_in(after) is not None


def counted_noun(ent: Span) -> Token | None:
    """The noun a number counts: its head ("two million Syrian refugees", "55-member"), or the
    noun right after it."""
    root = ent.root
    head = root.head
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":
        head = head.head  # "Seven members states"
    counts = root.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and head.pos_ in ("NOUN", "PROPN")
    if counts and not (ent.start <= head.i < ent.end):
        return head
    for token in ent.doc[ent.end : ent.end + 4]:
        if token.pos_ == "NOUN":
            return token
        if token.pos_ not in ("ADJ", "PROPN", "PUNCT", "NOUN"):
            break
    return None


def ordinal_amount(ent: Span) -> list[Amount]:
    """ "the third regiment": 3 regiment(s), when the noun is one that ordinals count."""
    w = words()
    word = ent.text.lower().removeprefix("the ").strip()
    value = w.ordinals.get(word) or (int(m.group(1)) if (m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)) else None)
    head = ent.root.head
    if value is None or head.lemma_.lower() not in w.ordinal_units:
        return []
    text = doc_text(ent.doc)[ent.start_char : head.idx + len(head.text)]
    return [
        Amount(
            text=text,
            value=float(value),
            unit=head.lower_,
            kind="ordinal",
            start=ent.start_char,
            end=head.idx + len(head.text),
        )
    ]
