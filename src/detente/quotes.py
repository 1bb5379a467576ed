"""Quotes: who said what, direct (in quotation marks) and indirect (reported speech), and who reported it.

Direct quotes are found from the quotation marks themselves (straight and curly; a paragraph
whose quote runs on into the next one that opens with a mark again; a quote split by its
attribution is one quote), then attributed from the parse: the speech verb next to the quote
and its subject, else the speaker of the quote before (a quote-only paragraph continues it).
Transcripts ("PRESIDENT BIDEN: …", "Q …") give one quote per turn. Indirect quotes are the
clauses of speech verbs ("Alipov said that …", "according to the envoy, …", "…, TASS reported
citing Rudenko"). Speakers are resolved to the actors stage's actors (so "he" is the envoy).
Speech verbs are data: ``data/speech_verbs.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .actors import actors_by_token
from .knowledge import word_list
from .nlp import doc_text, sentence_index, sentence_spans, words_of
from .record import Actor, Mention, Quote, QuoteKind, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OPENING = {"“": "”", '"': '"', "‘": "’", "«": "»"}
# A quoted phrase this short with no speaker is a scare quote or a name ("‘Gaganyaan’"), not a quote.
PARTIAL_WORDS = 6
# Attribution between the halves of a split quote: “…,” Alipov said, “…”.
SPLIT_GAP = re.compile(r"^\s*,?\s*[^“”\"\n]{1,80}?,\s*$")
TRANSCRIPT_TURN = re.compile(r"^(?P<label>Q|[A-Z][A-Z .'’-]{1,40}[A-Z.]):?\s+(?=\S)")
CLAUSE_DEPS = frozenset({"ccomp"})
# Verbs whose reported clause is a claim by the subject, though not verbs of saying as such.
REPORTING = frozenset({"report", "cite"})
QUESTIONS = frozenset({"ask", "question", "wonder"})


@dataclass
class Found:
    start: int  # character offsets of the content, without the marks
    end: int
    text: str
    kind: QuoteKind
    cue: Token | None = None
    speaker: Span | None = None
    speaker_name: str | None = None
    reported_by: str | None = None
    gaps: tuple[tuple[int, int], ...] = ()  # the attribution inside a split quote


def find_quotes(doc: Doc, actors: tuple[Actor, ...] = ()) -> tuple[Quote, ...]:
    """Every direct and indirect quote of the article, with its speaker and cue."""
    text = doc_text(doc)
    found = transcript_turns(doc, text)
    taken = [(f.start, f.end) for f in found]
    found += [q for q in direct_quotes(doc, text) if not overlaps(q, taken)]
    found += [q for q in indirect_quotes(doc) if not inside_direct(q, found)]
    resolver = ActorIndex(doc, actors)
    ordered = sorted(found, key=lambda q: q.start)
    return tuple(to_quote(one, resolver) for q in ordered for one in per_speaker(q, resolver))


# --- direct quotes --------------------------------------------------------------------------------


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage's content, marks excluded, in order."""
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    closing = ""
    for number, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        while i < p_end:
            char = text[i]
            if open_at is None and char in OPENING and opens(text, i, p_start):
                open_at, closing = i + 1, OPENING[char]
            elif open_at is not None and char == closing and closes(text, i, closing):
                spans.append((open_at, i))
                open_at = None
            i += 1
        if open_at is not None and not continues(text, paragraphs, number, closing):
            spans.append((open_at, p_end))  # a quote left open runs to the end of its paragraph
            open_at = None
    return [(s, e) for s, e in spans if text[s:e].strip()]


def opens(text: str, i: int, paragraph_start: int) -> bool:
    before = text[i - 1] if i > paragraph_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "‘":
        return not before.isalnum() and after.isalnum()
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def closes(text: str, i: int, mark: str) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not (mark == "’" and after.isalpha())  # "country’s" is an apostrophe


def continues(text: str, paragraphs: list[tuple[int, int]], number: int, closing: str) -> bool:
    """A quote left open at a paragraph's end goes on when the next paragraph opens with a mark."""
    if number + 1 >= len(paragraphs):
        return False
    first = text[paragraphs[number + 1][0]]
    return first in OPENING and OPENING[first] == closing


def direct_quotes(doc: Doc, text: str) -> list[Found]:
    quotes: list[Found] = []
    marked = quote_marks(text)
    for start, end, gaps in merge_split(text, marked):
        quote = Found(start, end, clean_quote(text[start:end]), "direct", gaps=gaps)
        attribute_direct(doc, quote, text, [(s, e) for s, e in marked if e <= start or s >= end])
        if quote.cue is None and quotes and continues_previous(doc, text, quotes[-1], quote):
            quote.cue, quote.speaker, quote.speaker_name = quotes[-1].cue, quotes[-1].speaker, quotes[-1].speaker_name
        if keep(quote, text):
            quotes.append(quote)
    attribute_subheadings(doc, text, quotes)
    return quotes


def clean_quote(text: str) -> str:
    """The quote's words: marks of a split quote's halves and paragraph breaks removed."""
    return re.sub(r"\s+", " ", re.sub(r"[“”\"]\s*,?\s*[^“”\"]*?,\s*[“\"]", " ", text)).strip()


def merge_split(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """“…robust,” Alipov said, “…” is one quote: halves joined across a short attribution, which
    is kept as the quote's gap (where its cue is read)."""
    merged: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
    for start, end in spans:
        if merged:
            previous_start, previous_end, gaps = merged[-1]
            gap = text[previous_end + 1 : start - 1]
            ends_with_comma = text[previous_end - 1 : previous_end] == ","
            if ends_with_comma and SPLIT_GAP.match(gap) and attribution_in(gap):
                merged[-1] = (previous_start, end, (*gaps, (previous_end, start)))
                continue
        merged.append((start, end, ()))
    return merged


def attribution_in(gap: str) -> bool:
    return any(word.lower().rstrip(",") in speech_forms() for word in gap.split())


@cache
def speech_forms() -> frozenset[str]:
    """Inflected forms of the speech verbs, for reading attributions without a parse."""
    forms = set()
    for verb in word_list("speech_verbs.txt"):
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "d", stem + "ed", stem + "ing", verb + "es"}
    return frozenset(forms | {"said", "told", "wrote", "spoke", "says"})


def keep(quote: Found, text: str) -> bool:
    """A quote with a speaker, or a long enough one; never a title ("One Hundred Years of Solitude")."""
    words = quote.text.split()
    if looks_like_a_title(words):
        return False
    return quote.speaker is not None or quote.speaker_name is not None or len(words) >= PARTIAL_WORDS


def looks_like_a_title(words: list[str]) -> bool:
    content = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(content) and all(w[:1].isupper() for w in content)


def attribute_direct(doc: Doc, quote: Found, text: str, others: list[tuple[int, int]]) -> None:
    """The speech verb (or "according to") nearest the quote outside it (or in the gap of a split
    quote): in the sentence that ends it or starts it, or in the clause introducing it ("Rouhani
    said in a speech:"); else the subject of an introducing clause ("Trump, also on Twitter,
    defended his decision, “…”")."""
    intro = introduction(doc, text, quote.start)
    around = sentence_tokens(doc, quote.end) + sentence_tokens(doc, quote.start) + intro
    candidates = [t for t in around if not inside_quote(quote, t.idx) and not any(a <= t.idx < b for a, b in others)]
    according = [t for t in candidates if t.lower_ == "according" and according_object(t) is not None]
    if according:
        quote.cue, quote.speaker = according[0], according_object(according[0])
        return
    verbs = [t for t in candidates if is_speech_verb(t) and subject_of(t) is not None]
    if not verbs:
        verbs = [t for t in intro if t.pos_ == "VERB" and t.idx < quote.start and subject_of(t) is not None][-1:]
    if not verbs:
        inverted_attribution(doc, quote, text)
        return
    verb = min(verbs, key=lambda t: min(abs(t.idx - quote.end), abs(t.idx - quote.start)))
    quote.cue, quote.speaker = verb, subject_of(verb)


# After a quote's end: its closing mark, a comma, a verb and a capitalised name ("”, dijo Burtón").
INVERTED = re.compile(
    r"^[”\"»’]?\s*[,.]?\s*(?P<verb>[^\W\d_]+)\s+"
    r"(?P<name>[A-ZÁÉÍÓÚÑÇ][^\W\d_]+(?:\s+[A-ZÁÉÍÓÚÑÇ][^\W\d_]+)*)"
)


def inverted_attribution(doc: Doc, quote: Found, text: str) -> None:
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


def sentence_tokens(doc: Doc, char: int) -> list[Token]:
    token = doc.char_span(char, char, alignment_mode="expand") if char < len(doc_text(doc)) else None
    index = token.start if token is not None else len(doc) - 1
    spans = sentence_spans(doc)
    start, end = spans[sentence_index(doc, min(index, len(doc) - 1))]
    return list(doc[start:end])


def is_speech_verb(token: Token) -> bool:
    """A verb of saying, or "make clear"."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in word_list("speech_verbs.txt")
        or (lemma == "make" and any(c.lower_ == "clear" for c in token.children))
        or (lemma == "read" and any(c.lemma_.lower() in UTTERANCES for c in token.children))  # "read the statement"
    )


def subject_of(verb: Token) -> Span | None:
    """The speaker: the verb's subject (or agent), or that of the verb it is conjoined to or
    depends on ("…, adding that …"); the author of a statement or tweet ("a tweet by Pompeo")."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in UTTERANCES:  # "released a statement saying …"
        return author(verb.head)
    for token in (verb, verb.head if verb.dep_ in ("conj", "advcl", "xcomp") else None):
        if token is None:
            continue
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "there", "which", "that"):
                return author(child)
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return author(objects[0])
    return None


# Nouns that stand for what someone said: their author is the speaker ("a statement from the White House").


def noun_phrase(token: Token) -> Span:
    """A subject with its compounds and adjectives, without a leading article ("Richmond police")."""
    start = token.left_edge.i
    while start < token.i and token.doc[start].dep_ in ("det", "punct"):
        start += 1
    end = token.i + 1
    return token.doc[start:end]


def continues_previous(doc: Doc, text: str, previous: Found, quote: Found) -> bool:
    """A quote with no cue of its own right after an attributed one: the same speaker goes on
    (a quote-only paragraph, or “…!” insists Burton. “…”), unless other words come before it in
    its paragraph."""
    if (previous.speaker is None and previous.speaker_name is None) or quote.start - previous.end > CONTINUATION_GAP:
        return False
    line_start = text.rfind("\n", 0, quote.start) + 1
    if line_start > previous.end and text[line_start : quote.start - 1].strip():
        return False
    cue = previous.cue.i if previous.cue is not None else -1
    return not any(is_speech_verb(t) and t.i != cue for t in between_tokens(doc, previous.end, quote.start))


def between_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def attribute_subheadings(doc: Doc, text: str, quotes: list[Found]) -> None:
    """A quote that is a paragraph of its own with no speaker (a subheading quoting the story) is
    the speaker's of the next attributed quote within two paragraphs."""
    for number, quote in enumerate(quotes):
        if quote.speaker is not None or not whole_paragraph(text, quote):
            continue
        following = [q for q in quotes[number + 1 :] if q.speaker is not None]
        if following and text.count("\n\n", quote.end, following[0].start) <= 2:
            quote.speaker, quote.speaker_name = following[0].speaker, following[0].speaker_name


def whole_paragraph(text: str, quote: Found) -> bool:
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    return len(text[line_start:line_end].strip()) <= len(quote.text) + 4


# --- transcripts ----------------------------------------------------------------------------------


def transcript_turns(doc: Doc, text: str) -> list[Found]:
    """ "PRESIDENT BIDEN: …" and "Q …" paragraphs: each turn one direct quote by its speaker."""
    turns: list[Found] = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        turn = TRANSCRIPT_TURN.match(line)
        if turn is None or not is_transcript_label(turn["label"], line):
            continue
        start = m.start() + turn.end()
        label = turn["label"].strip()
        turns.append(Found(start, m.end(), line[turn.end() :].strip(), "direct", speaker_name=label_name(label)))
    return turns


def is_transcript_label(label: str, line: str) -> bool:
    """ "Q" or an all-capital name followed by a colon (a headline in capitals is not one)."""
    if label == "Q":
        return line.startswith(("Q ", "Q:"))
    return line[len(label) : len(label) + 1] == ":" and any(c.isalpha() for c in label)


def label_name(label: str) -> str:
    return "Q" if label == "Q" else " ".join(w.capitalize() for w in label.split())


# --- indirect quotes ------------------------------------------------------------------------------


def indirect_quotes(doc: Doc) -> list[Found]:
    found: list[Found] = []
    words, speech = words_of(doc), word_list("speech_verbs.txt") | REPORTING | {"make", "read"}
    candidates = [
        i for i, lemma in enumerate(words.lemmas) if lemma.lower() in speech or words.lowers[i] == "according"
    ]
    for token in (doc[i] for i in candidates):
        if token.lemma_.lower() in QUESTIONS:
            continue  # "Asked whether …": a question put to the speaker, not what they said
        if is_speech_verb(token) or token.lemma_.lower() in REPORTING:
            found.extend(reported_clauses(doc, token))
        elif token.lower_ == "according" and token.dep_ == "prep":
            quote = according_to(doc, token)
            if quote is not None:
                found.append(quote)
    return nested_reports(found)


def reported_clauses(doc: Doc, verb: Token) -> list[Found]:
    """ "said (that) …", "expressed confidence that …", "made clear that …": the clause (and a
    clause joined to it by "and"); "…, TASS reported citing X": what comes before, by X."""
    speaker = subject_of(verb)
    clauses = reported_clause_heads(verb)
    quotes = [clause_quote(doc, c, verb, speaker) for c in clauses]
    if not clauses and speaker is not None and verb.lemma_.lower() in ("report", "say", "add", "tell"):
        before = preceding_clause(doc, verb, speaker)
        if before is not None:
            quotes.append(before)
    return [q for q in quotes if q is not None]


def clause_quote(doc: Doc, clause: Token, verb: Token, speaker: Span | None) -> Found | None:
    start = clause.left_edge.i
    if doc[start].is_punct and doc[start].text not in ("“", '"') and start > verb.i:
        start = verb.i + 1  # a clause the parse starts at a bracket: it begins after the verb
    while start < clause.i and (doc[start].lower_ in ("that", ",", "and", "“", '"') or opener(doc, start)):
        start += 1
    end = clause.right_edge.i + 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end - start < 2:
        return None
    span = doc[start:end]
    return Found(span.start_char, span.end_char, span.text, "indirect", cue=verb, speaker=speaker)


def preceding_clause(doc: Doc, verb: Token, speaker: Span) -> Found | None:
    """ "Lavrov will visit …, TASS reported citing Rudenko": the sentence before the attribution
    (which may be a relative clause of its noun: "…, Russian news agency TASS reported")."""
    sentence_start = sentence_spans(doc)[sentence_index(doc, verb.i)][0]
    first = min(speaker.start, verb.head.left_edge.i if verb.dep_ == "relcl" else speaker.start)
    while doc[first].is_punct and first < speaker.start:
        first += 1
    comma = first - 1
    if comma <= sentence_start or doc[comma].text != ",":
        return None
    span = doc[sentence_start:comma]
    while len(span) and span[0].is_punct:
        span = doc[span.start + 1 : span.end]
    if len(span) < 3:
        return None
    cited = citing(verb)
    quote = Found(span.start_char, span.end_char, span.text, "indirect", cue=verb, speaker=cited or speaker)
    if cited is not None:
        quote.reported_by = speaker.text
    return quote


def citing(verb: Token) -> Span | None:
    """ "reported citing Deputy Foreign Minister Andrey Rudenko": the person cited."""
    for child in verb.children:
        if child.lemma_.lower() == "cite":
            objects = [c for c in child.children if c.dep_ in ("dobj", "pobj")]
            if objects:
                return noun_phrase(objects[0])
    return None


def according_to(doc: Doc, according: Token) -> Found | None:
    """ "X, according to Y, will …": the sentence without the attribution, by Y."""
    speaker = according_object(according)
    if speaker is None:
        return None
    start, end = sentence_spans(doc)[sentence_index(doc, according.i)]
    attribution = (according.left_edge.i, according.right_edge.i + 1)
    words = [t for t in doc[start:end] if not attribution[0] <= t.i < attribution[1]]
    while words and words[-1].is_punct:
        words.pop()
    if len(words) < 3:
        return None
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(t.text for t in words))
    text = re.sub(r",\s*,", ",", text).strip(" ,")
    return Found(words[0].idx, words[-1].idx + len(words[-1].text), text, "indirect", cue=according, speaker=speaker)


def nested_reports(found: list[Found]) -> list[Found]:
    """ "Alipov said …, news agency PTI reported": Alipov's quote, reported by PTI (not PTI's)."""
    kept = []
    for quote in found:
        inner = [q for q in found if q is not quote and q.cue is not None and quote.start <= q.cue.idx < quote.end]
        if inner and quote.cue is not None and quote.cue.lemma_.lower() in ("report", "say"):
            for q in inner:
                q.reported_by = q.reported_by or (quote.speaker.text if quote.speaker is not None else None)
            continue
        kept.append(quote)
    return kept


def overlaps(quote: Found, spans: list[tuple[int, int]]) -> bool:
    return any(quote.start < end and start < quote.end for start, end in spans)


def inside_direct(quote: Found, found: list[Found]) -> bool:
    """An indirect quote that is mostly a direct quote's words is that direct quote, unless the
    speaker quotes someone else ("As my foreign minister says that we are open …")."""
    for direct in (f for f in found if f.kind == "direct"):
        shared = min(quote.end, direct.end) - max(quote.start, direct.start)
        if shared > 0.5 * (quote.end - quote.start) and not quoted_within(quote, direct):
            return True
    return False


def quoted_within(quote: Found, direct: Found) -> bool:
    """An indirect quote whose speech verb and speaker are inside a direct quote, the speaker
    not being the quote's own ("I", "we")."""
    if quote.cue is None or quote.speaker is None or not inside_quote(direct, quote.cue.idx):
        return False
    return quote.speaker.root.lower_ not in ("i", "we", "he", "she", "they", "it")


# --- speakers -------------------------------------------------------------------------------------


def per_speaker(quote: Found, actors: ActorIndex) -> list[Found]:
    """ "Sullivan and Patrushev agreed that …", "We, President Biden and President Putin, note …",
    "the two leaders agreed …": one quote for each speaker."""
    if quote.speaker is None:
        return [quote]
    members = speakers_in(quote.speaker.root, actors)
    if len(members) <= 1:
        return [quote]
    return [
        Found(quote.start, quote.end, quote.text, quote.kind, quote.cue, m, None, quote.reported_by) for m in members
    ]


# "the two leaders", "both sides": the people last named before.


# Prepositions of a speaker's setting, not of their title: "Trump, also on Twitter, …".
SETTINGS = frozenset({"on", "in", "at", "via", "through", "during", "after", "before"})


class ActorIndex:
    """Which actor each token's mention belongs to (people and organisations before countries)."""

    def __init__(self, doc: Doc, actors: tuple[Actor, ...]) -> None:
        self.doc = doc
        self.by_token = actors_by_token(doc, actors)

    def actor_of(self, span: Span) -> Actor | None:
        """The actor a speaker's phrase names: its head, a person in apposition to it
        ("Merkel's spokesperson, Steffen Seibert"), else a word of it that is not a possessor."""
        root = span.root
        named = self.person_named_with(span)
        if named is not None:
            return named
        for token in [root, *(c for c in root.children if c.dep_ == "appos")]:
            if token.i in self.by_token:
                return self.by_token[token.i]
        if root.pos_ == "PROPN":
            return None  # a name the actors stage does not know is nobody else
        owned = {t.i for c in root.children if c.dep_ == "poss" for t in c.subtree}
        return next((self.by_token[t.i] for t in span if t.i in self.by_token and t.i not in owned), None)

    def person_named_with(self, span: Span) -> Actor | None:
        """A person named in the speaker's phrase or right after its title: "the President of the
        United States of America Joseph R. Biden", "Merkel's spokesperson, Steffen Seibert",
        "Niger's president Mahamadou Issoufou" (however the parser split the title from the name)."""
        root = span.root
        words = own_words(root) | {c.i for c in root.children if c.dep_ == "appos" for c in c.subtree}
        words -= {t.i for c in root.children if c.dep_ == "prep" and c.lower_ in SETTINGS for t in c.subtree}
        after = span.end if span.end < len(self.doc) else None
        if after is not None and self.doc[after].pos_ == "PROPN":
            words.add(after)
        people = [self.by_token[i] for i in sorted(words) if i in self.by_token and self.by_token[i].kind == "person"]
        return people[-1] if people else None

    def people_before(self, index: int, count: int) -> list[Span]:
        """The first ``count`` distinct people the article names before token ``index`` (the
        leaders a readout or joint statement is about)."""
        seen: dict[str, int] = {}
        for token_index in sorted(i for i in self.by_token if i < index):
            actor = self.by_token[token_index]
            if actor.kind == "person" and actor.id not in seen:
                seen[actor.id] = token_index
            if len(seen) == count:
                break
        return [self.doc[i : i + 1] for i in sorted(seen.values())] if len(seen) == count else []

    def actor_named(self, name: str) -> Actor | None:
        last = name.split()[-1].lower()
        actors = dict.fromkeys(self.by_token[i] for i in sorted(self.by_token))  # first named first, in every process
        return next((a for a in actors if a.name.split()[-1].lower() == last), None)


def own_words(root: Token) -> set[int]:
    """The tokens of a phrase without its possessors and the phrases joined to it by "and"."""
    left_out = {t.i for c in root.children if c.dep_ in ("poss", "conj", "cc") for t in c.subtree}
    return {t.i for t in root.subtree} - left_out


def to_quote(quote: Found, actors: ActorIndex) -> Quote:
    speaker = None
    if quote.speaker is not None:
        actor = actors.actor_of(quote.speaker)
        mention = Mention(quote.speaker.start_char, quote.speaker.end_char, quote.speaker.text)
        name = actor.name if actor else proper_name(quote.speaker)
        speaker = Speaker(actor=actor.id if actor else None, name=name, mention=mention)
    elif quote.speaker_name is not None:
        actor = actors.actor_named(quote.speaker_name) if quote.speaker_name != "Q" else None
        speaker = Speaker(
            actor=actor.id if actor else None, name=actor.name if actor else quote.speaker_name, mention=None
        )
    reporter = actors.actor_named(quote.reported_by) if quote.reported_by else None
    cue = quote.cue.text if quote.cue is not None else None
    reported_by = reporter.id if reporter else None
    return Quote(
        text=quote.text,
        start=quote.start,
        end=quote.end,
        kind=quote.kind,
        speaker=speaker,
        cue=cue,
        reported_by=reported_by,
    )


CONTINUATION_GAP = 200


def introduction(doc: Doc, text: str, start: int) -> list[Token]:
    before = text[: max(start - 1, 0)].rstrip()
    if not before.endswith((":", ",")):
        return []
    return sentence_tokens(doc, len(before) - 1)


def according_object(according: Token) -> Span | None:
    to = next((c for c in according.children if c.lower_ == "to"), None)
    objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
    return author(objects[0]) if objects else None


UTTERANCES = frozenset({"statement", "tweet", "post", "interview", "release", "letter", "speech", "remarks", "message"})


def author(token: Token) -> Span:
    """Who said it: the phrase itself, or for a statement, tweet … its author: "a statement from
    X", "X's statement", "X released a statement (saying …)", else the author of the statement
    last mentioned before ("… read the statement")."""
    if token.lemma_.lower() in UTTERANCES:
        return stated_by(token) or earlier_author(token) or noun_phrase(token)
    return noun_phrase(token)


def stated_by(noun: Token) -> Span | None:
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if objects:
            return noun_phrase(objects[0])
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return noun_phrase(owners[0])
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB":  # "X released a statement", "X, in a statement, …"
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if subjects:
            return noun_phrase(subjects[0])
    return None


def earlier_author(noun: Token) -> Span | None:
    """ "the statement" with no author of its own: the author of the same noun earlier on."""
    if not any(c.lower_ == "the" for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    for token in reversed(noun.doc[: noun.i]):
        if token.lemma_.lower() == lemma:
            found = stated_by(token)
            if found is not None:
                return found
    return None


def opener(doc: Doc, i: int) -> bool:
    """A discourse word before a comma at the start of a clause ("Moreover, …")."""
    return doc[i].pos_ in ("ADV", "CCONJ") and i + 1 < len(doc) and doc[i + 1].text == ","


GROUP_SPEAKERS = frozenset({"leader", "side", "president", "minister", "official", "counterpart", "we", "they"})


def speakers_in(root: Token, actors: ActorIndex) -> list[Span]:
    appositions = [c for c in root.children if c.dep_ == "appos"]
    head = appositions[0] if appositions and root.pos_ == "PRON" else root
    members = [head, *[t for t in head.conjuncts if t.i > head.i]]
    if len(members) > 1:
        return [noun_phrase(m) for m in members]
    if root.lemma_.lower() in GROUP_SPEAKERS and (root.tag_ in ("NNS", "NNPS") or root.lower_ in ("we", "they")):
        return actors.people_before(root.i, 2)
    return [noun_phrase(root)]


def proper_name(span: Span) -> str:
    """The run of proper nouns ending a speaker's phrase ("Former US Ambassador … Nikki Haley" → "Nikki Haley")."""
    root = span.root
    named = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if root.pos_ != "PROPN" and named:
        root = named[0]  # "Niger's president, Mahamadou Issoufou"
    elif root.pos_ != "PROPN":
        return span.text
    start = root.i
    while start > 0 and span.doc[start - 1].pos_ == "PROPN" and span.doc[start - 1].dep_ == "compound":
        start -= 1
    return span.doc[start : root.i + 1].text


def inside_quote(quote: Found, char: int) -> bool:
    if not quote.start - 1 <= char <= quote.end:
        return False
    return not any(start <= char < end for start, end in quote.gaps)


def reported_clause_heads(verb: Token) -> list[Token]:
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    for noun in (c for c in verb.children if c.dep_ == "dobj"):  # "expressed confidence that …"
        clauses += [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"]
        clauses += [c for c in noun.children if c.dep_ == "relcl" and told_clause(c)]
        if not clauses and verb.lemma_.lower() == "say" and noun.pos_ in ("NOUN", "PROPN"):
            clauses.append(noun)  # "saying an attack … produced no casualties", parsed as an object
    for clause in list(clauses):  # "… and the ban followed …": a joined clause with its own subject
        clauses += [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and has_subject(c)]
    return clauses


def told_clause(clause: Token) -> bool:
    """ "informed police she had diplomatic immunity": a clause with its own subject and no
    relative word, which the parser hung on the person told as if it were a relative clause."""
    first = clause.left_edge
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.tag_ not in ("WP", "WDT") and first.tag_ not in ("WP", "WDT", "WRB")


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
