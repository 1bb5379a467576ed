"""Events and their modality: intentions, conditions, questions, refusals, demands, appeals and threats."""

from __future__ import annotations

import pytest

from detente.events.ontology import goldstein_of

from .coding import events_of, triples


def test_event_fields_modality_negation_date_rule() -> None:
    # a dated visit stated in the future: the intention and the scheduled visit
    (event, _visit) = events_of("China will visit India on March 1.")
    assert (event.modality, event.negated, event.date) == ("intended", False, "2023-03-01")
    assert event.plover.type == "AGREE" and event.cameo == "036"  # an intention to meet
    assert event.rule.startswith("VISIT") and event.trigger.text == "visit"
    assert event.goldstein == goldstein_of("036") and event.quad_class == 1
    (attack,) = events_of("China will not attack India.")
    assert (attack.cameo, attack.modality, attack.negated) == ("190", "intended", True)  # no threat: negated
    (refusal,) = events_of("China will not visit India on March 1.")
    assert (refusal.cameo, refusal.plover.type, refusal.negated) == ("125", "REJECT", False)
    # a comment only intended is no event; one made is
    agreed = events_of("Japan and Korea agreed to meet again and look forward to closer ties.")
    assert not [e for e in agreed if e.cameo.startswith("01")]
    assert [e.cameo for e in events_of("Japan expressed concern about the missile tests.")] == ["012"]
    # a condition, an open question and a hope are hypothetical, not asserted
    hoped = [e for e in events_of("Britain hopes that China will soon criticize Russia.") if e.cameo.startswith("11")]
    assert hoped and all(e.modality == "hypothetical" for e in hoped)
    asked = [e for e in events_of("Reporters asked whether China criticized India.") if e.cameo == "111"]
    assert [e.modality for e in asked] == ["hypothetical"]
    (condition,) = [e for e in events_of("If China criticizes India, trade will suffer.") if e.cameo == "111"]
    assert condition.modality == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia agreed to supply arms to India.", ("RUS", "IND", "03")),
        ("Norway is willing to send aid to Saudi Arabia.", ("NOR", "SAU", "03")),
        ("Iran threatened to attack Israel.", ("IRN", "ISR", "13")),
        ("The United States will impose sanctions on Iran.", ("USA", "IRN", "13")),
        # what someone would do if something happens is what they will then do: a conditional threat
        ("If Iran enriches more uranium, Canada would impose sanctions on Iran.", ("CAN", "IRN", "13")),
    ],
)
def test_intentions_are_coded_as_intent_or_threat(sentence: str, expected: tuple[str, str, str]) -> None:
    events = events_of(sentence)
    assert any((e.source.country, e.target.country if e.target else None, e.cameo[:2]) == expected for e in events)
    assert all(e.modality == "intended" for e in events if e.cameo[:2] == expected[2])


@pytest.mark.parametrize(
    "sentence",
    [
        "How would Canada impose sanctions on Iran if Iran enriched more uranium?",
        "Would Canada impose sanctions on Iran?",
    ],
)
def test_what_a_question_asks_would_be_done_is_supposed(sentence: str) -> None:
    assert [(e.cameo[:2], e.modality) for e in events_of(sentence)] == [("16", "hypothetical")]


def test_a_concession_is_no_condition() -> None:
    events = events_of("Canada would impose sanctions on Iran, even if Iran stopped enriching uranium.")
    assert [(e.source.country, e.cameo[:2], e.modality) for e in events] == [("CAN", "16", "asserted")]


def test_a_negated_verb_negates_its_infinitive() -> None:
    events = events_of("Obama said he would not give permission to Russia to help Israel.")
    # not giving permission, and so not helping: refusals, not negated cooperation
    assert events and all(e.plover.type == "REJECT" and not e.negated for e in events)


def test_a_scheduled_meeting_in_a_capital_is_with_its_country_and_dated() -> None:
    events = events_of(
        "Russian Foreign Minister Sergei Lavrov will take part in the G20 meeting in New Delhi on March 1-2."
    )
    coded = {(e.source.country, e.target.country if e.target else None, e.cameo, e.modality, e.date) for e in events}
    assert ("RUS", "IND", "040", "intended", "2023-03-01/2023-03-02") in coded  # the meeting itself, scheduled
    assert ("RUS", "IND", "036", "intended", "2023-03-01/2023-03-02") in coded  # and the intent to meet
    assert all(e.target is None or e.target.actor is None for e in events if e.target and e.target.country == "IND")


def test_ready_for_talks_is_an_intention_to_negotiate() -> None:
    events = events_of("Russian envoy Denis Alipov said Moscow is open to any serious talks.")
    assert [(e.source.country, e.cameo, e.modality) for e in events] == [("RUS", "036", "intended")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # verbs CAMEO 2.0 lacks, from data/events/verbs.local.txt
        ("Foreign Secretary Dominic Raab urged the United States to reconsider.", [("GBR", "USA", "020")]),
        ("Germany sanctioned Iran on Monday.", [("DEU", "IRN", "163")]),
        # what someone is urged to do is not done; "in blaming" borrows the adjective's subject
        ("The United States was more forceful in blaming Iran.", [("USA", "IRN", "112")]),
        # an infinitive shares its head's subject: an adjective's, or a passive participle's (Egypt hosts)
        ("Japan was quick to condemn Iran.", [("JPN", "IRN", "111")]),
        (
            "The Egyptian president was honored to host Chancellor Olaf Scholz.",
            [("EGY", "DEU", "043")],
        ),
    ],
)
def test_local_verbs_requests_and_borrowed_subjects(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(s, t, c[:3]) for s, t, c in triples(events_of(sentence))] == expected


def test_was_to_join_is_an_intention() -> None:
    (event,) = events_of("The commissioner announced that Chad was to join.")
    # joining is cooperation (join = 060 in coding.toml): an intention to join is 030
    assert (event.source.country, event.cameo, event.modality) == ("TCD", "030", "intended")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a cooperative act refused, failed or negated is a rejection (CAMEO 12), asserted
        ("Pakistan has refused to deploy peacekeepers in Iraq.", ("PAK", "IRQ", "12")),
        ("Syria says it will not accept any more refugees.", ("SYR", None, "12")),
        # a clause with "must" after a verb of saying is a demand to its subject
        ("The Bush administration declared on Tuesday that China must drop barriers to exports.", ("USA", "CHN", "10")),
        ("Washington demanded that Hamas renounce its armed struggle.", ("USA", "PSE", "10")),
    ],
)
def test_refusals_and_demands(sentence: str, expected: tuple[str, str | None, str]) -> None:
    events = events_of(sentence)
    coded = [(e.source.country, e.target.country if e.target else None, e.cameo[:2]) for e in events]
    assert coded == [expected]
    assert all(e.modality == "asserted" and not e.negated for e in events)


def test_not_yet_agreed_and_if_not_are_no_refusals() -> None:
    events = events_of("Albert Muchanga of the African Union said: we have not yet agreed on the rules of origin.")
    assert not any(e.cameo.startswith("12") for e in events)


def test_threatening_to_stop_talks_is_a_threat_to_halt_negotiations() -> None:
    text = "Russia has threatened to stop negotiations on missiles if the United States goes ahead with the deployment."
    found = events_of(text)
    # the threat is made to the subject of its condition (as PLOVER's coders code it)
    assert ("RUS", "USA", "134") in triples(found)
    # the condition is no act of its own, and the threat is not dropped for it
    assert all(e.cameo != "040" or e.modality == "hypothetical" for e in found)


def test_a_demand_in_a_quotation_is_the_speakers() -> None:
    found = triples(events_of("“Turkey must guard the captured fighters,” President Trump said on Sunday."))
    assert ("USA", "TUR", "100") in found


def test_a_verb_of_request_with_an_object_and_an_infinitive_is_an_appeal() -> None:
    # ENCOURAGE alone is praise (051) in CAMEO 2.0; asking someone to act is a request
    found = triples(events_of("The United States has been encouraging Germany to restrict the airline's flights."))
    assert found == [("USA", "DEU", "020")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # who is asked is the object of the verb's preposition; what they are asked to do is not done
        ("Kenya appealed to Uganda to withdraw its troops from the border.", [("KEN", "UGA", "020")]),
        ("Japan is counting on South Korea to show restraint.", [("JPN", "KOR", "020")]),
        # an infinitive joined to the one asked for is asked for too, not promised by the asker
        ("Chile called on Peru to act with restraint and ensure the safety of civilians.", [("CHL", "PER", "020")]),
    ],
)
def test_asking_through_a_preposition_is_an_appeal_to_its_object(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert triples(events_of(sentence)) == expected


def test_resolving_that_something_must_be_done_somewhere_is_a_demand_to_that_country() -> None:
    found = triples(events_of("India and Japan resolved that the rule of law must be upheld in Burma."))
    assert ("IND", "MMR", "100") in found and ("JPN", "MMR", "100") in found


def test_a_generic_default_dated_in_the_future_is_no_scheduled_meeting() -> None:
    found = events_of("On Sunday, President Trump announced US troops would be leaving Syria.")
    assert found and not [e for e in found if e.plover.type == "CONSULT"]


def test_agreeing_that_they_themselves_should_act_is_no_demand() -> None:
    found = triples(events_of("Hungarian and Romanian officials agreed that their countries should cooperate."))
    assert found and not [t for t in found if t[2].startswith("10")]


def test_they_in_a_speakers_own_words_are_others_and_need_to_is_a_demand() -> None:
    text = "NATO met on Monday. Erdogan of Turkey said, “They need to stand by us.”"
    assert ("TUR", "IGO", "100") in triples(events_of(text))


def test_a_demand_not_to_act_is_a_demand_and_a_coalition_joined_is_its_makers() -> None:
    (demand,) = [e for e in events_of("“Russia must not send weapons,” President Biden said.") if e.cameo == "100"]
    assert (demand.source.country, demand.target.country if demand.target else None, demand.negated) == (
        "USA",
        "RUS",
        False,
    )
    found = triples(events_of("The United States formed a naval coalition, which was joined by Australia."))
    assert ("AUS", "USA", "060") in found
    # the parser hangs the relative clause on the nearest noun; the coalition is still the one joined
    text = "France set up a task force to guard the Strait of Hormuz which was joined by Italy and Greece."
    assert {("ITA", "FRA", "060"), ("GRC", "FRA", "060")} <= set(triples(events_of(text)))


def test_an_intention_on_a_condition_is_an_ultimatum() -> None:
    text = "Nigeria announced that it will withdraw its peacekeeping force from Chad unless a ceasefire is arranged."
    assert ("NGA", "TCD", "139") in triples(events_of(text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what is threatened is a threat whatever the act's own code (DELIVER * BLOW is 120)
        ("Al-Qaeda has threatened to deliver devastating blows to Israel.", ("IMG", "ISR", "130")),
        # a warning of one's own future act threatens; "no longer" negates the act, not the threat
        ("Egypt warned that it will no longer tolerate Libyan incursions.", ("EGY", "LBY", "130")),
        ("Russia warned that it would impose sanctions on Georgia.", ("RUS", "GEO", "1312")),
    ],
)
def test_what_is_threatened_or_warned_of_is_a_threat(sentence: str, expected: tuple[str, str | None, str]) -> None:
    events = events_of(sentence)
    assert expected in triples(events)
    assert all(not e.negated for e in events if e.cameo.startswith("13"))


def test_a_refusal_to_allow_codes_the_refusal_and_not_the_act() -> None:
    text = "The rebels in Angola refused to allow United Nations planes to land and evacuate the observers."
    events = events_of(text)
    # the object of "allow" (the parser's subject of the infinitive) is the target of the refusal
    assert [(e.target.code if e.target else None, e.cameo[:2]) for e in events] == [("IGOUNO", "12")]


def test_a_refusal_of_two_sides_is_made_by_each() -> None:
    refused = events_of("Armenia and Azerbaijan will not hold talks this year.")
    assert {(e.source.country, e.cameo, e.modality, e.negated) for e in refused} == {
        ("ARM", "125", "asserted", False),
        ("AZE", "125", "asserted", False),
    }


def test_what_is_agreed_to_with_no_intention_code_of_its_own_is_agreed() -> None:
    # CAMEO 2.0 codes "postpone" 112 (BLAME); agreeing to postpone is agreeing (030)
    (event,) = events_of("Armenia agreed to postpone the demonstration in Baku until November.")
    assert (event.source.country, event.cameo, event.plover.type) == ("ARM", "030", "AGREE")


def test_a_limited_negation_is_no_refusal() -> None:
    found = events_of("Japan and China don't always agree on everything.")
    assert not any(e.plover.type == "REJECT" for e in found)
    assert [e.plover.type for e in events_of("Japan refused to meet China.", untargeted=False)] == ["REJECT"]


def test_a_past_or_unable_negation_of_a_default_act_is_no_rejection() -> None:
    assert not any(
        e.plover.type == "REJECT" for e in events_of("The United States has not given Ukraine a blank check.")
    )
    assert [e.plover.type for e in events_of("China will not give Russia weapons.", untargeted=False)] == ["REJECT"]


def test_a_demand_of_no_one_named_is_no_event() -> None:
    assert events_of("The minister underscored that all workers must benefit.", untargeted=False) == []
    assert ("USA", "CHN", "100") in triples(events_of("The United States said China must drop its barriers."))


def test_a_noun_of_intention_makes_its_infinitive_intended_and_borrows_its_clauses_subject() -> None:
    found = events_of("Britain discussed preparations to impose severe economic costs on Russia.")
    threats = [e for e in found if e.target is not None and e.target.country == "RUS"]
    assert threats and all(e.plover.type == "THREATEN" and e.source.country == "GBR" for e in threats)


def test_a_meeting_told_in_the_past_is_the_meeting_not_an_intention() -> None:
    met = events_of("President Lula of Brazil and President Macron of France met today at a hotel in Lisbon.")
    assert {e.plover.type for e in met if e.target is not None and e.target.country in ("FRA", "BRA")} == {"CONSULT"}
    will = events_of("The presidents of France and Brazil will meet with leaders in Geneva.")
    assert will and all(e.modality == "intended" for e in will)


def test_a_meeting_as_the_purpose_of_a_past_act_happened() -> None:
    events = events_of("In September the Indian prime minister travelled to Tokyo to meet with Japanese leaders.")
    assert ("IND", "JPN", "040") in [(s, t, c[:3]) for s, t, c in triples(events)]


def test_a_threat_is_made_to_the_subject_of_its_condition() -> None:
    found = triples(events_of("Norway threatened to halt the fishing talks if Iceland raises its quota."))
    assert [(s, t) for s, t, c in found if c.startswith("13")] == [("NOR", "ISL")]
    # a condition about the threatening side itself names no one threatened
    own = triples(events_of("Norway threatened to halt the fishing talks if Norwegian fishermen protest."))
    assert all(t != "NOR" for s, t, c in own)


@pytest.mark.parametrize(
    ("text", "doer", "not_doer"),
    [
        # an intention that names its holder is the holder's, not the clause subject's
        ("Germany criticised Turkey's plan to send troops into Syria.", "TUR", "DEU"),
        ("India rejected the decision by China to block the resolution.", "CHN", "IND"),
        ("Britain welcomed Finland's decision to request membership in NATO.", "FIN", "GBR"),
    ],
)
def test_an_intention_is_its_named_holders(text: str, doer: str, not_doer: str) -> None:
    intended = [e for e in events_of(text) if e.modality == "intended"]
    assert {e.source.country for e in intended} == {doer}, text
    assert all(e.source.country != not_doer for e in intended)


def test_an_intention_whose_holder_is_no_actor_stays_the_clause_subjects() -> None:
    """ "affirmed the Administration's commitment to …": no actor holds it, so the subject does."""
    text = "Secretary Blinken affirmed the Administration's commitment to collaborate with Nigeria."
    assert ("USA", "NGA") in {(e.source.country, e.target.country if e.target else None) for e in events_of(text)}


def test_emphasising_the_need_is_an_appeal_by_any_verb_of_emphasis() -> None:
    """ "emphasized / underscored / highlighted the need to …" is an appeal (CAMEO 020), as CAMEO
    codes "stressed the need"; a thing that shows the need ("the war highlights …") says nothing."""
    for verb in ("emphasized", "underscored", "highlighted", "stressed"):
        found = triples(events_of(f"President Biden {verb} the need to refrain from escalation."))
        assert found == [("USA", None, "020")], verb
    assert events_of("The war in Ukraine highlights the need for a strong defense industry.") == []
    assert events_of("The pandemic and the outbreaks in Guinea highlight the need for financing.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is threatened is a threat, not the act: also with the infinitive hung as an adverbial clause
        ("Hamas threatened on Monday to resume attacks in Israel.", ("PSE", "ISR", "THREATEN")),
        # an act the dictionary leaves uncoded is, threatened, a threat to those it is done to
        ("Iran threatened on Tuesday to cut off electricity to Azerbaijan.", ("IRN", "AZE", "THREATEN")),
    ],
)
def test_a_threatened_act_is_a_threat(text: str, expected: tuple[str, str, str]) -> None:
    found = events_of(text)
    assert expected in {(e.source.country, e.target.country if e.target else None, e.plover.type) for e in found}
    assert not [e for e in found if e.plover.type == "ASSAULT"]


def test_being_threatened_threatens_nothing_of_ones_own() -> None:
    text = "Election workers in Ukraine were harassed and threatened because they had the courage to stand up."
    assert not [e for e in events_of(text) if e.trigger.text == "stand"]


@pytest.mark.parametrize(
    "text",
    [
        "India proposed talks between Russia and Ukraine.",
        "India urged direct talks between Russia and Ukraine.",
        "India suggested that there be direct talks between Russia and Ukraine.",
        "Britain pushed for talks between Russia and Ukraine.",
    ],
)
def test_an_act_proposed_is_not_done(text: str) -> None:
    assert not [e for e in events_of(text) if e.source.country == "RUS"]


@pytest.mark.parametrize(
    "text",
    ["Iran escalated its threat against Israel on Monday.", "Iran's threat to Israel grew over the summer."],
)
def test_a_threat_named_as_a_noun_is_a_threat_whatever_raises_it(text: str) -> None:
    assert triples(events_of(text)) == [("IRN", "ISR", "130")]
