"""Direct quotes, found from the quotation marks themselves (straight and curly; a paragraph whose
quote runs on into the next one that opens with a mark again; a quote split by its attribution is
one quote) and attributed from the parse: the speech verb next to the quote and its subject, else
the speaker of the quote before (a quote-only paragraph continues it). Transcripts ("PRESIDENT
BIDEN: …", "Q …") give one quote per turn."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from ..actors.turns import doc_turns
from ..knowledge.files import word_list
from .speakers import (
    FoundQuote,
    according_object,
    inside_quote,
    is_speech_verb,
    sentence_tokens,
    speech_forms,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["direct_quotes", "quote_marks", "transcript_turns"]


OPENING = {"“": "”", '"': '"', "‘": "’", "«": "»"}


# A quoted phrase this short with no speaker is a scare quote or a name ("‘Gaganyaan’"), not a quote.
PARTIAL_WORDS = 6


# Attribution between the halves of a split quote: “…,” Alipov said, “…”.
SPLIT_GAP = re.compile(r"^\s*,?\s*[^“”\"\n]{1,80}?,\s*$")


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage's content, marks excluded, in order."""
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    closing = ""
    inner = False  # a straight quotation inside a curly one ("“He said "no" to me”")
    for number, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        while i < p_end:
            char = text[i]
            if open_at is None and char in OPENING and opens(text, i, p_start):
                open_at, closing, inner = i + 1, OPENING[char], False
            elif open_at is None and char == "”" and i == p_start and text[i + 1 : i + 2].isalnum():
                open_at, closing, inner = i + 1, "”", False  # a paragraph opened with the closing mark by mistake
            elif open_at is not None and closing == "”" and char == '"' and (inner or opens(text, i, p_start)):
                inner = not inner
            elif open_at is not None and closes(text, i, closing):
                spans.append((open_at, i))
                open_at = None
            i += 1
        if open_at is not None and not continues(text, paragraphs, number, closing):
            spans.append((open_at, p_end))  # a quote left open runs to the end of its paragraph
            open_at, inner = None, False
    return [(s, e) for s, e in spans if text[s:e].strip()]


def opens(text: str, i: int, paragraph_start: int) -> bool:
    before = text[i - 1] if i > paragraph_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "‘":
        return not before.isalnum() and after.isalnum()
    return (before.isspace() or before in "([—–-:") and not after.isspace()


# A double quote opened with one kind of mark and closed with the other ("“…," said Chaffetz;
# "…,” said Gorski): the other mark closes it when it hugs the word before it and no word follows.
OTHER_CLOSING = {"”": '"', '"': "”"}


def closes(text: str, i: int, mark: str) -> bool:
    """The character closes a quotation that ``mark`` closes: the mark itself (not the apostrophe
    of "country’s"), or the other kind of double mark hugging the word before it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == mark:
        return not (mark == "’" and after.isalpha())
    return text[i] == OTHER_CLOSING.get(mark) and not before.isspace() and not after.isalnum()


def continues(text: str, paragraphs: list[tuple[int, int]], number: int, closing: str) -> bool:
    """A quote left open at a paragraph's end goes on when the next paragraph opens with a mark."""
    if number + 1 >= len(paragraphs):
        return False
    first = text[paragraphs[number + 1][0]]
    return first in OPENING and OPENING[first] == closing


def direct_quotes(doc: Doc, text: str) -> list[FoundQuote]:
    quotes: list[FoundQuote] = []
    marked = quote_marks(text)
    for start, end, gaps in merge_split(doc, text, marked):
        quote = FoundQuote(start, end, clean_quote(text[start:end]), "direct", gaps=gaps)
        attribute_direct(doc, quote, text, [(s, e) for s, e in marked if e <= start or s >= end])
        if quote.cue is None and quote.speaker is None and quotes and continues_previous(doc, text, quotes[-1], quote):
            if resumed_after_attribution(doc, text, quotes[-1], quote):
                quotes[-1] = joined(text, quotes[-1], quote)
                continue
            quote.cue, quote.speaker, quote.speaker_name = quotes[-1].cue, quotes[-1].speaker, quotes[-1].speaker_name
        if keep(quote, text):
            quotes.append(quote)
    attribute_subheadings(doc, text, quotes)
    return quotes


def clean_quote(text: str) -> str:
    """The quote's words: marks of a split quote's halves and paragraph breaks removed."""
    return re.sub(r"\s+", " ", re.sub(r"[“”\"]\s*,?\s*[^“”\"]*?[,.]\s*[“\"]", " ", text)).strip()


# The attribution a quote is resumed after, as a sentence of its own: “…,” Sanders said. “…”; up
# to 250 characters, room for a name with a long apposition ("said Tim Hess, a real estate
# developer in Virginia, who introduced Mr. Clarke to his banking contacts."), the words between
# being one sentence (checked on the parse).
RESUMED_GAP = re.compile(r"^[ \t]*[^“”\"\n]{1,250}?\.[ \t]*$")


def resumed_after_attribution(doc: Doc, text: str, previous: FoundQuote, quote: FoundQuote) -> bool:
    """ "“It is hard to avoid,” said Ryan Ellis, a tax consultant. “Any time you cut taxes …”": a
    quote broken off at a comma, attributed in a short sentence, and resumed in the same paragraph
    with no attribution of its own is one quote with the first, as when the attribution is set
    off by commas."""
    gap = text[previous.end + 1 : quote.start - 1]
    broken_off = text[previous.end - 1 : previous.end] == ","
    if not (broken_off and previous.cue is not None and RESUMED_GAP.match(gap) and attribution_in(gap)):
        return False
    words = [t for t in between_tokens(doc, previous.end + 1, quote.start - 1) if not t.is_space]
    return len({t.sent.start for t in words}) == 1


def joined(text: str, previous: FoundQuote, quote: FoundQuote) -> FoundQuote:
    gaps = (*previous.gaps, (previous.end, quote.start))
    return FoundQuote(
        previous.start,
        quote.end,
        clean_quote(text[previous.start : quote.end]),
        "direct",
        previous.cue,
        previous.speaker,
        previous.speaker_name,
        previous.reported_by,
        gaps,
    )


def merge_split(
    doc: Doc, text: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """“…robust,” Alipov said, “…” is one quote: halves joined across a short attribution, which
    is kept as the quote's gap (where its cue is read); not across a participle that only goes on
    ("… “costs Africa $5 billion,” further saying, “Beyond that, …”": a second quote)."""
    merged: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
    for start, end in spans:
        if merged:
            previous_start, previous_end, gaps = merged[-1]
            gap = text[previous_end + 1 : start - 1]
            ends_with_comma = text[previous_end - 1 : previous_end] == ","
            if (
                ends_with_comma
                and SPLIT_GAP.match(gap)
                and attribution_in(gap)
                and not going_on(doc, previous_end + 1, start - 1)
            ):
                merged[-1] = (previous_start, end, (*gaps, (previous_end, start)))
                continue
        merged.append((start, end, ()))
    return merged


def going_on(doc: Doc, start: int, end: int) -> bool:
    """The words between two quotes are a participle of saying and nothing that names who speaks
    ("further saying", "adding"): the speaker, named before the first quote, goes on to a second."""
    tokens = between_tokens(doc, start, end)
    verbs = [t for t in tokens if t.tag_ == "VBG" and is_speech_verb(t)]
    named = [t for t in tokens if t.pos_ in ("PROPN", "PRON", "NOUN")]
    return bool(verbs) and not named


def attribution_in(gap: str) -> bool:
    return any(word.lower().rstrip(",.") in speech_forms() for word in gap.split())


def keep(quote: FoundQuote, text: str) -> bool:
    """A quote with a speaker, or a long enough one; never a title ("One Hundred Years of Solitude")."""
    words = quote.text.split()
    if looks_like_a_title(words):
        return False
    return quote.speaker is not None or quote.speaker_name is not None or len(words) >= PARTIAL_WORDS


def looks_like_a_title(words: list[str]) -> bool:
    content = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(content) and all(w[:1].isupper() for w in content)


def attribute_direct(doc: Doc, quote: FoundQuote, text: str, others: list[tuple[int, int]]) -> None:
    """The speech verb (or "according to") nearest the quote outside it (or in the gap of a split
    quote): in the sentence that ends it or starts it, or in the clause introducing it ("Rouhani
    said in a speech:"); else the subject of an introducing clause ("Trump, also on Twitter,
    defended his decision, “…”")."""
    intro = introduction(doc, text, quote.start)
    gap = gap_tokens(doc, quote)
    around = gap + sentence_tokens(doc, quote.end) + sentence_tokens(doc, quote.start) + intro
    candidates = [t for t in around if not inside_quote(quote, t.idx) and not any(a <= t.idx < b for a, b in others)]
    according = [t for t in candidates if t.lower_ == "according" and according_object(t) is not None]
    if according:
        quote.cue, quote.speaker = according[0], according_object(according[0])
        return
    verbs = [t for t in candidates if is_speech_verb(t) and speaker_outside(t, quote, others) is not None]
    if not verbs:
        verbs = [t for t in intro if t.pos_ == "VERB" and t.idx < quote.start and subject_of(t) is not None][-1:]
    if not verbs:
        verbs = tail_attribution(doc, quote, text)
    if not verbs:
        inverted_attribution(doc, quote, text)
        if quote.speaker is None:
            dash_attribution(doc, quote, text)
        return
    in_gap = [t for t in verbs if said_in(gap, t)]
    verb = in_gap[0] if in_gap else min(verbs, key=lambda t: min(abs(t.idx - quote.end), abs(t.idx - quote.start)))
    quote.cue, quote.speaker = verb, speaker_outside(verb, quote, others)


def speaker_outside(verb: Token, quote: FoundQuote, others: list[tuple[int, int]]) -> Span | None:
    """The subject of the verb of saying, which is in no quotation: for "“…: We will achieve
    justice,” Police Chief Chuck Jordan said" the parser joins "said" to the quote's verb, whose
    subject "We" is no speaker, and in "Flynn said on “Fox and Friends.”" it takes the show's
    name for the subject; the words between the quote and the verb name the speaker."""
    subject = subject_of(verb)
    if subject is None:
        return None
    if inside_quote(quote, subject.start_char) or any(a <= subject.start_char < b for a, b in others):
        return named_between(quote, verb)
    return subject


# A noun phrase naming a speaker between a quote and its verb has no finite verb.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# The longest phrase (tokens) taken for a speaker's name between a quote and its verb.
NAMED_BETWEEN_TOKENS = 12


def named_between(quote: FoundQuote, verb: Token) -> Span | None:
    """ "“…,” Flynn, a top Trump surrogate, said": the phrase between the quote's closing mark and
    the verb after it, up to its first comma (the name before an apposition)."""
    doc = verb.doc
    tokens = [t for t in doc[: verb.i] if t.idx >= quote.end and t.sent == verb.sent]
    while tokens and tokens[0].is_punct:  # the closing mark, a comma
        tokens.pop(0)
    words = list(itertools.takewhile(lambda t: t.text != ",", tokens))
    if not words or len(tokens) > NAMED_BETWEEN_TOKENS or any(t.tag_ in FINITE_TAGS for t in tokens):
        return None
    return doc[words[0].i : words[-1].i + 1]


def said_in(gap: list[Token], verb: Token) -> bool:
    """The verb and its subject are both the split quote's attribution ("Sanders said"), not a
    participle whose subject is in the quote ("“…,” further saying, “…”")."""
    subject = subject_of(verb)
    return verb in gap and subject is not None and subject[0] in gap


def gap_tokens(doc: Doc, quote: FoundQuote) -> list[Token]:
    """The words of a split quote's attribution ("“…,” Sanders said, suggesting …, “…”"): the
    gap may lie in a sentence of its own, neither the quote's first nor its last."""
    tokens: list[Token] = []
    for start, end in quote.gaps:
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens += list(span) if span is not None else []
    return tokens


# Spaces within a line: between a closing mark and the sentence after it.
SAME_LINE_SPACE = re.compile(r"[ \t]+")
# The complements of a verb of saying that says something itself, not the quote before it.
OWN_COMPLEMENTS = frozenset({"ccomp", "xcomp"})


def tail_attribution(doc: Doc, quote: FoundQuote, text: str) -> list[Token]:
    """ "“Does anybody know …?” Graham asked. “Neither do I.”": the parser ends the quote's
    sentence at its "?" or "!", and the attribution is the next sentence, right after the closing
    mark in the same paragraph: a verb of saying that heads it, with its subject and no clause
    of its own (an addressee is allowed: "Smith told reporters."), so that "“…?” Graham said he
    would ask again." is not taken."""
    space = SAME_LINE_SPACE.match(text, quote.end + 1)
    start = space.end() if space is not None else -1
    if start < 0 or start >= len(text) or not text[start].isalpha():
        return []
    tokens = sentence_tokens(doc, start)
    if not tokens or tokens[0].idx != start or any(t.text in OPENING for t in tokens):
        return []  # "“…?” She said, “He got bad news.”": the verb introduces the next quote
    return [
        t
        for t in tokens
        if t.dep_ == "ROOT"
        and is_speech_verb(t)
        and subject_of(t) is not None
        and not any(c.dep_ in OWN_COMPLEMENTS for c in t.children)
    ][:1]


# After a quote's end: its closing mark, a comma, a verb and a capitalised name ("”, dijo Burtón").
INVERTED = re.compile(
    r"^[”\"»’]?\s*[,.]?\s*(?P<verb>[^\W\d_]+)\s+"
    r"(?P<name>[A-ZÁÉÍÓÚÑÇ][^\W\d_]+(?:\s+[A-ZÁÉÍÓÚÑÇ][^\W\d_]+)*)"
)


def inverted_attribution(doc: Doc, quote: FoundQuote, text: str) -> None:
    """ "“Me encantan los gatos”, dijo Burtón.": a verb of saying (in another language too, from
    ``data/speech_verbs_inverted.txt``) and a name right after the quote, when the parse gives
    no speaker."""
    m = INVERTED.match(text[quote.end : quote.end + 80])
    if m is None or m.group("verb").lower() not in speech_forms() | word_list("speech_verbs_inverted.txt"):
        return
    start = quote.end + m.start("verb")
    cue = doc.char_span(start, start + len(m.group("verb")), alignment_mode="expand")
    name = doc.char_span(quote.end + m.start("name"), quote.end + m.end("name"), alignment_mode="expand")
    if cue is not None and name is not None:
        quote.cue, quote.speaker = cue[0], name


# After a quote's end: its closing mark, a dash and a name that ends the paragraph or is followed by
# a comma ("“…” ― Pamela Padilla", "“…” — Sen. Tim Kaine, D-Va."): the attribution of an epigraph,
# a testimonial or a list of voices.
DASHED = re.compile(
    r"^[”\"»’]?[ \t]*[―—–-][ \t]*(?P<name>(?:[A-Z][\w.’'-]*\.?[ \t]+){0,3}[A-Z][\w’'-]+)[ \t]*(?:[,.(]|$|\n)"
)


DASHED_WORDS = 4


def dash_attribution(doc: Doc, quote: FoundQuote, text: str) -> None:
    """ "“He represents our greatest shame.” ― Sonya Herridge": the name after a dash right after
    the quote, when nothing else attributes it."""
    m = DASHED.match(text[quote.end : quote.end + 80])
    if m is None or len(quote.text.split()) < DASHED_WORDS:  # not a name called “AUKUS” — Australia, …
        return
    name = doc.char_span(quote.end + m.start("name"), quote.end + m.end("name"), alignment_mode="expand")
    if name is not None and any(t.pos_ == "PROPN" for t in name):
        quote.speaker = name


def continues_previous(doc: Doc, text: str, previous: FoundQuote, quote: FoundQuote) -> bool:
    """A quote with no cue of its own right after an attributed one: the same speaker goes on
    (a quote-only paragraph, or “…!” insists Burton. “…”), unless other words come before it in
    its paragraph."""
    if (previous.speaker is None and previous.speaker_name is None) or quote.start - previous.end > CONTINUATION_GAP:
        return False
    line_start = text.rfind("\n", 0, quote.start) + 1
    if line_start > previous.end and text[line_start : quote.start - 1].strip():
        return False
    if inside_a_new_sentence(doc, previous, quote):
        return False  # "… Reid has gone after Trump as a “human leech”": the words are the sentence's
    cue = previous.cue.i if previous.cue is not None else -1
    between = between_tokens(doc, previous.end, quote.start)
    return not any(is_speech_verb(t) and t.i != cue and not same_voice(t, previous) for t in between)


def inside_a_new_sentence(doc: Doc, previous: FoundQuote, quote: FoundQuote) -> bool:
    """The quote stands inside a sentence that begins after the previous quote, whose subject
    before it is someone else named ("Engineers later rebuilt the wall with “temporary” concrete"):
    a phrase that sentence quotes, not the previous speaker going on ("she was directing them to
    “proceed …”" goes on)."""
    opening = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    if opening is None:
        return False
    sentence = opening[0].sent
    if sentence.start_char <= previous.end:
        return False
    subjects = [t for t in doc[sentence.start : opening.start] if t.dep_ in ("nsubj", "nsubjpass")]
    named = [t for t in subjects if t.pos_ in ("NOUN", "PROPN")]
    said_before = previous.speaker.root.lower_ if previous.speaker is not None else None
    return bool(named) and all(t.lower_ != said_before for t in named)


def same_voice(verb: Token, previous: FoundQuote) -> bool:
    """ "“…,” DuVernay said, emphasizing why …. “…”": a verb of saying whose subject is the
    previous quote's speaker (the same words: a participle or a verb joined to its cue) leaves the
    speaker on."""
    subject = subject_of(verb)
    return subject is not None and previous.speaker is not None and subject.root.i == previous.speaker.root.i


CONTINUATION_GAP = 200


def between_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def introduction(doc: Doc, text: str, start: int) -> list[Token]:
    before = text[: max(start - 1, 0)].rstrip()
    if not before.endswith((":", ",")):
        return []
    return sentence_tokens(doc, len(before) - 1)


def attribute_subheadings(doc: Doc, text: str, quotes: list[FoundQuote]) -> None:
    """A quote that is a paragraph of its own with no speaker (a subheading quoting the story) is
    the speaker's of the next attributed quote within two paragraphs."""
    for number, quote in enumerate(quotes):
        if quote.speaker is not None or not whole_paragraph(text, quote):
            continue
        following = [q for q in quotes[number + 1 :] if q.speaker is not None]
        if following and text.count("\n\n", quote.end, following[0].start) <= 2:
            quote.speaker, quote.speaker_name = following[0].speaker, following[0].speaker_name


def whole_paragraph(text: str, quote: FoundQuote) -> bool:
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    return len(text[line_start:line_end].strip()) <= len(quote.text) + 4


def transcript_turns(doc: Doc, text: str) -> list[FoundQuote]:
    """ "PRESIDENT BIDEN: …" and "Q …" paragraphs: each turn one direct quote by its speaker."""
    return [
        FoundQuote(
            turn.start,
            turn.line_end,
            text[turn.start : turn.line_end].strip(),
            "direct",
            speaker=None if turn.label == "Q" else doc.char_span(turn.label_start, turn.label_end, "expand"),
            speaker_name=label_name(turn.label),
        )
        for turn in doc_turns(doc)
    ]


def label_name(label: str) -> str:
    return "Q" if label == "Q" else " ".join(w.capitalize() for w in label.split())
