"""Whom an act done together is done with: event nouns of working together ("consultation",
"coordination", "collaboration"), the examples a partner phrase lists ("allies, including the EU"),
and partners named with "with" rather than each source with every other. Sentences of our own."""

from __future__ import annotations

import pytest

from .coding import events_of, triples

CALL = "President Biden held a call with President Macron of France and NATO Secretary General Jens Stoltenberg. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan committed to close consultation with Australia.", ("JPN", "AUS", "036")),
        ("Kenya's collaboration with Ethiopia on health security has grown.", ("KEN", "ETH", "060")),
        ("Brazil and Argentina strengthened their coordination with Chile.", ("BRA", "CHL", "060")),
    ],
)
def test_working_together_is_done_with_the_partner(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(events_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            CALL + "They committed to close consultation with allies and partners, including the EU and NATO.",
            {("USA", "EUR"), ("FRA", "EUR"), ("USA", "IGO"), ("FRA", "IGO")},
        ),
        (
            "The United States will coordinate with partners such as Japan and Australia.",
            {("USA", "JPN"), ("USA", "AUS")},
        ),
    ],
)
def test_a_partner_phrase_names_its_examples(text: str, expected: set[tuple[str, str]]) -> None:
    pairs = {(s, t) for s, t, _ in triples(events_of(text))}
    assert expected <= pairs


def test_a_source_that_is_also_named_as_partner_is_kept_for_the_others() -> None:
    """NATO's Secretary General is on the call, and NATO is whom the others will consult: the
    others' consultation with NATO stays (not NATO's with itself)."""
    pairs = {(s, t) for s, t, _ in triples(events_of(CALL + "They committed to close consultation with NATO."))}
    assert {("USA", "IGO"), ("FRA", "IGO")} <= pairs
    assert ("IGO", "IGO") not in pairs


def test_sources_acting_with_others_do_not_act_on_each_other() -> None:
    """ "committed to cooperation with allies": with the allies, not each leader with the other;
    without them, each with the other."""
    call = "President Biden held a call with President Macron of France. "
    with_allies = call + "They committed to continued close cooperation with transatlantic allies."
    assert not [(s, t) for s, t, code in triples(events_of(with_allies)) if code.startswith("03") and t is not None]
    alone = call + "They committed to continued close cooperation."
    assert ("USA", "FRA", "030") in triples(events_of(alone))


def test_sources_acting_with_each_other_still_do() -> None:
    assert {("ISR", "LBN"), ("LBN", "ISR")} <= {
        (s, t) for s, t, _ in triples(events_of("Israel and Lebanon held talks with each other."))
    }


def test_a_light_verbs_partner_is_not_inside_the_nouns_own_phrase() -> None:
    """The war named in the topic of the consultation is no partner in it; the two sides are."""
    text = "The United States and India will continue our close consultation on the effects of this Russian war."
    pairs = {(s, t) for s, t, code in triples(events_of(text)) if code == "036"}
    assert pairs == {("USA", "IND"), ("IND", "USA")}


def test_the_nouns_own_preposition_deep_in_its_phrase_still_names_the_partner() -> None:
    assert ("USA", "PAN", "0874") in triples(
        events_of("The United States sped up the withdrawal of its troops from Panama.")
    )


def test_working_together_as_a_manner_names_only_its_own_partner() -> None:
    """ "In close cooperation with our allies, X imposed sanctions on Russia": no cooperation with Russia."""
    text = "In close cooperation with our allies, the United States imposed sanctions on Russia."
    coded = triples(events_of(text))
    assert ("USA", "RUS", "163") in coded
    assert not [t for t in coded if t[2].startswith("06") and t[1] is not None]


def test_a_pattern_act_done_with_others_is_not_done_with_each_other() -> None:
    """ "agreed to expand cooperation with partners in the region": with those partners, not
    India with Japan; without the partners it is each with the other."""
    with_partners = "The leaders of India and Japan agreed to expand cooperation with partners in the region."
    assert not [t for t in triples(events_of(with_partners)) if t[1] is not None]
    alone = "The leaders of India and Japan agreed to expand cooperation."
    assert {("IND", "JPN"), ("JPN", "IND")} <= {(s, t) for s, t, _ in triples(events_of(alone))}


def test_discussing_with_others_is_still_discussing_with_each_other() -> None:
    """ "discussed space exploration with astronauts": the talk is between the two leaders; only an
    act done together named as the object ("expand cooperation with partners") takes its partner."""
    text = "Vice President Harris and President Macron of France discussed space exploration with astronauts."
    assert {("USA", "FRA", "040"), ("FRA", "USA", "040")} <= set(triples(events_of(text)))


def test_discussing_an_act_done_with_others_is_still_discussing_with_each_other() -> None:
    """ "will discuss their ongoing coordination with allies": what is discussed is a topic."""
    text = "Prime Minister Draghi of Italy and President Biden will discuss their ongoing coordination with allies."
    pairs = {(s, t) for s, t, _ in triples(events_of(text))}
    assert {("ITA", "USA"), ("USA", "ITA")} <= pairs


def test_mediation_among_parties_is_with_them() -> None:
    assert ("QAT", "SDN", "045") in triples(events_of("Qatar's mediation among Sudan's rival factions continued."))
