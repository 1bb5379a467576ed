"""Who speaks: verbs of speech (``data/speech_verbs.txt``), a verb's subject or the author of an
utterance ("a statement from the White House"), the people a plural speaker stands for ("the two
leaders"), and the actor a speaker's words name (``ActorIndex``: so "he" is the envoy). ``FoundQuote``
is a quote as the finders find it, before its speaker is resolved."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from ..actors.company import company_people
from ..actors.resolve import actors_by_token
from ..knowledge.files import word_list
from ..nlp import doc_text, sentence_index, sentence_spans
from ..record import Actor, QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "ActorIndex",
    "FoundQuote",
    "according_object",
    "antecedent",
    "inverted_clause",
    "inverted_subject",
    "inside_quote",
    "name_referred_to",
    "is_speech_verb",
    "noun_phrase",
    "own_name",
    "PERSONAL_PRONOUNS",
    "proper_name",
    "sentence_tokens",
    "speakers_in",
    "speech_forms",
    "subject_of",
    "unnamed",
]


@dataclass
class FoundQuote:
    start: int  # character offsets of the content, without the marks
    end: int
    text: str
    kind: QuoteKind
    cue: Token | None = None
    speaker: Span | None = None
    speaker_name: str | None = None
    reported_by: str | None = None
    gaps: tuple[tuple[int, int], ...] = ()  # the attribution inside a split quote
    said_as: Span | None = None  # the words the speaker was read from, when they refer back ("they")


@cache
def speech_forms() -> frozenset[str]:
    """Inflected forms of the speech verbs, for reading attributions without a parse."""
    forms = set()
    for verb in word_list("speech_verbs.txt"):
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "d", stem + "ed", stem + "ing", verb + "es"}
    return frozenset(forms | {"said", "told", "wrote", "spoke", "says"})


def is_speech_verb(token: Token) -> bool:
    """A verb of saying, or "make clear"."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in word_list("speech_verbs.txt")
        or (lemma == "make" and any(c.lower_ == "clear" for c in token.children))
        or (
            lemma == "read" and any(c.lemma_.lower() in word_list("utterance_nouns.txt") for c in token.children)
        )  # "read the statement"
    )


def subject_of(verb: Token) -> Span | None:
    """The speaker: the verb's subject (or agent), or that of the verb it is conjoined to or
    depends on ("…, adding that …"); the author of a statement or tweet ("a tweet by Pompeo")."""
    if verb.dep_ == "acl":  # "released a statement saying …", "posted a message on Twitter blaming …"
        utterance = modified_utterance(verb)
        if utterance is not None:
            return author(utterance)
    inverted = inverted_subject(verb)
    if inverted is not None:
        return inverted
    governor = governing_verb(verb)
    for token in (verb, sayer_above(verb) or governor, first_conjunct(governor)):
        if token is None:
            continue
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not empty_subject(child):
                return author(person_before_place(child) or child)
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return author(objects[0])
    return name_before(verb)


# Words that tie a person to the institution named after them ("of", "at", "from").
AFFILIATING = frozenset({"of", "at", "from"})


def person_before_place(subject: Token) -> Token | None:
    """ "Jo Anne Val Tilburg of the University of California, Los Angeles disagreed": a place the
    parser made the subject, right after a comma that ends a person's affiliation, locates that
    affiliation; the person named before it is the one who speaks (the parser leaves them
    detached or makes them the subject of the quote)."""
    doc = subject.doc
    comma = subject.left_edge.i - 1
    if subject.ent_type_ not in ("GPE", "LOC") or comma < 1 or doc[comma].text != ",":
        return None
    i = comma - 1
    while i > 0 and in_organisation_name(doc, i):
        i -= 1
    if i == comma - 1 or doc[i].lower_ not in AFFILIATING or i == 0 or doc[i - 1].ent_type_ != "PERSON":
        return None
    return doc[i - 1]


def in_organisation_name(doc: Doc, i: int) -> bool:
    """A word of an organisation's name as spaCy tags it, its article, or an "of" inside it
    ("the University of California")."""
    inner_of = doc[i].lower_ == "of" and doc[i - 1].ent_type_ == "ORG"
    return doc[i].ent_type_ == "ORG" or doc[i].pos_ == "DET" or inner_of


def governing_verb(verb: Token) -> Token | None:
    """The verb whose subject a verb of saying without its own shares: the verb it is joined to or
    depends on ("…, adding that …", "began saying"), or the verb a gerund of saying governed by a
    preposition qualifies ("He pitched himself to voters by telling them that …", "despite
    admitting that …"; not the noun of "his habit of saying")."""
    if verb.dep_ in ("conj", "advcl", "xcomp"):
        return verb.head
    preposition = verb.head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and preposition.dep_ == "prep":
        return preposition.head if preposition.head.pos_ in ("VERB", "AUX") else None
    return None


def first_conjunct(verb: Token | None) -> Token | None:
    """The first of joined verbs, which holds the subject they share ("Dean appeared on MSNBC and
    began by saying …")."""
    return verb.head if verb is not None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") else None


QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
# How far up a participle of saying may be hung from the verb of saying it goes on from.
SAYER_REACH = 3


def sayer_above(verb: Token) -> Token | None:
    """ "Oramah said the currencies “cost $5 billion,” further saying, “…”": a participle of saying
    with no subject of its own goes on from the verb of saying above it, where the parser hung it
    on a verb of the clause said ("cost"), not from that verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or has_own_subject(verb):
        return None
    if not is_speech_verb(verb):
        return None
    before = [t.text for t in verb.doc[max(0, verb.left_edge.i - 2) : verb.left_edge.i] if t.text not in QUOTE_MARKS]
    if before[-1:] != [","]:
        return None  # set off by a comma (“…,” further saying, …), not "be asking yourself"
    token = verb.head
    for _ in range(SAYER_REACH):
        if token.i != verb.head.i and is_speech_verb(token):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def has_own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def inverted_subject(verb: Token) -> Span | None:
    """ "…, argued the government's lawyer, Richard Keen", "…, stated Minister X": after the clause
    it reports and a comma, a verb of saying in the past or present tense comes before its subject
    (quotative inversion), which the parser often takes for an object: a person named there. Not
    "tell", whose object is who is told, nor "…, should say officials", nor a second verb sharing
    the first one's subject ("He raised …, described the measures …")."""
    if inverted_clause(verb) is None:
        return None
    after = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if after is None or not any(t.ent_type_ == "PERSON" for t in after.subtree):
        return None  # "…, described the measures": a second verb of the same subject, not an inversion
    return author(after)


def inverted_clause(verb: Token) -> Token | None:
    """The clause a verb of saying reports before it, set off by a comma, the verb having no
    subject of its own: its complement before it, or the clause it is joined to ("The bomb was
    placed …, stated Minister X", which the parser reads as two joined clauses)."""
    if not is_speech_verb(verb) or verb.lemma_.lower() == "tell" or verb.tag_ not in ("VBD", "VBZ"):
        return None
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("aux", "nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    before = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if before is None and verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        before = verb.head
    return before


def empty_subject(subject: Token) -> bool:
    """A subject that names no speaker: "there", a relative pronoun, and "it" unless it is the
    subject of an active verb ("It is said that …" names no one; "The ministry … It said …" does)."""
    if subject.lower_ in ("there", "which", "that"):
        return True
    return subject.lower_ == "it" and (subject.dep_ == "nsubjpass" or not is_speech_verb(subject.head))


def modified_utterance(participle: Token) -> Token | None:
    """The statement, tweet … a participle modifies, also when the parser hung it on a noun of the
    statement's own phrase ("a message on Twitter blaming …" hung on "Twitter")."""
    token = participle.head
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        if token.lemma_.lower() in word_list("utterance_nouns.txt"):
            return token
        token = token.head
    return None


def name_before(verb: Token) -> Span | None:
    """ "Speaking to AFP, the president of the League, Jamel Msallem, said …": a verb of saying with
    no subject in the parse, right after a name set off by commas, was said by that name."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text == ",":
        i -= 1
    if i < 0 or i == verb.i - 1 or not is_speech_verb(verb):
        return None
    name = verb.doc[i]
    return noun_phrase(name) if name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "ORG", "NORP") else None


def author(token: Token) -> Span:
    """Who said it: the phrase itself, or for a statement, tweet … its author: "a statement from
    X", "X's statement", "X released a statement (saying …)", else the author of the statement
    last mentioned before ("… read the statement")."""
    if token.lemma_.lower() in word_list("utterance_nouns.txt"):
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


def noun_phrase(token: Token) -> Span:
    """A subject with its compounds and adjectives, without a leading article ("Richmond police")."""
    start = token.left_edge.i
    while start < token.i and token.doc[start].dep_ in ("det", "punct"):
        start += 1
    end = token.i + 1
    return token.doc[start:end]


def according_object(according: Token) -> Span | None:
    to = next((c for c in according.children if c.lower_ == "to"), None)
    objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
    return author(objects[0]) if objects else None


# "the two leaders", "both sides": the people last named before.
GROUP_SPEAKERS = frozenset({"leader", "side", "president", "minister", "official", "counterpart", "we", "they"})


def speakers_in(root: Token, actors: ActorIndex) -> list[Span]:
    appositions = [c for c in root.children if c.dep_ == "appos"]
    head = appositions[0] if appositions and root.pos_ == "PRON" else root
    members = [head, *[t for t in head.conjuncts if t.i > head.i and not one_name(head, t)]]
    if len(members) > 1:
        return [noun_phrase(m) for m in members]
    if root.lower_ in ("we", "i") and root.i in actors.by_token:  # a transcript speaker's own "we"
        return [noun_phrase(root)]
    before = they_antecedent(root, actors) if root.lower_ == "they" else None
    if before is not None:
        return speakers_in(before, actors)
    if (
        common_lemma(root) in GROUP_SPEAKERS
        and (root.tag_ in ("NNS", "NNPS") or root.lower_ in ("we", "they"))
        and not names_its_members(root)
        and refers_back(root)
    ):
        counted = any(c.lower_ in ("two", "both") for c in root.children)
        if counted:  # "the two leaders", "both sides": the two people named first
            return actors.people_before(root.i, 2)
        return actors.company_named() or actors.pair_before(root.i)
    return [noun_phrase(root)]


# How many sentences before its own "they" looks back for the group it stands for.
ANTECEDENT_SENTENCES = 2
# Who may be "they": people, bodies and peoples as the entity recogniser marks them.
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})


def they_antecedent(pronoun: Token, actors: ActorIndex) -> Token | None:
    """ "Proponents … have urged Congress to leave the program intact, although they say …",
    "Politifact did a fact-check … On September 27 they published …": "they" stands for the
    nearest subject before it, in its own sentence or the two before, that names several who can
    speak (a plural, people joined by "and") or a body, which American English also calls "they".
    A single person is skipped ("Biden spoke with Kishida. They discussed …" finds no group, and
    the people named before are "they")."""
    doc = pronoun.doc
    first = sentence_spans(doc)[max(0, sentence_index(doc, pronoun.i) - ANTECEDENT_SENTENCES)][0]
    for token in reversed(doc[first : pronoun.i]):
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "PRON" and group_that_speaks(token, actors):
            return token
    return None


def group_that_speaks(subject: Token, actors: ActorIndex) -> bool:
    """A subject that is several who can speak, or a body: a plural noun or people joined by
    "and" that the actors stage or the entity recogniser knows, or that is the subject of a verb
    of saying; an organisation's name."""
    several = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    if not several:
        return subject.ent_type_ == "ORG" and subject.i in actors.by_token
    known = any(t.i in actors.by_token or t.ent_type_ in SPEAKING_ENTITIES for t in (subject, *subject.conjuncts))
    return known or is_speech_verb(subject.head) or common_lemma(subject) in GROUP_SPEAKERS


# Words that count or point to a group already named: "the two leaders", "both sides", "these officials".
POINTING = frozenset({"the", "these", "those", "both", "two", "all"})


def refers_back(group: Token) -> bool:
    """A plural that stands for the people named before: a pronoun, or a noun that a determiner
    or number points back with and that no phrase of its own qualifies ("the two leaders",
    "both sides"); not a bare plural ("Officials at Homeland Security said", "Administration
    officials") nor one qualified ("the officials at the embassy")."""
    if group.pos_ == "PRON":
        return True
    pointing = [c for c in group.children if c.lower_ in POINTING]  # "Both Presidents": a compound to the parser
    own = [
        c
        for c in group.children
        if c.dep_ in ("compound", "amod", "prep", "nmod", "acl", "relcl") and c not in pointing
    ]
    return bool(pointing) and not own


def common_lemma(token: Token) -> str:
    """The lemma of a common noun the parser took for a name because it is capitalised ("Both
    Presidents", "The Leaders"): the plural's "s" is not taken off a name."""
    lemma = token.lemma_.lower()
    return lemma[:-1] if token.tag_ == "NNPS" and lemma == token.lower_ and lemma.endswith("s") else lemma


def names_its_members(group: Token) -> bool:
    """ "The foreign ministers of Egypt and Greece", "Indian and Chinese officials": the group's own
    words say whose they are; it does not refer back to the people named before."""
    named = [c for c in group.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")]
    return bool(named) or any(o.ent_type_ in ("NORP", "GPE", "ORG") for o in of_objects(group))


def one_name(head: Token, conjunct: Token) -> bool:
    """The conjunct belongs to the head's "of" phrase, not to the head: "The High Court of
    England and Wales", "the Department of Health and Human Services" name one speaker, not two.
    The parser often joins the last name to the head; coordination joins like with like, so a
    name of the same kind as the "of" phrase's (both places, both parts of one organisation's
    name) goes with it."""
    if conjunct.pos_ != "PROPN" or not conjunct.ent_type_:
        return False
    return any(o.i < conjunct.i and o.ent_type_ == conjunct.ent_type_ for o in of_objects(head))


def of_objects(noun: Token) -> list[Token]:
    """The nouns of a noun's "of" phrases ("ministers of Egypt and Greece": Egypt)."""
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


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
        if root.pos_ == "PROPN" and root.i in self.by_token and self.by_token[root.i].kind == "person":
            return self.by_token[root.i]  # "President Biden and Prime Minister Modi", Modi hung on Biden
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

    def pair_before(self, index: int) -> list[Span]:
        """The two sides a readout or joint statement is about, which "they" and "the leaders"
        stand for when nothing nearer does: the first two people named before token ``index``,
        when they are of two different states (news about two people of one country has no such
        pair: its "they" is a group it named)."""
        pair = self.people_before(index, 2)
        countries = {self.by_token[span.root.i].country for span in pair}
        return pair if len(countries) == 2 and None not in countries else []

    def company_named(self) -> list[Span]:
        """Where each member of the article's company of three or more states (a call's
        participants, a joint statement's signatories) is first named."""
        members = company_people(self.doc, self.by_token)
        if not members:
            return []
        first = {a.id: min(i for i, b in self.by_token.items() if b is a) for a in members}
        return [self.doc[i : i + 1] for i in first.values()]

    def actor_named(self, name: str) -> Actor | None:
        return self.by_last_name.get(name.split()[-1].lower())

    @cached_property
    def by_last_name(self) -> dict[str, Actor]:
        """Each actor by the last word of its name, the first named first (in every process)."""
        by_name: dict[str, Actor] = {}
        for i in sorted(self.by_token):
            actor = self.by_token[i]
            by_name.setdefault((actor.name.split() or [""])[-1].lower(), actor)
        return by_name


def own_words(root: Token) -> set[int]:
    """The tokens of a phrase without its possessors and the phrases joined to it by "and"."""
    left_out = {t.i for c in root.children if c.dep_ in ("poss", "conj", "cc") for t in c.subtree}
    return {t.i for t in root.subtree} - left_out


# Determiners of a definite description ("the ministry"): it refers back to a body already named.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})


def unnamed(span: Span) -> bool:
    """A speaker phrase that names nobody (GUIDE: a speaker is never a title alone): a common
    noun, indefinite or bare ("a government official", "Saudi officials", "state media",
    "witnesses"), with no name of its own; a place or nationality that qualifies it is no name."""
    root = span.root
    if root.pos_ != "NOUN":
        return False
    if own_name(root):
        return False
    return not definite(root) and not any(c.dep_ == "poss" for c in root.children)


def modifiers(noun: Token) -> list[Token]:
    return [t for c in noun.children if c.dep_ in MODIFIERS for t in c.subtree]


def own_name(noun: Token) -> bool:
    """A common noun with a name of its own among its modifiers ("Kent police"), or an
    institution of a place ("Syrian state media", "Iraqi military"); a place or nationality that
    qualifies people ("Saudi officials") is no name."""
    if any(t.pos_ == "PROPN" and t.ent_type_ not in PLACES for t in modifiers(noun)):
        return True
    return institution(noun) and any(t.ent_type_ in PLACES for t in modifiers(noun))  # "Syrian state media"


MODIFIERS = frozenset({"compound", "appos", "nmod", "amod", "flat", "poss"})
PLACES = frozenset({"NORP", "GPE"})


def institution(noun: Token) -> bool:
    return bool({noun.lemma_.lower(), noun.lower_} & word_list("institution_nouns.txt"))


def definite(noun: Token) -> bool:
    return any(c.lower_ in DEFINITE for c in noun.children if c.dep_ == "det")


def antecedent(span: Span) -> Span:
    """ "his counterpart, Penny Wong, who highlighted …": the relative "who" stands for the noun the
    clause is about; any other phrase for itself."""
    root = span.root
    if root.tag_ == "WP" and root.dep_ == "nsubj" and root.head.dep_ == "relcl":
        return noun_phrase(root.head.head)
    return span


def name_referred_to(noun: Token) -> str | None:
    """ "the ministry" after "the Kenyan Ministry of Health": the last proper name before that has
    the noun as one of its words (a body the actors stage did not keep)."""
    word = noun.lower_
    for token in reversed(noun.doc[: noun.i]):
        if token.pos_ == "PROPN" and token.lower_ == word:
            return name_around(token)
    return None


def name_around(token: Token) -> str:
    """The run of proper nouns (joined by "of", "for", "and") a proper noun is part of."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or linking(doc, start - 1)):
        start -= 1
    while end < len(doc) and (doc[end].pos_ == "PROPN" or linking(doc, end)):
        end += 1
    while doc[start].pos_ != "PROPN":
        start += 1
    while doc[end - 1].pos_ != "PROPN":
        end -= 1
    return doc[start:end].text


def linking(doc: Doc, i: int) -> bool:
    inner = 0 < i < len(doc) - 1 and doc[i - 1].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN"
    return inner and doc[i].lower_ in ("of", "for", "and")


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


def sentence_tokens(doc: Doc, char: int) -> list[Token]:
    token = doc.char_span(char, char, alignment_mode="expand") if char < len(doc_text(doc)) else None
    index = token.start if token is not None else len(doc) - 1
    spans = sentence_spans(doc)
    start, end = spans[sentence_index(doc, min(index, len(doc) - 1))]
    return list(doc[start:end])


def inside_quote(quote: FoundQuote, char: int) -> bool:
    if not quote.start - 1 <= char <= quote.end:
        return False
    return not any(start <= char < end for start, end in quote.gaps)
