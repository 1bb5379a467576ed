"""Amounts: values, currencies, scales (Indian ones too), ranges, counts and ordinal units."""

from __future__ import annotations

import pytest

from detente.facts.amounts import currency_in, find_amounts, read_numbers
from detente.nlp import load_pipeline


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("USD 30 billion", [30e9]),
        ("US$3.4 trillion", [3.4e12]),
        ("between $5 and $7 billion", [5e9, 7e9]),
        ("16–17 percent", [16, 17]),
        ("two million", [2e6]),
        ("three-and-a-half million", [3.5e6]),
        ("Seventeen", [17]),
        ("twenty-one", [21]),
        ("a dozen", [12]),
        ("Rs 5 crore", [5e7]),
        ("2.5 lakh", [2.5e5]),
        ("5,00,000", [5e5]),
        ("1,200", [1200]),
        ("$5m", [5e6]),
        ("over 1,000", [1000]),
        ("between 36 and 40", [36, 40]),
    ],
)
def test_read_numbers(text: str, values: list[float]) -> None:
    assert read_numbers(text) == pytest.approx(values)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("USD 30 billion", "USD"),
        ("$5", "USD"),
        ("€20m", "EUR"),
        ("Rs 500", "INR"),
        ("₹500", "INR"),
        ("500 roubles", "RUB"),
        ("10 billion yuan", "CNY"),
        ("RMB 3 billion", "CNY"),
        ("about 5000", None),
    ],
)
def test_currency_in(text: str, code: str | None) -> None:
    assert currency_in(text) == code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mutual trade broke a record of USD 30 billion between the two countries.", [(30e9, "USD", "money")]),
        ("The deal is worth Rs 5,000 crore.", [(5e10, "INR", "money")]),
        ("Moscow will complete the supplies of the third regiment of the S-400 systems.", [(3, "regiment", "ordinal")]),
        ("Turkey hosts two million Syrian refugees.", [(2e6, "refugees", "count")]),
        ("About 5,000 troops remain in the country.", [(5000, "troops", "count")]),
        ("Unemployment rose to 7.5 percent.", [(7.5, "percent", "percent")]),
        ("Between 36 and 40 people died in the attack.", [(36, "people", "count"), (40, "people", "count")]),
        ("The two countries signed the deal.", []),
        ("One of the goals is more trade.", []),
        ("It was the first time they met.", []),
        ("They have been allies for 30 years.", []),
    ],
)
def test_find_amounts_in_sentences(sentence: str, expected: list[tuple[float, str, str]]) -> None:
    amounts = find_amounts(load_pipeline()(sentence))
    assert [(a.value, a.unit, a.kind) for a in amounts] == [(pytest.approx(v), u, k) for v, u, k in expected]
    assert all(sentence[a.start : a.end] == a.text for a in amounts)
