"""Dates: each construction resolved against the publication date, and found in parsed text."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.facts.dates import find_dates, resolve
from detente.nlp import load_pipeline

MONDAY = dt.date(2023, 2, 27)  # the seed article's publication date, a Monday


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("on Monday", "past", "2023-02-27"),
        ("on Friday", "past", "2023-02-24"),
        ("on Friday", "future", "2023-03-03"),
        ("last Monday", "past", "2023-02-20"),
        ("today", "present", "2023-02-27"),
        ("yesterday", "past", "2023-02-26"),
        ("tomorrow", "future", "2023-02-28"),
        ("last year", "past", "2022"),
        ("This year", "present", "2023"),
        ("next week", "future", "2023-03-06/2023-03-12"),
        ("the spring", "future", "2023-03/2023-05"),
        ("last summer", "past", "2022-06/2022-08"),
        ("the third quarter", "past", "2022-07/2022-09"),
        ("the first quarter of 2021", "past", "2021-01/2021-03"),
        ("this winter", "present", "2022-12/2023-02"),
        ("the new year", "future", "2024"),
        ("last week", "past", "2023-02-20/2023-02-26"),
        ("this month", "present", "2023-02"),
        ("later this week", "future", "2023-02-28/2023-03-05"),
        ("March 1-2", "future", "2023-03-01/2023-03-02"),
        ("from March 1 to 2", "future", "2023-03-01/2023-03-02"),
        ("1-2 March", "future", "2023-03-01/2023-03-02"),
        ("in September", "future", "2023-09"),
        ("in September", "past", "2022-09"),
        ("in January", "past", "2023-01"),
        ("until December", "past", "2022-12"),
        ("in 2022", "past", "2022"),
        ("1993", "past", "1993"),
        ("the 1990s", "past", "1990/1999"),
        ("2019-2021", "past", "2019/2021"),
        ("October 8, 2019", "past", "2019-10-08"),
        ("Tuesday, October 8, 2019", "past", "2019-10-08"),
        ("8 October 2019", "past", "2019-10-08"),
        ("September 2022", "past", "2022-09"),
        ("on August 27", "past", "2022-08-27"),
        ("two years ago", "past", "2021"),
        ("three days ago", "past", "2023-02-24"),
        ("Christmas", "past", "2022-12-25"),
        ("Lunar New Year", "past", "2023-01-22"),
    ],
)
def test_resolve_against_the_publication_date(text: str, tense: str, value: str) -> None:
    assert resolve(text, MONDAY, tense) == value  # type: ignore[arg-type]


def test_relative_expressions_stay_unresolved_without_a_publication_date() -> None:
    assert resolve("on Monday", None, "past") is None
    assert resolve("1993", None, "past") == "1993"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia on Monday said that ties are under stress.", [("Monday", "2023-02-27")]),
        ("The summit is slated to take place in the national capital in September.", [("September", "2023-09")]),
        ("Lavrov will attend the meeting in New Delhi from March 1-2.", [("March 1-2", "2023-03-01/2023-03-02")]),
        ("The forum marked the 30th anniversary of the 1993 Treaty.", [("30th anniversary", "2023"), ("1993", "1993")]),
        ("The two countries have been partners for 30 years.", []),
        ("The 83-year-old minister resigned.", []),
        ("The ceasefire held until December, officials said.", [("December", "2022-12")]),
        # the end of a period in a clause of what would be is the nearest such month, not last year's
        ("The senators proposed a bill that would fund the agency through September.", [("September", "2023-09")]),
        ("The envoy, who served until September, resigned.", [("September", "2022-09")]),
        ("The agency asked the state to allow hot meals to be sold through March 9.", [("March 9", "2023-03-09")]),
        (
            "The group was founded in 2011. Three years later it split.",
            [("2011", "2011"), ("Three years later", "2014")],
        ),
    ],
)
def test_find_dates_in_sentences(sentence: str, expected: list[tuple[str, str]]) -> None:
    dates = find_dates(load_pipeline()(sentence), MONDAY.isoformat())
    assert [(d.text, d.value) for d in dates] == expected
    assert all(sentence[d.start : d.end] == d.text for d in dates)
