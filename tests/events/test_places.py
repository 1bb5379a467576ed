"""Where an act happened, when the text names no one it was done to."""

from __future__ import annotations

import pytest

from .coding import events_of


def pairs(text: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.country, e.target.country if e.target else None, e.plover.type) for e in events_of(text)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # force used on things in a capital is used on the capital's country
        ("Israeli aircraft struck targets in Beirut on Tuesday.", ("ISR", "LBN", "ASSAULT")),
        ("Russian missiles hit energy infrastructure in Kyiv overnight.", ("RUS", "UKR", "ASSAULT")),
        ("Turkish jets bombed positions around Baghdad.", ("TUR", "IRQ", "ASSAULT")),
        # the place phrase's noun may be the city the capital's name qualifies
        ("Israeli drones struck a car in southern Beirut.", ("ISR", "LBN", "ASSAULT")),
        # an act of force named as a noun, with its maker
        ("Russia's missile attacks in Kyiv destroyed two power stations.", ("RUS", "UKR", "ASSAULT")),
    ],
)
def test_force_with_no_one_named_is_used_on_the_country_where_it_struck(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    found = pairs(sentence)
    assert expected in found
    assert (expected[0], None, expected[2]) not in found


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # whom it was done to, when named, is the target, not the place
        ("Israeli aircraft struck Hezbollah fighters in Damascus.", ("ISR", "LBN", "ASSAULT")),
        # the doers' own capital is no other country
        ("Russian forces shelled buildings in Moscow during the mutiny.", ("RUS", None, "ASSAULT")),
    ],
)
def test_the_place_is_no_target_when_someone_is_named_or_it_is_the_doers_own(
    sentence: str, kept: tuple[str, str | None, str]
) -> None:
    found = pairs(sentence)
    assert kept in found
    assert not any(t == ("SYR" if "Damascus" in sentence else "RUS") for _, t, _ in found if t)


def test_a_meeting_in_a_capital_is_no_meeting_with_its_country() -> None:
    found = pairs("The Indian and Pakistani foreign ministers met in Beijing on Monday.")
    assert not any(t == "CHN" for _, t, _ in found)


def test_the_rule_and_its_step_say_where_it_struck() -> None:
    event = next(e for e in events_of("Israeli aircraft struck targets in Beirut.") if e.target is not None)
    assert event.has_step("struck") and "LBN" in (event.steps[-1].detail or "")


def test_a_visit_to_several_places_visits_each() -> None:
    found = pairs("Secretary Blinken travelled to Kyiv and Warsaw on Thursday.")
    assert {("USA", "UKR", "CONSULT"), ("USA", "POL", "CONSULT")} <= found
    found = pairs("Secretary Blinken travelled to Ukraine and Poland on Thursday.")
    assert {("USA", "UKR", "CONSULT"), ("USA", "POL", "CONSULT")} <= found
