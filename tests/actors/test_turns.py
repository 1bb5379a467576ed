"""Transcripts of remarks: turns, their speakers, and whom "I", "we" and "you" stand for."""

from __future__ import annotations

from detente.actors.resolve import find_actors
from detente.actors.turns import transcript_turns
from detente.nlp import load_pipeline
from detente.record import Actor

# Illustrative transcript written for these tests.
TRANSCRIPT = (
    "East Room\n\n"
    "PRESIDENT BIDEN:  Mr. President, welcome. I thank you for coming, and we will talk about trade.\n\n"
    "(Laughter.)\n\n"
    "PRESIDENT OKAFOR:  Thank you, Mr. President. Our people admire your country.\n\n"
    "Q  Mr. President, will you raise tariffs?\n\n"
    "PRESIDENT BIDEN:  You guys never stop. We have no plans.\n"
)
TITLE = "Remarks by President Biden and President Okafor of Nigeria Before Bilateral Meeting"


def actor_of(actors: tuple[Actor, ...], word: str, nth: int = 0) -> Actor | None:
    """The actor with the ``nth`` mention whose text is ``word``."""
    found = [(m.start, a) for a in actors for m in a.mentions if m.text == word]
    found.sort(key=lambda pair: pair[0])
    return found[nth][1] if len(found) > nth else None


def test_turns_run_from_their_label_to_the_next() -> None:
    turns = transcript_turns(TRANSCRIPT)
    assert [t.label for t in turns] == ["PRESIDENT BIDEN", "PRESIDENT OKAFOR", "Q", "PRESIDENT BIDEN"]
    first = turns[0]
    assert TRANSCRIPT[first.start : first.end].startswith("Mr. President, welcome.")
    assert "(Laughter.)" in TRANSCRIPT[first.start : first.end]  # up to the next label
    assert transcript_turns("Plain news. Nothing here: no label.\n\nMORE TEXT IN CAPITALS") == []


def test_a_label_alone_on_its_line_is_a_heading_or_an_address_not_a_turn() -> None:
    letter = "TO THE PARLIAMENT OF NIGERIA:\n\nI report on trade.\n\nNOMINATIONS SENT TO THE SENATE:\n\nJane Roe."
    assert transcript_turns(letter) == []


def test_speakers_from_the_text_and_from_the_title() -> None:
    actors = find_actors(load_pipeline()(TRANSCRIPT), "2022-12-19", title=TITLE)
    biden = actor_of(actors, "PRESIDENT BIDEN")
    okafor = actor_of(actors, "PRESIDENT OKAFOR")
    assert biden is not None and biden.country == "USA"
    assert okafor is not None and (okafor.country, okafor.sector, okafor.kind) == ("NGA", "GOV", "person")
    # without the title nothing says whose president Okafor is: no country is guessed
    untitled = find_actors(load_pipeline()(TRANSCRIPT), "2022-12-19")
    assert actor_of(untitled, "PRESIDENT OKAFOR") is None or actor_of(untitled, "PRESIDENT OKAFOR").country is None  # type: ignore[union-attr]


def test_first_person_is_the_speaker_and_second_the_leader_addressed() -> None:
    actors = find_actors(load_pipeline()(TRANSCRIPT), "2022-12-19", title=TITLE)
    biden, okafor = actor_of(actors, "PRESIDENT BIDEN"), actor_of(actors, "PRESIDENT OKAFOR")
    assert actor_of(actors, "I") == biden and actor_of(actors, "we") == biden
    assert actor_of(actors, "you") == okafor  # Biden to Okafor
    assert actor_of(actors, "you", 1) == biden  # Okafor: "Thank you"
    assert actor_of(actors, "Our") == okafor and actor_of(actors, "your") == biden
    # the press asks for no state ("will you raise …"), and "You guys" is a crowd, not a leader
    assert actor_of(actors, "you", 2) is None and actor_of(actors, "You") is None
    assert actor_of(actors, "We") == biden


def test_a_label_is_no_part_of_the_first_sentence() -> None:
    doc = load_pipeline()(TRANSCRIPT)
    sentences = [s.text.strip() for s in doc.sents]
    assert "PRESIDENT OKAFOR:" in sentences and "Thank you, Mr. President." in sentences


def test_a_label_of_a_title_alone_is_the_one_the_titles_names_and_no_one_else() -> None:
    from detente.pipeline.extract import extract

    text = (
        "Remarks by President Biden and Prime Minister Sunak of the United Kingdom Before Bilateral Meeting\n\n"
        "THE PRESIDENT:  Welcome, Mr. Prime Minister.\n\n"
        "PRIME MINISTER SUNAK:  Thank you, Mr. President.\n\n"
        "THE PRESIDENT:  Thank you.\n"
    )
    record = extract(text, published="2022-11-14")
    speakers = [q.speaker.name if q.speaker else None for q in record.quotes]
    assert speakers == ["Joe Biden", "Rishi Sunak", "Joe Biden"]  # not the Prime Minister, named last
    found = {(e.source.country, e.target.country if e.target else None, e.plover.type) for e in record.events}
    assert {("USA", "GBR", "SUPPORT"), ("GBR", "USA", "SUPPORT"), ("USA", "GBR", "CONSULT")} <= found


def test_another_spelling_of_a_known_surname_is_the_articles() -> None:
    actors = find_actors(load_pipeline()("President Zelenskyy thanked the allies."), "2022-12-21")
    (zelenskyy,) = [a for a in actors if a.kind == "person"]
    assert (zelenskyy.name, zelenskyy.country) == ("Zelenskyy", "UKR")


def test_an_aide_of_the_speakers_own_state_is_not_the_leader_addressed() -> None:
    transcript = (
        "PRESIDENT BIDEN:  Mr. President, it is good to see you. I look forward to our talks.\n\n"
        "SECRETARY BLINKEN:  Yes, sir.\n\n"
        "PRESIDENT OKAFOR:  Thank you, Mr. President.\n"
    )
    actors = find_actors(load_pipeline()(transcript), "2022-12-19", title=TITLE)
    okafor = actor_of(actors, "PRESIDENT OKAFOR")
    assert okafor is not None and actor_of(actors, "you") == okafor  # not Blinken, the next to speak
    thanked = actor_of(actors, "you", 1)  # Okafor to the Americans (the last of them to speak)
    assert thanked is not None and thanked.country == "USA"


def test_the_first_person_of_a_statement_by_one_author_is_the_author() -> None:
    text = (
        "Today I spoke with President Okafor of Nigeria. We will send medicines to Lagos. "
        "“We are grateful,” he said. I thank him for his leadership."
    )
    title = "Statement by President Joe Biden on the Floods in Nigeria"
    actors = find_actors(load_pipeline()(text), "2022-12-19", title=title)
    biden = actor_of(actors, "I")
    assert biden is not None and (biden.name, biden.country) == ("Joe Biden", "USA")
    assert actor_of(actors, "We") == biden and actor_of(actors, "I", 1) == biden
    assert actor_of(actors, "We", 1) is None  # inside quotation marks: the one quoted
    # no author named, two authors, or a title alone: nobody's
    for other in ("Statement by the Press Secretary", "Joint Statement by President Biden and President Okafor"):
        assert actor_of(find_actors(load_pipeline()(text), "2022-12-19", title=other), "I") is None
