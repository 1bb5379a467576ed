"""Events of whole documents: transcripts of remarks, readouts, joint statements and the seed article."""

from __future__ import annotations

import pytest

from detente.record import Event


def test_events_carry_the_themes_of_their_code_and_sentence() -> None:
    from detente.pipeline.extract import extract

    record = extract(
        "T\nThe United States imposed sanctions on Iran over its missile programme.", published="2023-01-02"
    )
    (event,) = record.events
    assert event.themes[:2] == ("SANCTIONS", "CONFLICT") and "DEFENCE" in event.themes


def test_seed_article_events() -> None:
    """The done-when of the events issue, on the article the project started from."""
    from detente.pipeline.extract import extract

    from ..conftest import shared_path

    text = shared_path("corpus", "seed-india-russia-ties.txt").read_text()
    events = extract(text, published="2023-02-27").events

    def found(source: str, target: str | None, types: set[str], modality: str | None = None) -> list[Event]:
        return [
            e
            for e in events
            if e.source.country == source
            and (e.target.country if e.target else None) == target
            and e.plover.type in types
            and (modality is None or e.modality == modality)
        ]

    assert found("RUS", "USA", {"ACCUSE"})  # the "advertising" dig
    assert found("RUS", "IND", {"SUPPORT", "AGREE"})  # Gaganyaan; friendly, equal, trusted and robust
    assert found("RUS", "IND", {"AID", "AGREE"}, "intended")  # "will soon complete the supplies"
    lavrov = found("RUS", "IND", {"CONSULT"})
    assert any(e.date == "2023-03-01/2023-03-02" for e in lavrov)  # the G20 meeting in New Delhi
    # open to talks on ending the conflict with Ukraine: the talks are with Ukraine (it had no target)
    assert any(e.cameo.startswith("036") for e in found("RUS", "UKR", {"AGREE"}, "intended"))


# Illustrative transcript written for this test.
REMARKS = (
    "PRESIDENT BIDEN:  Mr. President, welcome. I want to thank you for your leadership.\n\n"
    "PRESIDENT OKAFOR:  Thank you, Mr. President.\n\n"
    "SECRETARY BLINKEN:  We are glad to be here.\n\n"
    "Q  Will you visit Nigeria?\n"
)


def test_leaders_of_two_states_taking_turns_meet_and_thank_each_other() -> None:
    from detente.pipeline.extract import extract

    title = "Remarks by President Biden and President Okafor of Nigeria Before Bilateral Meeting"
    record = extract(f"{title}\n\n{REMARKS}", published="2022-12-19")
    found = {(e.source.country, e.target.country if e.target else None, e.plover.type) for e in record.events}
    assert {("USA", "NGA", "CONSULT"), ("NGA", "USA", "CONSULT")} <= found  # the meeting, each way
    assert {("USA", "NGA", "SUPPORT"), ("NGA", "USA", "SUPPORT")} <= found  # thanks, each way
    meetings = [e for e in record.events if e.rule.startswith("TRANSCRIPT")]
    assert len(meetings) == 2 and all(e.trigger.text.startswith("PRESIDENT") for e in meetings)
    assert all(e.target is None or e.source.country != e.target.country for e in record.events)  # no USA → USA
    assert not any(e.plover.type == "AGREE" for e in record.events)  # "I want to thank": a wish, no demand


# Illustrative readout and joint statement written for these tests.
READOUT = (
    "Readout of the President's Call with Northern Leaders\n\n"
    "President Biden spoke today with Northern leaders about security in the Baltic. "
    "They expressed concern about Russia's military build-up and reaffirmed their support for Finland. "
    "The leaders discussed energy security.\n\n"
    "Participants in the call included Chancellor Olaf Scholz of Germany, President Emmanuel Macron of "
    "France and Prime Minister Mark Rutte of the Netherlands.\n"
)

STATEMENT = (
    "Joint Statement of Leaders\n\n"
    "Today, the Leaders of Canada, Japan, Italy and Spain met in Rome and released the following statement:\n\n"
    "We condemn the attacks by Russia on Ukrainian cities. We agree to remain in close touch.\n"
)


def test_they_and_the_leaders_are_the_company_of_a_call() -> None:
    from detente.pipeline.extract import extract

    record = extract(READOUT, published="2022-02-18")
    found = {(e.source.country, e.target.country if e.target else None, e.plover.type) for e in record.events}
    company = {"USA", "DEU", "FRA", "NLD"}
    consulted = {(s, t) for s, t, kind in found if kind == "CONSULT"}
    assert {(a, b) for a in company for b in company if a != b} <= consulted  # each with each
    assert {(c, "FIN", "SUPPORT") for c in company} <= found  # each supports Finland
    assert not any(t == "FIN" and kind == "CONSULT" for _, t, kind in found)  # a topic is no one met


def test_a_joint_statements_we_is_its_signatories() -> None:
    from detente.pipeline.extract import extract

    record = extract(STATEMENT, published="2022-11-15")
    found = {(e.source.country, e.target.country if e.target else None, e.plover.type) for e in record.events}
    signatories = {"CAN", "JPN", "ITA", "ESP"}
    assert {(c, "RUS", "ACCUSE") for c in signatories} <= found
    assert {(a, b, "AGREE") for a in signatories for b in signatories if a != b} <= found


def test_they_after_a_meeting_of_two_are_the_two() -> None:
    from detente.pipeline.extract import extract

    text = (
        "Readout of a meeting\n\nPresident Biden met with President Herzog of Israel today. "
        "The Palestinians were not present. They discussed trade and agreed to expand cooperation."
    )
    found = {(e.source.country, e.target.country if e.target else None) for e in extract(text).events}
    assert ("USA", "ISR") in found and ("ISR", "USA") in found
    assert not any("PSE" in pair for pair in found)


def test_a_country_in_a_feature_name_is_no_actor() -> None:
    from detente.pipeline.extract import extract

    record = extract("Head\n\nJapan sent ships to the South China Sea.", published="2022-01-01")
    assert [a.country for a in record.actors] == ["JPN"]


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        (
            "The Indian ambassador speaks French, Russian and German.",
            ("FRA", "RUS", "DEU"),
        ),  # languages, no one talked to
        ("Japan has no plans to call Putin.", ("RUS",)),  # no plans: nothing intended
        ("Estonia vowed to deter further Russian aggression against Latvia.", ("LVA",)),  # a possibility
    ],
)
def test_what_is_only_spoken_of_planned_not_or_possible_is_no_event(sentence: str, absent: tuple[str, ...]) -> None:
    from detente.pipeline.extract import extract

    record = extract(f"Head\n\n{sentence}", published="2022-01-01")
    assert record.actors  # the sentence names its actors
    happened = [e for e in record.events if not e.negated and e.modality != "hypothetical"]
    assert not any(e.target is not None and e.target.country in absent for e in happened)
