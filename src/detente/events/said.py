"""What was said: demands ("must", "should", a demand verb's subjunctive, a resolution, an
utterance's must-clause), requests (object and infinitive), statements to no one, and
statements read as criticism or praise (evaluative words, labels)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data
from ..knowledge.lexicon import phrase_key
from ..record import Actor
from .arguments import (
    Arguments,
    object_actors,
    pair_named_before,
    quote_speaker,
    subject_actors,
)
from .clauses import controller, subject_token, utterance_nouns
from .decisions import (
    Context,
    Decision,
    make_event,
)
from .phrases import Scene, group_words, people_heads, phrase_actors, place_in
from .rules import (
    DEFAULT_CONFIDENCE,
    rules,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "accused",
    "asked_for",
    "demand",
    "demanded",
    "evaluate",
    "label",
    "quoted_demand",
    "request",
    "shown_by_a_thing",
    "unaddressed",
    "utters",
]


def demanded(token: Token) -> Token | None:
    """The verb of saying or demanding whose clause this is, when the clause has "must" or
    "should" ("said China must drop barriers") or is a demand verb's subjunctive ("demanded that
    Hamas renounce …"; not "told AFP the army lifted the blockade", which reports)."""
    head = token.head
    if token.dep_ != "ccomp" or head.i == token.i:
        return None
    auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & rules().demand_auxiliaries:
        return head
    if head.lemma_.lower() in rules().request_verbs and token.tag_ in ("VB", "VBP") and not auxiliaries:
        return head
    return None


@cache
def evaluative_words() -> dict[str, str]:
    data = toml_data("events/evaluative.toml")
    return dict.fromkeys(data["criticism"]["words"], "111") | dict.fromkeys(data["praise"]["words"], "051")


@cache
def label_words() -> tuple[frozenset[str], dict[str, str]]:
    data = toml_data("events/evaluative.toml")
    labels = data["labels"]
    words = evaluative_words() | dict.fromkeys(labels["criticism"], "111") | dict.fromkeys(labels["praise"], "051")
    return frozenset(labels["verbs"]), words


# The verb's phrases that hold a name it gives (its object and what follows it), not another clause.
NAMING_PHRASES = frozenset({"dobj", "oprd", "prep", "attr", "npadvmod"})


def quoted_name(verb: Token) -> bool:
    """ "calling the investigation into Trump "Soviet-style"", "letters they used to call
    "Amerikay" letters": a name in quotation marks in the object's phrase, which the parser often
    does not make the object's predicate."""
    phrases = [c for c in verb.children if c.dep_ in NAMING_PHRASES]
    return any(quoted_within_phrase(c) for c in phrases)


# Clauses inside a phrase: their quotes are what someone said, not a name ("called Macron, who said "…"").
CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "conj", "parataxis"})


def quoted_within_phrase(token: Token) -> bool:
    return token.is_quote or any(quoted_within_phrase(c) for c in token.children if c.dep_ not in CLAUSES)


def label(context: Context, decision: Decision) -> None:
    """ "named both the PKK and the YPG as terrorists", "called Putin a killer": a verb of labelling
    with a word of criticism or praise after "as" or in its object's predicate is that criticism
    (111) or praise (051) of its object. Naming with no such word ("called the crisis the worst in
    the world", "named Lavrov foreign minister") is neither a call (041) nor an accusation."""
    verbs, words = label_words()
    verb = decision.token
    if decision.arguments is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    named_as = predicates + [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"]
    labels = [o for p in named_as for o in p.subtree if o.lower_ in words]
    targets = object_actors(context.scene, verb, decision.arguments.sources, frozenset())
    if not labels or not targets:
        if not decision.matched and (predicates or quoted_name(verb)):
            decision.events, decision.reason = [], "naming someone or something, not addressing them"
        return
    word = labels[0]
    code = words[word.lower_]
    decision.arguments = Arguments(decision.arguments.sources, targets, False)
    decision.step(code, "criticism" if code == "111" else "praise", f"as {word.text}")
    decision.events = [
        make_event(context, verb, verb, (s, t), code, decision.rule, DEFAULT_CONFIDENCE, decision.steps)
        for s in decision.arguments.sources
        if s.country
        for t in targets
    ]
    decision.reason = f"coded {len(decision.events)} event(s): a label"


def evaluate(context: Context, decision: Decision) -> None:
    """A statement whose content codes nothing but criticises or praises another country's actor
    in one phrase ("said ties are under stress because of the US-led interference") is that
    criticism (111) or praise (051), from the speaker to that actor."""
    if not decision.events or not decision.code.startswith("01") or decision.arguments is None:
        return
    sources = decision.arguments.sources
    countries = {a.country for a in sources}
    words = evaluative_words()
    clauses = [c for c in decision.token.children if c.dep_ == "ccomp"]
    for word in (t for clause in clauses for t in clause.subtree if t.lower_ in words):
        named = evaluated_actors(context.scene, word)
        targets = tuple(dict.fromkeys(a for a in named if a.country not in countries | {None}))
        if targets:
            code = words[word.lower_]
            kind = "criticism" if code == "111" else "praise"
            decision.step(code, kind, word.text)
            decision.events = [
                make_event(
                    context,
                    decision.token,
                    decision.token,
                    (s, t),
                    code,
                    decision.rule,
                    DEFAULT_CONFIDENCE,
                    decision.steps,
                )
                for s in sources
                if s.country
                for t in targets
            ]
            decision.reason = f"coded {len(decision.events)} event(s): the statement is {kind} ({word.text})"
            return


def accused(context: Context, decision: Decision, verb: Token) -> None:
    """ "The United States claims Mahan flies fighters to Syria": an allegation (CAMEO 11) with no
    one as its object accuses the subject of the clause it alleges."""
    arguments = decision.arguments
    if not context.verbs.packaged or arguments is None or arguments.targets or not decision.code.startswith("11"):
        return
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    countries = {a.country for a in arguments.sources}
    for clause in clauses:
        subjects = [a for a in subject_actors(context.scene, clause) if a.country not in countries | {None}]
        if subjects:
            decision.arguments = replace(arguments, targets=tuple(subjects))
            decision.step(decision.code, "accusation", "of the clause's subject")
            return


def evaluated_actors(scene: Scene, word: Token) -> list[Actor]:
    """The actors an evaluative word is said of: in its own phrase ("the US-led interference"),
    or the subject of the predicate it is ("the relations between the two countries have always
    been friendly": "the two countries" are the two named before). An evaluative verb is said of
    its subject ("Russia is interfering in Ukraine's affairs": of Russia, not Ukraine)."""
    if word.pos_ == "VERB":
        subject = subject_token(word)
        return actors_in(scene, [subject] if subject is not None else [])
    phrases = [word.head if word.dep_ in ("amod", "compound") else word]
    predicate = word
    while predicate.dep_ == "conj" and predicate.head.i != predicate.i:
        predicate = predicate.head
    if predicate.dep_ in ("acomp", "attr"):
        phrases += [c for c in predicate.head.children if c.dep_ == "nsubj"]
    return actors_in(scene, phrases)


def actors_in(scene: Scene, phrases: list[Token]) -> list[Actor]:
    found: list[Actor] = []
    for token in (t for phrase in phrases for t in phrase.subtree):
        if token.i in scene.actors_by_token:
            found.append(scene.actors_by_token[token.i])
        elif token.pos_ == "NOUN":
            found += pair_named_before(scene, token)
    return found


# Talking to a whole people or country ("speak directly to the Polish people") is a statement to
# the public, not a consultation of someone who speaks for a state.
PUBLIC_SECTORS = frozenset({"CVL", ""})


def conversation(context: Context, decision: Decision, verb: Token) -> None:
    """ "spoke to the presidents of Ukraine and Russia", "talked to Putin by phone": a statement
    verb of conversation whose recipient is a state's actor (not the press) is a consultation
    (``[statements] conversation_*``, ``phone_*``)."""
    data = toml_data("events/coding.toml")["statements"]
    arguments = decision.arguments
    if not context.verbs.packaged or arguments is None or verb.lemma_.lower() not in data["conversation_verbs"]:
        return
    if not decision.code.startswith("01"):
        return
    audiences = rules().audiences
    talked_to = any(c.dep_ == "prep" and c.lower_ in rules().recipient_preps for c in verb.children)
    public = audiences | PUBLIC_SECTORS  # "speak to the Polish people": the public, no consultation
    if not talked_to or not any(t.sector not in public for t in arguments.targets):
        return  # "speaking of an incursion", "she speaks French and Russian": no one talked to
    phone = any(t.lower_ in data["phone_words"] for t in verb.subtree)
    code, detail = (data["phone_code"], "by phone") if phone else (data["conversation_code"], None)
    decision.step(code, "conversation", detail)


def unaddressed(decision: Decision) -> None:
    """A plain statement to no one (or to the press) is the speaker's quote, not an event."""
    r = rules()
    addressed = [e for e in decision.events if e.target is not None and e.target.sector not in r.audiences]
    if not has_recipient(decision.token):
        addressed = []  # "spoke of Turkey assuming the duty …": a topic, not a recipient
    plain = all(e.cameo == decision.code for e in decision.events)
    if decision.events and decision.code in r.untargeted_statements and not addressed and plain:
        decision.events, decision.reason = [], "a statement to no one: kept as the speaker's quote, not an event"


def has_recipient(verb: Token) -> bool:
    """Whether a statement verb has someone it is made to: an object, or "to"/"with" someone."""
    if verb.pos_ != "VERB":
        return True
    preps = rules().recipient_preps
    # "said hundreds of fighters escaped": what is said is no one it is said to
    objects = ("dative", "nsubjpass", "agent") if verb.lemma_.lower() in content_verbs() else OBJECT_DEPS
    return any(c.dep_ in objects or (c.dep_ == "prep" and c.lower_ in preps) for c in verb.children)


OBJECT_DEPS = ("dobj", "dative", "nsubjpass", "agent")


@cache
def content_verbs() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["statements"]["content_objects"])


def asked_for(token: Token) -> bool:
    """ "urged the United States to reconsider", "appealed to Russia to withdraw", "was urged to
    reconsider": the infinitive of a verb of request with someone asked, and the infinitives
    joined to it ("to act with restraint and ensure …")."""
    while token.dep_ == "conj" and token.head.i != token.i and token.tag_ == "VB":
        token = token.head
    if token.head.lemma_.lower() not in rules().request_verbs:
        return False
    passive = token.dep_ in ("xcomp", "advcl") and any(c.dep_ == "nsubjpass" for c in token.head.children)
    return controller(token) is not None or passive  # "Obama is being pressured by Congress to help Iran"


def request(context: Context, decision: Decision, verb: Token) -> None:
    """ "has been encouraging allies such as Germany to restrict …": a verb of request with an
    object and an infinitive is an appeal (CAMEO 020) to the object, whatever its own code."""
    if not context.verbs.packaged or verb.lemma_.lower() not in rules().request_verbs:
        return
    asks = any(controller(c) is not None for c in verb.children if c.dep_ in ("xcomp", "advcl"))
    if asks and not decision.code.startswith(("02", "10")):
        decision.step(rules().request_code, "request", "object + infinitive")


def quoted_demand(context: Context, decision: Decision, verb: Token) -> None:
    """ "“They must watch over the captured fighters,” Trump said": a main clause with "must" or
    "should" in someone's quotation is the speaker's demand (CAMEO 10) to its subject."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    clauses = ("ROOT", "conj", "ccomp")  # the quotation's own clause ("said, “They need to …”")
    needs = verb.dep_ == "xcomp" and verb.head.lemma_ == "need" and verb.head.dep_ in clauses
    main = verb.dep_ in clauses and bool(auxiliaries & rules().demand_auxiliaries)
    if not (main or needs) or decision.arguments is None:  # "they must …", "they need to …"
        return
    speaker = quote_speaker(context.scene, verb)
    if speaker is None or not speaker.country:
        return
    targets = tuple(a for a in decision.arguments.sources if a.country != speaker.country)
    if targets:
        decision.arguments = Arguments((speaker,), targets, False)
        decision.step(rules().demand_code, "demand", "in a quotation: must/should")


def demand(context: Context, decision: Decision, verb: Token) -> None:
    """ "said China must drop barriers", "demanded that Hamas renounce …", "resolved that the rule
    of law must be upheld in Burma": a demand (CAMEO 10) to the clause's subject (or the country
    where it must be done), in place of a statement or a resolution."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and demanded(c) is not None), None)
    clause = clause or uttered_demand(verb)
    if clause is None or not context.verbs.packaged or decision.arguments is None:
        return
    lemma, r = verb.lemma_.lower(), rules()
    if not (decision.code.startswith("01") or lemma in r.request_verbs or lemma in r.intent_verbs):
        return
    subject = subject_token(clause)
    targets = phrase_actors(context.scene, subject) if subject is not None else ()
    place = place_in(context.scene, clause, frozenset({"in"})) if not targets else None  # "upheld in Burma"
    found = decision.arguments
    own = {a.country for a in found.sources}
    if lemma in r.intent_verbs and not ({a.country for a in targets} - own or place):
        return  # "agreed that their countries should cooperate": an agreement, no demand to anyone
    if not (targets or place or found.targets):  # "underscored that all workers must benefit": of no one named
        decision.events, decision.reason = [], "a demand of no one named: the statement's words, not an event"
        decision.code = ""
        return
    decision.arguments = Arguments(found.sources, targets or ((place,) if place else found.targets), found.passive)
    if lemma not in r.request_verbs or not decision.code.startswith("10"):
        decision.step(r.demand_code, "demand", "must/should")


def utters(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in rules().utterances for c in verb.children)


def uttered_demand(verb: Token) -> Token | None:
    """ "issued a stern reminder to Iraq that it must cooperate": the "must"/"should" clause of
    an utterance the verb makes."""
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in rules().utterances]
    for clause in (c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp", "relcl")):
        if {a.lower_ for a in clause.children if a.dep_ in ("aux", "auxpass")} & rules().demand_auxiliaries:
            return clause
    return None


def shown_by_a_thing(scene: Scene, verb: Token) -> bool:
    """ "The war in Ukraine highlights the need for …": a verb of emphasis whose subject is a thing
    that shows, not someone who says (``[statements] showing_verbs``), though the thing's phrase
    names an actor."""
    verbs, speakers = showing_words()
    if verb.lemma_.lower() not in verbs:
        return False
    subject = subject_token(verb)
    if subject is None or subject.pos_ not in ("NOUN", "ADJ") or subject.i in scene.actors_by_token:
        return False
    known = scene.lexicon is not None and phrase_key(subject.text) in scene.lexicon.agents
    return not known and subject.lower_ not in speakers and subject.lemma_.lower() not in speakers


@cache
def showing_words() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs of emphasis a thing can be the subject of, and the nouns that name a speaker."""
    statements = toml_data("events/coding.toml")["statements"]
    speakers = frozenset(statements["speaker_nouns"]) | group_words()[0] | people_heads() | utterance_nouns()
    return frozenset(statements["showing_verbs"]), speakers
