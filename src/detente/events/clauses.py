"""Which token a verb's subject is: the one it has, or the one it borrows.

A verb with no subject of its own takes the subject of the verb it depends on ("Norway is willing
to send"), the object of an object-control verb ("urged the United States to reconsider"), the
maker of what was said ("issued a declaration demanding …"), the holder of an intention
("Russia's decision to annex …"), or the noun a relative pronoun stands for. Pure functions of the
dependency parse; ``arguments`` turns these tokens into actors.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data
from .rules import rules

if TYPE_CHECKING:
    from spacy.tokens import Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "SUBJECT_DEPTH",
    "antecedent",
    "clause_verb",
    "controller",
    "infinitive",
    "is_intent_holder",
    "subject_token",
    "unstated_subject",
    "utterance_nouns",
]


# Dependencies through which a verb without a subject borrows the subject of its head.
BORROWS_SUBJECT = frozenset({"xcomp", "conj", "acomp", "advcl"})


# How far up a chain of heads the subject is looked for.
SUBJECT_DEPTH = (
    5  # "Norway is willing to send material to help defend Saudi Arabia": defend ← help ← send ← willing ← is
)


def infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def intent_holder(noun: Token) -> Token | None:
    """Whose an intention is when the noun names its holder: "Russia's decision to annex …", "the
    decision by Russia to annex …". A possessive pronoun ("their commitment to …") is left to the
    clause the noun is in, whose subject it nearly always stands for."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def is_intent_holder(token: Token) -> bool:
    noun = token.head if token.dep_ == "poss" else token.head.head
    return noun.lower_ in rules().intent_nouns and intent_holder(noun) == token


# Verbs that say what their subject is: the noun after them is the subject ("was the first country").
COPULAS = frozenset({"be", "become", "remain"})


def predicate_infinitive(verb: Token) -> bool:
    """An infinitive on the noun a copula says its subject is ("was the first country to condemn
    …", "became the only leader to visit …"): the subject does what the infinitive says."""
    noun = verb.head
    return (
        verb.dep_ in ("acl", "relcl")
        and infinitive(verb)
        and noun.dep_ in ("attr", "oprd")
        and noun.head.lemma_.lower() in COPULAS
    )


def clause_verb(noun: Token) -> Token | None:
    """The verb of the clause a noun is in, past the prepositions and nouns between ("discussed
    their efforts …, including preparations": discussed)."""
    for ancestor in noun.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ not in ("prep", "acl", "relcl"):
            return ancestor
    return None


def unstated_subject(verb: Token) -> bool:
    """ "Thank you, Mr. President.": a quoted sentence that opens with its main verb, in the base or
    present form, with no subject and no auxiliary, is said by its speaker ("[I] thank you")."""
    opens = verb.i == 0 or verb.doc[verb.i - 1].is_space or verb.is_sent_start
    bare = not any(c.dep_ in ("aux", "nsubj", "expl") for c in verb.children)
    return verb.dep_ == "ROOT" and verb.tag_ in ("VB", "VBP") and bool(opens) and bare


RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})


def antecedent(subject: Token) -> Token:
    """ "the coalition, which was joined by …": a relative pronoun stands for the noun its clause
    qualifies."""
    clause = subject.head
    if subject.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return subject


@cache
def utterance_nouns() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["utterances"]["nouns"])


def subject_token(verb: Token, dep: str = "nsubj") -> Token | None:
    """The verb's subject, or the one it borrows: from the verb it depends on ("is willing to
    send"), from the object of that verb when it is an object-control verb ("urged the United
    States to reconsider": the United States reconsiders; "called on Israel to halt"), through "in …ing" ("forceful in
    blaming Iran"); a subject the parser hung on an auxiliary counts."""
    token, deps, active = verb, {dep}, dep == "nsubj"
    for _ in range(SUBJECT_DEPTH):
        subject = next((c for c in own_and_auxiliary_children(token) if c.dep_ in deps), None)
        if subject is not None:
            return subject
        asked = controller(token)
        if asked is not None:
            return asked
        said = uttered_in(token) if token.dep_ == "acl" else None
        if said is not None:  # "issued a declaration demanding that …", "posted a message on Twitter blaming Iran"
            token, dep = said.head, "nsubj"  # its maker's
            continue
        if predicate_infinitive(token):  # "India was the first nation to send aid to Turkey": India's
            token, dep = token.head.head, "nsubj"
            continue
        intent = token.head if token.dep_ == "acl" and token.head.lower_ in rules().intent_nouns else None
        holder = intent_holder(intent) if intent is not None else None
        if holder is not None:  # "condemned Russia's decision to annex": Russia's
            return holder
        owner = clause_verb(intent) if intent is not None else None
        if owner is not None:  # "discussed (efforts including) preparations to impose costs": theirs
            token, dep = owner, "nsubj"
            continue
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ == "ADJ":
            token, dep = token.head.head, "nsubj"  # "was forceful in blaming": the adjective's
            continue
        doer = gerund_doer(token)
        if doer is not None:  # "We stand together in condemning …, on sanctioning Russia": the verb's
            token, dep = doer, "nsubj"
            continue
        if token.dep_ not in BORROWS_SUBJECT or token.head.i == token.i or reduced_relative(token):
            return None
        # an active verb shares a passive head's subject: "I was honored to welcome you", "Iran was
        # urged to release them", "the envoy was summoned and protested" (I welcome, Iran releases)
        deps = {"nsubj", "nsubjpass"} if active and token.dep_ != "acomp" else {"nsubj"}
        token, dep = finite_conjunct_head(token), "nsubj"
    return None


# Prepositions whose gerund is done by the subject of the verb they hang on ("responded by imposing
# sanctions", "joined in condemning", "after meeting Modi"); not "of" or "for", whose gerund is often
# the object's ("accused Iran of supporting …", "thanked India for helping …").
GERUND_PREPOSITIONS = frozenset({"in", "on", "by", "after", "before", "while", "through", "without", "upon"})


def gerund_doer(gerund: Token) -> Token | None:
    """The verb whose subject does a gerund after one of ``GERUND_PREPOSITIONS``, through joined
    prepositions ("in condemning …, and on helping Ukraine")."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG":
        return None
    prep = gerund.head
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP" and prep.head.i != prep.i:
        prep = prep.head
    verb = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in GERUND_PREPOSITIONS or verb.pos_ not in ("VERB", "AUX"):
        return None
    # only a verb with a subject of its own: not through an infinitive's borrowed one ("Egypt's role
    # in helping to consolidate the truce through facilitating flights" is Egypt's facilitating)
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb if own and gerund.head.lower_ in GERUND_PREPOSITIONS else None


def uttered_in(participle: Token) -> Token | None:
    """The noun of what was said that a participle qualifies, as an object: "a declaration
    demanding …", or past the nouns of its phrase the parser hung the participle on ("a message on
    Twitter blaming Iran")."""
    noun = participle.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun if noun.lemma_.lower() in utterance_nouns() and noun.dep_ == "dobj" else None


def controller(verb: Token) -> Token | None:
    """Who does an infinitive its head asks for: the head's object ("urged Iran to release": Iran)
    or, for a few verbs, the object of their preposition ("called on Israel to halt", "counting on
    Turkey to show restraint", which the parser may hang as an adverbial clause)."""
    head = verb.head
    if verb.dep_ == "xcomp":
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    elif verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    through = rules().request_through.get(head.lemma_.lower(), frozenset())
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in through and c.i < verb.i), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def finite_conjunct_head(verb: Token) -> Token:
    """The verb whose subject a conjunct shares: "Raab urged the embassy to reconsider and spoke
    with Pompeo": a finite verb is not coordinated with the infinitive the parser hangs it on, but
    with the finite verb above it (Raab spoke, not the embassy)."""
    head = verb.head
    finite = verb.tag_ in ("VBD", "VBZ", "VBP")
    if verb.dep_ == "conj" and finite and head.tag_ == "VB" and head.dep_ == "xcomp" and head.head.i != head.i:
        return head.head
    return head


def reduced_relative(verb: Token) -> bool:
    """ "in the week leading up to the summit": a participle right after a noun, with no comma,
    says what the noun does; the parser often hangs it on the verb as an adverbial clause."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN")


def own_and_auxiliary_children(token: Token) -> list[Token]:
    children = list(token.children)
    return children + [c for a in children if a.dep_ in ("aux", "auxpass") for c in a.children]


def prep_objects(token: Token, words: frozenset[str] | tuple[str, ...] | set[str]) -> list[Token]:
    """The objects of a word's prepositions among ``words``: "talks with Iran" (with), "attacks by
    Israel" (by), "the meeting in New Delhi" (in)."""
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in words for o in p.children if o.dep_ == "pobj"]
