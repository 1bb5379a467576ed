"""Who speaks when the text names nobody, refers back, or reports speech without a clause
(GUIDE "Conventions": a speaker is a person or body, never a pronoun or a title alone).
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from detente.nlp import load_pipeline
from detente.pipeline.extract import extract
from detente.quotes.reported import preceding_clause
from detente.record import Quote, Record


def coded(text: str) -> Record:
    return extract("Illustrative headline\n\n" + text, published="2024-03-01")


def quote_starting(record: Record, opening: str) -> Quote:
    found = [q for q in record.quotes if q.text.startswith(opening)]
    assert found, [q.text for q in record.quotes]
    return found[0]


@pytest.mark.parametrize(
    ("text", "opening", "mention"),
    [
        ("A senior official said the border would reopen on Friday.", "the border", "senior official"),
        ("Polish officials said the convoy had crossed at dawn.", "the convoy", "Polish officials"),
        ("State television said the fire was under control.", "the fire", "State television"),
        ("Witnesses said the convoy had turned back.", "the convoy", "Witnesses"),
    ],
)
def test_a_phrase_that_names_nobody_leaves_the_speaker_unnamed(text: str, opening: str, mention: str) -> None:
    speaker = quote_starting(coded(text), opening).speaker
    assert speaker is not None and speaker.name is None
    assert speaker.mention is not None and speaker.mention.text == mention


def test_an_unnamed_speaker_keeps_the_actor_of_its_country() -> None:
    record = coded("Polish officials said the convoy had crossed at dawn.")
    speaker = quote_starting(record, "the convoy").speaker
    countries = {a.id: a.country for a in record.actors}
    assert speaker is not None and speaker.actor is not None and countries[speaker.actor] == "POL"


@pytest.mark.parametrize(
    ("text", "opening", "name"),
    [
        ("Chilean state media said the fire was under control.", "the fire", "Chilean state media"),
        ("The Peruvian military said the patrol had returned.", "the patrol", None),  # a body, named below
        (
            "The Kenyan Ministry of Health announced new cases on Monday. The ministry said two clinics had closed.",
            "two clinics",
            "Ministry of Health",
        ),
        (
            "Maria Lopez said the talks had failed. According to her, the next round is in May.",
            "the next round",
            "Maria Lopez",
        ),
        (
            "Kent police said the driver fled the scene. Police said on Sunday that he had been arrested.",
            "he had been arrested",
            "Kent police",
        ),
    ],
)
def test_bodies_and_references_back_are_named(text: str, opening: str, name: str | None) -> None:
    speaker = quote_starting(coded(text), opening).speaker
    assert speaker is not None and speaker.name is not None
    if name is not None:
        assert name in speaker.name or speaker.name in name, speaker.name


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        ("Foreign Minister Ana Ruiz issued a statement blaming Chile for the delay.", "Chile for", "Ana Ruiz"),
        ("Governor Tom Hale attributed the outage to a cyberattack.", "the outage to", "Tom Hale"),
        ("Senator Ruth Okafor called the decision a betrayal of voters.", "the decision a betrayal", "Ruth Okafor"),
        ("Ambassador Lena Berg advised travellers to avoid the border region.", "travellers to avoid", "Lena Berg"),
        ("The nurse Amal Haddad described seeing dozens of wounded children.", "seeing dozens", "Amal Haddad"),
        ("Judge Omar Said ruled that the election law was unconstitutional.", "the election law", "Omar Said"),
        ("Mayor Dan Whitt cautioned that repairs would take months.", "repairs would take", "Dan Whitt"),
    ],
)
def test_speech_reported_without_a_clause_of_saying(text: str, opening: str, speaker: str) -> None:
    quote = quote_starting(coded(text), opening)
    assert quote.kind == "indirect" and quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Governor Tom Hale called Ana Ruiz on Monday.",
        "Lena Berg advises the prime minister on trade.",
        "The rebels were encouraging the attacks on the capital.",
        "The king ruled the country for thirty years.",
    ],
)
def test_the_same_verbs_without_what_was_said_report_nothing(text: str) -> None:
    assert coded(text).quotes == ()


def test_who_of_a_relative_clause_is_the_person_the_clause_is_about() -> None:
    record = coded("The minister met his counterpart, Penny Wong, who highlighted a ransomware attack on ports.")
    speaker = quote_starting(record, "a ransomware attack").speaker
    assert speaker is not None and speaker.name == "Penny Wong"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # "he" is the latest subject, not the person spoken to in its own sentence
        (
            "Governor Tom Hale signed the order on Friday. Speaking to Ana Ruiz of the Daily Star, he said the "
            "order would stand.",
            "the order would stand",
            "Tom Hale",
        ),
        ("Biden called Modi on Monday. He said the talks were productive.", "the talks were", "Joe Biden"),
    ],
)
def test_he_said_is_the_latest_subject(text: str, opening: str, speaker: str) -> None:
    said = quote_starting(coded(text), opening).speaker
    assert said is not None and said.name == speaker


def test_an_owned_noun_of_saying_with_a_that_clause_reports_the_owners_words() -> None:
    record = coded("Senators rejected Governor Hale's assertion that the bridge was safe.")
    quote = quote_starting(record, "the bridge was safe")
    assert quote.kind == "indirect" and quote.speaker is not None and quote.speaker.name == "Hale"
    assert coded("The claim that the bridge was safe was rejected.").quotes == ()


def test_a_participle_of_saying_in_a_sentence_with_no_verb_at_its_root_is_read() -> None:
    # "calling" modifies a noun whose chain of heads ends at a noun: the search for the statement
    # it belongs to stops at the root (it once looped there until the article's time budget ran out)
    record = coded("An official newspaper calling on Arabs to unite against the plan.")
    assert record.skip_reason is None and record.article.text.endswith("against the plan.")


def test_a_name_after_a_dash_right_after_a_quote_is_its_speaker() -> None:
    text = (
        "Readers wrote to us after the debate.\n\n"
        "“The debate showed us who he really is, and I am worried.” ― Marta Delgado\n"
        "“He never answered a single question about jobs.”— Luis Ortega, 41.\n"
        "The alliance, called “AUKUS” — Australia, Britain and the United States — was announced."
    )
    record = coded(text)
    assert quote_starting(record, "The debate showed").speaker.name == "Marta Delgado"  # type: ignore[union-attr]
    assert quote_starting(record, "He never answered").speaker.name == "Luis Ortega"  # type: ignore[union-attr]
    assert all(q.speaker is None or q.speaker.name != "Australia" for q in record.quotes)


def test_it_said_is_the_body_that_spoke_just_before_and_it_is_said_is_no_one() -> None:
    record = coded(
        "The Russian Foreign Ministry said the talks would resume in May. "
        "It added that the delegation would travel to Geneva. It is said that the talks will fail."
    )
    added = quote_starting(record, "the delegation would")
    assert added.speaker is not None and added.speaker.mention is not None and added.speaker.mention.text == "It"
    assert added.speaker.name == quote_starting(record, "the talks would").speaker.name  # type: ignore[union-attr]
    assert all(q.speaker is None for q in record.quotes if q.text.startswith("the talks will fail"))


def test_verbs_inside_what_was_said_do_not_make_it_a_report_of_theirs() -> None:
    record = coded(
        "City Attorney Mara Quill said in the letter that the advertisement wrongfully suggests "
        "that the police support the campaign."
    )
    said = quote_starting(record, "the advertisement wrongfully")
    assert said.speaker is not None and said.speaker.name == "Mara Quill"
    # a report told after what it reports still credits the reporter: Alipov's quote, reported by PTI
    reported = coded("Russian envoy Denis Alipov said the ties are under stress, news agency PTI reported.")
    quote = quote_starting(reported, "the ties are")
    assert quote.speaker is not None and quote.speaker.name == "Denis Alipov" and quote.reported_by is not None


def test_the_one_called_on_and_what_they_are_asked_to_do_is_what_was_said() -> None:
    record = coded("Senator Ada Brenn called on the governor to release the report before Friday.")
    quote = quote_starting(record, "the governor to release")
    assert quote.speaker is not None and quote.speaker.name == "Ada Brenn"
    # a pledge is the gold's event (AGREE), not a quote
    assert not [q for q in coded("The leaders pledged to continue talks.").quotes if q.text.startswith("to continue")]


def test_words_before_a_verb_followed_by_what_was_said_are_not_a_report() -> None:
    doc = load_pipeline()("In one tweet, Trump said: “Did the governor help the company win the contract?”")
    said = next(t for t in doc if t.lower_ == "said")
    assert preceding_clause(doc, said, doc[said.i - 1 : said.i]) is None
    doc = load_pipeline()("Lavrov will visit New Delhi next week, TASS reported.")
    reported = next(t for t in doc if t.lower_ == "reported")
    quote = preceding_clause(doc, reported, doc[reported.i - 1 : reported.i])
    assert quote is not None and quote.text == "Lavrov will visit New Delhi next week"
