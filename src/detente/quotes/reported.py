"""Reported speech: the clauses of speech verbs ("Alipov said that …"), "according to the envoy,
…", and "…, TASS reported citing Rudenko"; a report nested in another is the inner speaker's."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import word_list
from ..nlp import sentence_index, sentence_spans, words_of
from .speakers import (
    FoundQuote,
    according_object,
    has_own_subject,
    inverted_clause,
    inverted_subject,
    is_speech_verb,
    noun_phrase,
    sayer_above,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["indirect_quotes"]


CLAUSE_DEPS = frozenset({"ccomp"})


QUESTIONS = frozenset({"ask", "question", "wonder"})


def indirect_quotes(doc: Doc) -> list[FoundQuote]:
    found: list[FoundQuote] = []
    words, stance = words_of(doc), {verb.split()[0] for verb in word_list("stance_verbs.txt")}
    reporting = claim_verbs()
    stance |= word_list("control_verbs.txt") | word_list("naming_verbs.txt")
    speech = word_list("speech_verbs.txt") | reporting | stance | word_list("speech_nouns.txt") | {"make", "read"}
    candidates = [
        i for i, lemma in enumerate(words.lemmas) if lemma.lower() in speech or words.lowers[i] == "according"
    ]
    for token in (doc[i] for i in candidates):
        if token.lemma_.lower() in QUESTIONS and not asking(token) and not asked_clauses(token):
            continue  # "Asked whether …": a question put to the speaker; "asked them to leave" is a request
        if is_speech_verb(token) or token.lemma_.lower() in reporting | stance and token.pos_ == "VERB":
            found.extend(reported_clauses(doc, token))
        elif token.pos_ == "NOUN":
            found.extend(owned_claims(doc, token))
        elif token.lower_ == "according" and token.dep_ == "prep":
            quote = according_to(doc, token)
            if quote is not None:
                found.append(quote)
    return nested_reports(found)


def owned_claims(doc: Doc, noun: Token) -> list[FoundQuote]:
    """ "the ministry's claim that the talks had failed": a noun of saying (``data/speech_nouns.txt``)
    with its owner and a "that" clause reports what the owner said."""
    if noun.lemma_.lower() not in word_list("speech_nouns.txt"):
        return []
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"]
    if not owners or not clauses:
        return []
    quote = clause_quote(doc, clauses[0], noun, noun_phrase(owners[0]))
    return [quote] if quote is not None else []


def reported_clauses(doc: Doc, verb: Token) -> list[FoundQuote]:
    """ "said (that) …", "expressed confidence that …", "made clear that …": the clause (and a
    clause joined to it by "and"); "reaffirmed his support for …": a stance verb's object
    (``data/stance_verbs.txt``); "…, TASS reported citing X": what comes before, by X."""
    speaker = subject_of(verb)
    joined = inverted_clause(verb)
    inverted = inverted_subject(verb)
    if joined is not None and joined.i == verb.head.i and inverted is not None:  # "…, stated Minister X, and …"
        found = words_quote(doc, joined.left_edge.i, verb.i - 1, verb, inverted)
        return [found] if found is not None else []
    # "…, Reyes said on Monday, the cooperative will …", whatever the parser made of the words after it
    rest = report_after_parenthetical(doc, verb) if verb.lemma_.lower() in PARENTHETICAL_VERBS else None
    around = preceding_clause(doc, verb, speaker, rest) if speaker is not None and rest is not None else None
    if around is not None:
        return [around]
    clauses = reported_clause_heads(verb)
    if not clauses and speaker is not None and restating(verb):
        found = words_quote(doc, restating_comma(verb) + 1, verb.head.right_edge.i + 1, verb, speaker)
        return [found] if found is not None else []
    lemma = verb.lemma_.lower()
    asked = asked_clauses(verb)
    if asked:  # what was asked, not a clause the parser hung on the verb besides
        clauses = [c for c in clauses if c in asked]
    if lemma in claim_verbs():
        clauses = [c for c in clauses if claim_clause(c) and (told_after(c, verb) or told_before(c, speaker))]
    if lemma in word_list("finding_verbs.txt") and (speaker is None or speaker.root.pos_ == "PRON"):
        clauses = []
    quotes = [clause_quote(doc, c, verb, speaker) for c in clauses]
    stance = word_list("stance_verbs.txt")
    if not clauses and speaker is not None and (lemma in stance or naming(verb) or asking(verb)):
        quotes.append(object_quote(doc, verb, speaker))
    if not clauses and speaker is not None:  # "called for calm", "called for the killers to be brought to justice"
        for word, end in particle_phrases(verb):
            if f"{verb.lemma_.lower()} {word.lower_}" in stance:
                quotes.append(words_quote(doc, word.i + 1, end, verb, speaker))
    if not clauses and speaker is not None:  # "called on Trump to stop …"
        quotes.append(asked_through(doc, verb, speaker))
    if not clauses and speaker is not None and verb.lemma_.lower() in PARENTHETICAL_VERBS and rest is None:
        before = preceding_clause(doc, verb, speaker)
        if before is not None:
            quotes.append(before)
    return [q for q in quotes if q is not None]


@cache
def claim_verbs() -> frozenset[str]:
    """Verbs whose clause is a claim or finding of the subject (data/reporting_verbs.txt,
    data/finding_verbs.txt), though not verbs of saying as such."""
    return word_list("reporting_verbs.txt") | word_list("finding_verbs.txt")


# The words that open a question put as a clause: "determine what the country looks like".
QUESTION_WORDS = frozenset({"what", "whether", "if", "how", "where", "when", "why", "who", "which", "whom"})


def claim_clause(clause: Token) -> bool:
    """A clause that states something, as a finding does ("found that it could rule", "found the
    ban to be unlawful"): a verb with its own subject, not a question ("determine whether …"),
    nor a predicate alone ("found him guilty", "find myself walking")."""
    if clause.pos_ not in ("VERB", "AUX") or clause.left_edge.lower_ in QUESTION_WORDS:
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subjects) and subjects[0].lower_ not in ("myself", "ourselves", "yourself", "himself", "herself")


# Words a finding's clause may follow the verb by: "found that …", "concluded last week that …".
CLAUSE_REACH = 4


def told_after(clause: Token, verb: Token) -> bool:
    """The clause follows the verb: at once, or opened by "that" ("found in 2019 that …"); not a
    clause the parser hung on it from further on ("concludes with footage of Trump saying, “…”")."""
    start = clause.left_edge
    return start.i > verb.i and (start.i - verb.i <= CLAUSE_REACH or (start.lower_ == "that" and start.dep_ == "mark"))


def told_before(clause: Token, speaker: Span | None) -> bool:
    """A claim told before its source ("Prices rose, the study found") ends with a comma right
    before the source; "X denied the claims, however, a report concluded …" does not."""
    doc = clause.doc
    after = clause.right_edge.i + 1
    return (
        speaker is not None
        and after + 1 < len(doc)
        and doc[after].text == ","
        and after + 1 == speaker.root.left_edge.i
    )


def complementizer(token: Token) -> bool:
    """ "said that …" opens the clause said with "that"; not "said that claim smacked of …" nor
    "said that was not her view", where "that" is a word of the clause: the parser's determiner
    of a singular noun, or its subject with the verb right after it (not "told that family
    members were …" nor "that, despite her fears, she …")."""
    if token.lower_ != "that":
        return False
    if token.dep_ == "det":
        return token.head.tag_ not in ("NN", "NNP")
    if token.dep_ in ("nsubj", "nsubjpass"):
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is None or following.is_punct
    return True


def clause_quote(doc: Doc, clause: Token, verb: Token, speaker: Span | None) -> FoundQuote | None:
    """The clause said, up to a participle that goes on from the same verb (", further saying, …")."""
    start = clause.left_edge.i
    if doc[start].is_punct and doc[start].text not in ("“", '"') and start > verb.i:
        start = verb.i + 1  # a clause the parse starts at a bracket: it begins after the verb
    while start < clause.i and (
        complementizer(doc[start]) or doc[start].lower_ in (",", "and", "“", '"') or opener(doc, start)
    ):
        start += 1
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if clause.dep_ == "advcl" and doc[start].pos_ == "ADP" and subject is not None and subject.i > start:
        start = subject.left_edge.i  # "said after the convention he would …": the clause begins at "he"
    goes_on = [t.left_edge.i for t in clause.subtree if t.i > clause.i and goes_on_from(t, verb)]
    # the clause's last word by its subtree: spaCy's right edge follows only the rightmost children,
    # and misses a word hung further right on a left child ("she suspected Crutcher was … drugs —
    # something a 911 caller also told …": "something" is Crutcher's)
    last = max(t.i for t in clause.subtree)
    return words_quote(doc, start, min(goes_on, default=last + 1), verb, speaker)


def goes_on_from(token: Token, verb: Token) -> bool:
    sayer = sayer_above(token)
    return sayer is not None and sayer.i == verb.i


def particle_phrases(verb: Token) -> list[tuple[Token, int]]:
    """A verb's prepositions with the end of their phrase, and the "for" that the parser makes the
    mark of a clause ("called for the killers to be brought …")."""
    found = [(c, c.right_edge.i + 1) for c in verb.children if c.dep_ == "prep"]
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        found += [(m, clause.right_edge.i + 1) for m in clause.children if m.dep_ == "mark" and m.i < clause.i]
    return found


def restating(verb: Token) -> bool:
    """ "As I have said before, it is never a good bet …", "And as the President said last night,
    we are done …": a clause of saying opened by "as", at the start of the clause it belongs to,
    says that clause again; "…, as Garner said before he died" comes after what it refers to, and
    "… was born and later, as I said, met …" restates only a part."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    head, comma = verb.head, restating_comma(verb)
    if verb.dep_ != "advcl" or mark is None or head.pos_ not in ("VERB", "AUX") or not 0 < comma < head.i:
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False  # "as Freedom House will tell you": not something said
    opening = all(t.dep_ in ("cc", "punct", "intj") for t in verb.doc[head.left_edge.i : mark.i])
    return opening and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > comma for c in head.children)


def restating_comma(verb: Token) -> int:
    """The comma that ends the "as" clause (after its own words: "As I reported on August 25, 2022,
    …"), before the clause it belongs to; -1 if none."""
    after = max(verb.i, verb.right_edge.i) + 1
    return next((t.i for t in verb.doc[after : verb.head.i] if t.text == ","), -1)


def words_quote(doc: Doc, start: int, end: int, verb: Token, speaker: Span | None) -> FoundQuote | None:
    """The indirect quote of the words ``start:end``, without closing punctuation; none under two words."""
    while end > start and doc[end - 1].is_punct:
        end -= 1
    opened = sum(t.text in ("“", '"') for t in doc[start:end]) - sum(t.text == "”" for t in doc[start:end])
    if opened % 2 == 1 and end < len(doc) and doc[end].text in ("”", '"'):
        end += 1  # as “unprecedented”: the closing mark of a quotation the words open
    if end - start < 2:
        return None
    span = doc[start:end]
    return FoundQuote(span.start_char, span.end_char, span.text, "indirect", cue=verb, speaker=speaker)


def object_quote(doc: Doc, verb: Token, speaker: Span) -> FoundQuote | None:
    """ "reaffirmed his support for Ukraine", "underscored the importance of …", "urged Iran to
    return to talks": a stance verb's object phrase (and the infinitive it governs) is what was said."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ not in ("PRON", "NUM")]
    objects = objects or [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]  # "described witnessing …"
    if not objects:
        return None
    told = [c for c in verb.children if c.dep_ in ("xcomp", "oprd", "dobj") and c.i > objects[0].i]
    start = objects[0].left_edge.i
    if doc[start].text in ("’", "'", "’s", "'s") and start > 0:  # "the United States’ firm support"
        start = doc[start - 1].left_edge.i
    end = max(t.right_edge.i for t in objects + told) + 1
    # what completes the object, hung on the verb: "express our condolences to the families of …"
    for complement in sorted((c for c in verb.children if c.dep_ == "prep" and c.i == end), key=lambda c: c.i):
        end = complement.right_edge.i + 1
    return words_quote(doc, start, end, verb, speaker)


def asking(verb: Token) -> bool:
    """ "advised citizens to leave": a verb of ``data/control_verbs.txt`` with its object and an
    infinitive."""
    if verb.lemma_.lower() not in word_list("control_verbs.txt"):
        return False
    told = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    return any(c.dep_ == "dobj" for c in verb.children) and any(a.lower_ == "to" for t in told for a in t.children)


# The verbs that report a question someone put ("Lawmakers asked whether …"); "wonder" is a thought.
REPORTED_QUESTIONS = frozenset({"ask", "question"})


def asked_clauses(verb: Token) -> list[Token]:
    """ "Lawmakers also asked whether the deals required …", "the senator asked how the agency would
    pay": the clauses of a question put by a named subject, opened by "whether", "if" or a question
    word; none for "Asked whether he would run, Reyes said …", a question put to the speaker."""
    if verb.lemma_.lower() not in REPORTED_QUESTIONS or not any(c.dep_ == "nsubj" for c in verb.children):
        return []
    return question_clauses(verb)


def question_clauses(verb: Token) -> list[Token]:
    """The clauses after the verb that put a question ("whether …", "how …")."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i > verb.i]
    return [c for c in clauses if c.left_edge.lower_ in QUESTION_WORDS and not set_off(verb, c.left_edge)]


def set_off(verb: Token, start: Token) -> bool:
    """A colon or a quotation mark between the verb and the words asked ("asked me, “What is …?”",
    "we must ask: When …?"): the question in its own words, not reported."""
    return any(t.text in (":", "“", '"') for t in verb.doc[verb.i + 1 : start.i + 1])


def infinitive_of(verb: Token, after: int = -1) -> Token | None:
    """The verb's to-infinitive clause (after token ``after``)."""
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > after]
    return next((c for c in clauses if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def asked_through(doc: Doc, verb: Token, speaker: Span) -> FoundQuote | None:
    """ "called on Trump to stop attacking Machado": a verb of asking with its preposition
    (``data/control_verbs.txt``), the one asked and the infinitive."""
    lemma = verb.lemma_.lower()
    preps = {entry.split()[1] for entry in word_list("control_verbs.txt") if entry.split()[0] == lemma and " " in entry}
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
        asked = next((o for o in prep.children if o.dep_ == "pobj"), None)
        clause = infinitive_of(verb, prep.i) if asked is not None else None
        if asked is not None and clause is not None:
            return words_quote(doc, asked.left_edge.i, clause.right_edge.i + 1, verb, speaker)
    return None


def naming(verb: Token) -> bool:
    """ "called the crisis the worst in the world", "labelled the protesters terrorists": a verb
    of naming (``data/naming_verbs.txt``) with an object and what it is named is what was said."""
    if verb.lemma_.lower() not in word_list("naming_verbs.txt"):
        return False
    complements = [c for c in verb.children if c.dep_ in ("oprd", "dobj")]
    return any(c.dep_ == "oprd" for c in complements) or len(complements) >= 2


def preceding_clause(doc: Doc, verb: Token, speaker: Span, rest: Span | None = None) -> FoundQuote | None:
    """ "Lavrov will visit …, TASS reported citing Rudenko": the sentence before the attribution
    (which may be a relative clause of its noun: "…, Russian news agency TASS reported"), with
    ``rest``, what the sentence goes on to say after a parenthetical attribution."""
    sentence_start = sentence_spans(doc)[sentence_index(doc, verb.i)][0]
    if says_after(doc, verb):
        return None  # "In one tweet, Trump said: “…”": what was said follows the verb
    first = min(speaker.start, verb.head.left_edge.i if verb.dep_ == "relcl" else speaker.start)
    while doc[first].is_punct and first < speaker.start:
        first += 1
    comma = first - 1
    if comma <= sentence_start or doc[comma].text != ",":
        return None
    span = doc[sentence_start:comma]
    while len(span) and span[0].is_punct:
        span = doc[span.start + 1 : span.end]
    if rest is None and (len(span) < 3 or not a_clause(span)):
        return None  # a frame before the attribution says nothing, unless the sentence goes on after it
    if len(span) < 3 and not any(t.pos_ in NAMING_POS for t in span):
        return None  # "Now, Republicans are saying …", "You know, I've said …": the attribution leads
    cited = citing(verb)
    if rest is not None:  # "Lenox was a juggernaut, Clarke said, until it went bankrupt"
        span = doc[span.start : rest.end]
    text = span.text if rest is None else f"{doc[span.start : comma].text} {rest.text}"
    quote = FoundQuote(span.start_char, span.end_char, text, "indirect", cue=verb, speaker=cited or speaker)
    if cited is not None:
        quote.reported_by = speaker.text
    return quote


# How many words may follow the verb of a parenthetical attribution before its closing comma
# ("…, Clarke said in an interview on Tuesday, …"): a time and a place; more is a clause of its own.
PARENTHETICAL_TAIL = 5


# Words that make the start of a sentence before "…, she said, …" part of what was said ("The
# museum, he said, …"), where a lone "Now," "So," or "You know," only leads into the attribution.
NAMING_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})

# The verbs of saying that stand as a parenthetical in news copy ("…, she said, …").
PARENTHETICAL_VERBS = frozenset({"say", "add", "tell", "report"})


def report_after_parenthetical(doc: Doc, verb: Token) -> Span | None:
    """ "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999": an attribution
    set off by commas inside its sentence. What was said goes on after it, to the sentence's end
    (without its last stop); not a participle of saying after it ("…, Zapata said, adding …")."""
    sentence_end = sentence_spans(doc)[sentence_index(doc, verb.i)][1]
    tail = doc[verb.i + 1 : min(verb.i + 2 + PARENTHETICAL_TAIL, sentence_end)]
    comma = next((t for t in tail if t.text in (",", ";", ":", "“", '"')), None)
    if comma is None or comma.text != ",":
        return None
    if any(t.dep_ == "mark" or t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1 : comma.i]):
        return None  # "are saying if they win, …": a clause of what was said, not the time or place of saying
    end = sentence_end
    while end > comma.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    rest = doc[comma.i + 1 : end]
    if len(rest) and rest[0].tag_ == "VBG" and is_speech_verb(rest[0]):
        return None  # "…, Zapata said, adding it required much endurance": the speaker goes on to more
    return rest if sum(1 for t in rest if t.is_alpha) >= 3 else None


# How words set before a clause hang on its verb when they only frame it: "In Honolulu last week,
# he told …", "But when Congress cut funding, Mexico said …", "Under the plan, taxpayers …".
FRAMING_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "mark", "cc", "punct", "intj"})


def a_clause(span: Span) -> bool:
    """Words that report something (a clause, or a headline's "Language unclear on …"), not a
    phrase or a subordinate clause that frames the attribution after it."""
    heads = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    return not all(t.dep_ in FRAMING_DEPS and t.head.i >= span.end for t in heads)


def says_after(doc: Doc, verb: Token) -> bool:
    """A colon or an opening quotation mark right after the verb (or its time words): the words
    said come after it."""
    for token in doc[verb.i + 1 : verb.i + 4]:
        if token.text in (":", "“", '"'):
            return True
        if token.ent_type_ not in ("DATE", "TIME") and token.text != ",":
            return False
    return False


def citing(verb: Token) -> Span | None:
    """ "reported citing Deputy Foreign Minister Andrey Rudenko": the person cited."""
    for child in verb.children:
        if child.lemma_.lower() == "cite":
            objects = [c for c in child.children if c.dep_ in ("dobj", "pobj")]
            if objects:
                return noun_phrase(objects[0])
    return None


def according_to(doc: Doc, according: Token) -> FoundQuote | None:
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
    return FoundQuote(
        words[0].idx, words[-1].idx + len(words[-1].text), text, "indirect", cue=according, speaker=speaker
    )


def nested_reports(found: list[FoundQuote]) -> list[FoundQuote]:
    """ "Alipov said …, news agency PTI reported": Alipov's quote, reported by PTI (not PTI's). Only
    a report told after what it reports: in "Holm said that the advertisement suggests …" the
    verbs inside what Holm said are his words."""
    kept = []
    for quote in found:
        inner = [q for q in found if q is not quote and q.cue is not None and quote.start <= q.cue.idx < quote.end]
        after = quote.cue is not None and quote.cue.idx >= quote.end
        if inner and after and quote.cue is not None and quote.cue.lemma_.lower() in ("report", "say"):
            for q in inner:
                q.reported_by = q.reported_by or (quote.speaker.text if quote.speaker is not None else None)
            continue
        kept.append(quote)
    return kept


def reported_clause_heads(verb: Token) -> list[Token]:
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS or misparsed_clause(verb, c)]
    for noun in (c for c in verb.children if c.dep_ == "dobj"):  # "expressed confidence that …"
        clauses += [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"]
        clauses += [c for c in noun.children if c.dep_ == "relcl" and told_clause(c)]
        if not clauses and verb.lemma_.lower() == "say" and noun.pos_ in ("NOUN", "PROPN"):
            clauses.append(noun)  # "saying an attack … produced no casualties", parsed as an object
    for clause in list(clauses):  # "… and the ban followed …": a joined clause with its own subject
        clauses += [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and has_own_subject(c)]
    return clauses


def misparsed_clause(verb: Token, clause: Token) -> bool:
    """ "Trump tweeted in the early morning hours that Machado was “disgusting”", "Trump said after
    the convention he would not accept …": a finite clause with its own subject after a verb of
    saying that has one too, opened by "that" or by nothing that subordinates or relates it, is
    what was said, though the parser hangs it on the verb as an adverbial clause."""
    if clause.dep_ != "advcl" or clause.i < verb.i or not is_speech_verb(verb) or subject_of(verb) is None:
        return False
    if any(c.dep_ == "dobj" for c in verb.children):
        return False  # "reiterated the importance the United States places on …": the object is what was said
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > clause.i or subject.tag_ in ("WDT", "WP"):
        return False  # "…, which is to provide …"
    opening = clause.doc[clause.left_edge.i : subject.left_edge.i]
    joined = [c for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < subject.i and c.lower_ != "that"]
    if joined or any(t.lower_ != "that" and (t.tag_ in ("WDT", "WRB", "WP") or t.pos_ == "SCONJ") for t in opening):
        return False  # "said it when he left", "announced … so the IBEW can get to work", "at which point …"
    if clause.left_edge.tag_ in ("VBG", "VBN", "TO"):
        return False
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)


def told_clause(clause: Token) -> bool:
    """ "informed police she had diplomatic immunity", "told a meeting of leaders that few people
    understood …": a clause with its own subject and no relative word ("that" the parser marks
    as a subordinator, not a relative pronoun), which the parser hung on the person told as if
    it were a relative clause."""
    first = clause.left_edge
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    relative = first.tag_ in ("WP", "WDT", "WRB") and not (first.lower_ == "that" and first.dep_ == "mark")
    return subject is not None and subject.tag_ not in ("WP", "WDT") and not relative


def opener(doc: Doc, i: int) -> bool:
    """A discourse word before a comma at the start of a clause ("Moreover, …")."""
    return doc[i].pos_ in ("ADV", "CCONJ") and i + 1 < len(doc) and doc[i + 1].text == ","
