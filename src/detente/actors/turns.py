"""Transcripts of remarks: the speaker turns ("PRESIDENT BIDEN:  …", "Q  …"), who speaks each,
and whom the speaker's "I", "we", "our" and "you" stand for (a vocative, "Mr. President, …", is
no argument of a verb and is left alone).

A turn runs from its label to the next label. Its speaker is the person the label names: a
name the article gives elsewhere ("PRESIDENT BIDEN" is Joe Biden), else the one the title names
with a country ("President Lasso of Ecuador"); a label of a title alone ("THE PRESIDENT") is the
first person the title gives that title. Inside a turn the first person is its speaker; the
second person is the leader addressed: the nearest speaker of another state, before the turn
or else after it (an aide of the speaker's own state is not addressed). A turn that answers the
press (after "Q") addresses no one of a state. The words are data: ``data/actors/transcripts.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data
from ..knowledge.lexicon import fold_accents, phrase_key
from ..nlp import doc_text
from .mentions import ArticleReading, ResolvedMention, agent_in, agent_sector, alias, resolve_known

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["Turn", "doc_turns", "is_press", "transcript_turns", "turn_voices"]

# A label opens its paragraph, after the opening quotation mark of a transcript quoted in a story
# ("“PENCE: Well, look, …", each paragraph of a quotation opening with a mark).
TRANSCRIPT_TURN = re.compile(r"^[\"“]?(?P<label>Q|[A-Z][A-Z .'’-]{1,40}[A-Z.]):?\s+(?=\S)", re.M)


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label as written and its offsets, and the turn's words (from the
    end of the label to the next label, or the end of the text)."""

    label: str
    label_start: int
    label_end: int
    start: int
    end: int
    line_end: int  # the end of the label's own paragraph


def transcript_turns(text: str) -> list[Turn]:
    """Every turn of a transcript, in order (none when the text has no speaker labels)."""
    found = []
    for turn in TRANSCRIPT_TURN.finditer(text):
        label = turn["label"].strip()
        line_end = text.find("\n", turn.start())
        line_end = len(text) if line_end < 0 else line_end
        line = text[turn.start("label") : line_end]
        # a label alone on its line is a heading or an address ("TO THE CONGRESS OF THE UNITED
        # STATES:", "NOMINATIONS SENT TO THE SENATE:"): a speaker's words follow the label on its line
        if is_label(label, line) and turn.end() < line_end:
            found.append((label, turn.start("label"), turn.start("label") + len(label), turn.end(), line_end))
    ends = [start for _, start, *_ in found[1:]] + [len(text)] if found else []
    return [
        Turn(label, label_start, label_end, start, end, line_end)
        for (label, label_start, label_end, start, line_end), end in zip(found, ends, strict=True)
    ]


def doc_turns(doc: Doc) -> list[Turn]:
    """The turns of a parsed article, found once (the actors, quotes and events stages all read them)."""
    turns = doc.user_data.get("detente_turns")
    if turns is None:
        turns = doc.user_data["detente_turns"] = transcript_turns(doc_text(doc))
    return list(turns)


def is_label(label: str, line: str) -> bool:
    """ "Q" or an all-capital name followed by a colon (a headline in capitals is not one)."""
    if label == "Q":
        return line.startswith(("Q ", "Q:"))
    return line[len(label) : len(label) + 1] == ":" and any(c.isalpha() for c in label)


@dataclass(frozen=True)
class TranscriptWords:
    first_person: frozenset[str]
    second_person: frozenset[str]
    second_person_plural: frozenset[str]
    honorifics: frozenset[str]
    press_labels: frozenset[str]


@cache
def words() -> TranscriptWords:
    data = toml_data("actors/transcripts.toml")
    return TranscriptWords(*(frozenset(data[k]) for k in TranscriptWords.__dataclass_fields__))


def is_press(label: str) -> bool:
    return label.casefold() in words().press_labels


def turn_voices(article: ArticleReading, title: str | None = None) -> None:
    """Each turn's speaker (its label as a mention of them) and its first- and second-person words."""
    doc = article.doc
    turns = doc_turns(doc)
    if not turns:
        authored_voice(article, title)
        return
    speakers = [None if is_press(t.label) else speaker_of(article, t, title) for t in turns]
    for i, (turn, speaker) in enumerate(zip(turns, speakers, strict=True)):
        if speaker is None:
            continue
        addressee = addressee_of(turns, speakers, i)
        span = doc.char_span(turn.start, turn.end, alignment_mode="contract")
        if span is not None:
            voices_in(article, span, speaker, addressee)


def authored_voice(article: ArticleReading, title: str | None) -> None:
    """ "Statement by President Biden on …" with no speaker labels: "I", "my", "we" outside
    quotation marks are the author's (data/actors/transcripts.toml ``authored_*``)."""
    doc = article.doc
    surname = author_surname(title)
    if surname is None:
        return
    quoted = quoted_spans(doc_text(doc))
    mine = [t for t in doc if first_person(t) and t.i not in article.taken]
    mine = [t for t in mine if not any(start <= t.idx < end for start, end in quoted)]
    if not mine:
        return
    first = doc[mine[0].i : mine[0].i + 1]
    author = named_before(article, first, surname) or known_name(article, first, surname)
    if author is None:
        return
    for token in mine:
        article.found.append(alias(author, doc[token.i : token.i + 1]))
        article.taken.add(token.i)


def author_surname(title: str | None) -> str | None:
    """The surname of the one author a title names ("Statement by President Joseph R. Biden, Jr.
    on …" → Biden), or None."""
    pattern, ends, suffixes = authored_titles()
    found = pattern.match(title.strip()) if title else None
    if found is None:
        return None
    author: list[str] = []
    for word in found["author"].replace(",", " ").split():
        if word.casefold() in ends:
            break
        author.append(word)
    names = [w for w in author if w.casefold() not in suffixes]
    title_only = not names or names[0].casefold() == "the"  # "Statement by the Press Secretary"
    if title_only or "and" in (w.casefold() for w in names) or not names[-1][:1].isupper():
        return None
    return names[-1]


@cache
def authored_titles() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """The title of a text by one author (``authored_*`` in transcripts.toml), the words that end
    the author's name, and the name suffixes to drop."""
    data = toml_data("actors/transcripts.toml")
    kinds = "|".join(re.escape(k) for k in sorted(data["authored_kinds"], key=len, reverse=True))
    links = "|".join(data["authored_links"])
    pattern = re.compile(rf"^(?:{kinds})\s+(?:{links})\s+(?P<author>.+)$", flags=re.I)
    ends, suffixes = (frozenset(w.casefold() for w in data[key]) for key in ("author_ends", "name_suffixes"))
    return pattern, ends, suffixes


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside paired quotation marks."""
    return [(m.start(), m.end()) for m in QUOTED.finditer(text)]


QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def addressee_of(turns: list[Turn], speakers: list[ResolvedMention | None], i: int) -> ResolvedMention | None:
    """The leader a turn addresses: the nearest speaker of another state before it (nobody's when
    the turn answers the press), else after it. An aide of the speaker's own state between them
    ("SECRETARY BLINKEN: Yes.") is not the one addressed."""
    me = speakers[i]
    if me is None or (i > 0 and speakers[i - 1] is None and is_press(turns[i - 1].label)):
        return None
    for j in [*range(i - 1, -1, -1), *range(i + 1, len(speakers))]:
        other: ResolvedMention | None = speakers[j]
        if other is None:
            continue
        if other.key != me.key and other.country and other.country != me.country:
            return other
    return None


def voices_in(article: ArticleReading, span: Span, speaker: ResolvedMention, addressee: ResolvedMention | None) -> None:
    w = words()
    doc = article.doc
    for token in span:
        if token.i in article.taken:
            continue
        lower = token.lower_
        if first_person(token):
            article.found.append(alias(speaker, doc[token.i : token.i + 1]))
        elif addressee is None:
            continue
        elif lower in w.second_person and not addresses_many(token):
            article.found.append(alias(addressee, doc[token.i : token.i + 1]))


def first_person(token: Token) -> bool:
    """ "I", "we", "our" … (not "US", the country)."""
    return token.lower_ in words().first_person and token.text != "US"


def addresses_many(token: Token) -> bool:
    """ "you guys", "all of you", "you both": the press or a crowd, not the leader addressed."""
    doc, i = token.doc, token.i
    plural = words().second_person_plural
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    before = doc[i - 2].lower_ if i >= 2 and doc[i - 1].lower_ == "of" else ""
    return after in plural or before in plural


def speaker_of(article: ArticleReading, turn: Turn, title: str | None) -> ResolvedMention | None:
    """The person a label names, as a mention over the label's words."""
    doc = article.doc
    span = doc.char_span(turn.label_start, turn.label_end, alignment_mode="expand")
    if span is None:
        return None
    named = next((f for f in article.found if span.start <= f.start < span.end and f.kind == "person"), None)
    if named is not None:
        return named
    article.taken.update(range(span.start, span.end))  # a label is no one's role description
    role, code = agent_in(article.lexicon, span)
    name = name_words(turn.label, role)
    surname = name[-1] if name else surname_in_title(title, role)
    if surname is None:
        return None
    found = named_before(article, span, surname) or known_name(article, span, surname)
    if found is None:
        country = country_in_title(article, title, surname)
        if country is None or code is None:
            return None
        agent = code.strip("~")
        pretty = surname.title() if surname.isupper() else surname
        key = ("person", pretty)
        found = ResolvedMention(
            span.start, span.end, pretty, "person", country, agent_sector(agent) or "", role, country + agent, key
        )
    article.found.append(found)
    return found


def named_before(article: ArticleReading, span: Span, surname: str) -> ResolvedMention | None:
    """A person of that surname the article names elsewhere, as a mention over the label."""
    earlier = next((f for f in article.found if f.kind == "person" and same_name(f.name.split()[-1], surname)), None)
    return alias(earlier, span) if earlier is not None else None


def known_name(article: ArticleReading, span: Span, surname: str) -> ResolvedMention | None:
    """A person the actor lexicon knows by that surname ("THE PRESIDENT" of "Remarks by President
    Biden …" is Joe Biden), on the article's date."""
    index = article.lexicon.phrases.get(phrase_key(surname))
    known = article.lexicon.entries[index] if index is not None else None
    if known is None or known.kind != "person":
        return None
    found = resolve_known(article, span, known)
    return found


def name_words(label: str, role: str | None) -> list[str]:
    """The label's words after "THE", an honorific and the role: "PRIME MINISTER MODI" → MODI."""
    rest = label.split()
    if rest and rest[0].casefold() == "the":
        rest = rest[1:]
    if rest and rest[0].casefold() in words().honorifics:
        rest = rest[1:]
    role_words = role.split() if role else []
    if [w.casefold() for w in rest[: len(role_words)]] == [w.casefold() for w in role_words]:
        rest = rest[len(role_words) :]
    return rest


def surname_in_title(title: str | None, role: str | None) -> str | None:
    """ "THE PRESIDENT" in "Remarks by President Biden and …": the name after the role in the title."""
    if not title or not role:
        return None
    found = re.search(rf"\b{re.escape(role)}\s+([A-Z][\w’'-]+)", title, flags=re.I)
    return found[1] if found and found[1][0].isupper() else None


def country_in_title(article: ArticleReading, title: str | None, surname: str) -> str | None:
    """ "President Lasso of Ecuador" in the title: the country after the speaker's name."""
    if not title:
        return None
    found = re.search(
        rf"\b{re.escape(surname)}\s+of\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,2}})", title, re.I
    )
    if found is None:
        return None
    place = found[1].split()
    for size in range(len(place), 0, -1):  # "Ecuador Before Bilateral": the longest country name
        index = article.lexicon.phrases.get(phrase_key(" ".join(place[:size])))
        known = article.lexicon.entries[index] if index is not None else None
        if known is not None and known.kind == "country":
            code = known.code_on(article.day) or ""
            return code[:3] if len(code) >= 3 else None
    return None


def same_name(a: str, b: str) -> bool:
    return fold_accents(a) == fold_accents(b)
