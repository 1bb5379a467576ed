"""Events: the CAMEO 2.0 verb dictionary read, and verbs coded from the parse."""

from __future__ import annotations

import pytest

from detente.actors.resolve import find_actors
from detente.events.coder import find_events
from detente.events.ontology import plover_of
from detente.events.verbs import load_verbs, read_pattern, verb_forms
from detente.nlp import load_pipeline
from detente.quotes.attribute import find_quotes
from detente.record import Step

from .coding import events_of, petrarch_1_events, triples


def test_two_party_events_with_no_second_party_are_left_out_by_default() -> None:
    """A meeting, an agreement, support with no one named are no event of a pair; a statement, an
    appeal, an attack or a protest stand alone."""
    assert triples(events_of("Moscow is open to any serious talks.", untargeted=False)) == []
    assert triples(events_of("Moscow is open to any serious talks with Kyiv.", untargeted=False)) == [
        ("RUS", "UKR", "036")
    ]
    assert triples(events_of("Russia suspended the negotiations on Monday.", untargeted=False)) == []
    kept = events_of("Russia urged restraint. Russian troops attacked a convoy.", untargeted=False)
    assert [(e.source.country, e.target, e.plover.type) for e in kept] == [
        ("RUS", None, "REQUEST"),
        ("RUS", None, "ASSAULT"),
    ]


def test_verb_dictionary_blocks_forms_and_patterns() -> None:
    verbs = load_verbs()
    assert len(verbs.blocks) > 350 and sum(len(b.patterns) for b in verbs.blocks.values()) > 4000
    block, _ = verbs.block_of("CRITICIZED") or (None, "")
    assert block is not None and block.code == "111"
    assert verb_forms("VISIT") == ["VISIT", "VISITS", "VISITED", "VISITING"]
    pattern = read_pattern(" * (FOR {FINANCIAL AID}) [0231]", {})
    assert pattern is not None and pattern.code == "0231" and pattern.after[0].prep == "FOR"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia criticized the United States on Monday.", [("RUS", "USA", "111")]),
        ("India was criticized by China.", [("CHN", "IND", "111")]),
        ("The United States imposed sanctions on Iran.", [("USA", "IRN", "163")]),
        # A visit stated in the future is an intention to meet (the host's side stays a hosting).
        # a visit is the visitor's act; the host, who does nothing in the sentence, hosts nothing
        ("China will visit India.", [("CHN", "IND", "036")]),
    ],
)
def test_verbs_coded_with_source_and_target(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(events_of(sentence)) == expected


def test_events_in_a_quote_are_claimed_by_the_speaker_and_we_is_their_country() -> None:
    events = events_of("Russian envoy Denis Alipov said: “We criticized the United States.”")
    (event,) = [e for e in events if e.cameo == "111"]
    assert (event.source.country, event.target.country if event.target else None) == ("RUS", "USA")
    assert event.claimed_by is not None


def test_plover_types_of_cameo_codes() -> None:
    assert plover_of("111").type == "ACCUSE" and plover_of("0311").type == "AGREE"
    assert plover_of("010").type == "STATEMENT" and plover_of("020").type == "REQUEST"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Chinese attack on Taiwan was condemned.", ("CHN", "TWN", "190")),
        ("New US sanctions on Iran took effect.", ("USA", "IRN", "163")),
    ],
)
def test_event_nouns_with_their_owner_and_object(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(events_of(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # compound subjects with no target: cooperative events each way
        ("Israel and Lebanon renewed negotiations on Monday.", {("ISR", "LBN"), ("LBN", "ISR")}),
        ("The US, Russia, and Switzerland met yesterday.", {("USA", "RUS"), ("USA", "CHE"), ("RUS", "CHE")}),
        # compound subjects with a target: one event per source
        ("France and Germany criticized Iran on Monday.", {("FRA", "IRN"), ("DEU", "IRN")}),
        # compound objects: one event per target
        ("China criticized Japan and South Korea.", {("CHN", "JPN"), ("CHN", "KOR")}),
    ],
)
def test_compound_sources_and_targets_give_one_event_per_pair(sentence: str, expected: set[tuple[str, str]]) -> None:
    pairs = {(s, t) for s, t, _ in triples(events_of(sentence))}
    assert expected <= pairs


def test_a_document_released_is_published_not_a_release_of_persons() -> None:
    assert triples(events_of("The Norwegian government released its Arctic strategy in Iceland.")) == []
    assert triples(events_of("Iran released two French citizens.")) == [("IRN", "FRA", "0841")]


def test_a_reported_clause_with_a_pronoun_subject_is_the_reporters_and_the_statement_goes() -> None:
    events = events_of("Iraq said it would allow the return of U.N. weapons inspectors.")
    assert [(e.source.country, e.cameo[:2]) for e in events] == [("IRQ", "03")]


def test_a_light_verb_with_an_event_noun_and_the_pair_named_before() -> None:
    text = "President Joe Biden spoke with President Xi Jinping of China. The leaders agreed to hold talks in June."
    pairs = {(s, t, c[:2]) for s, t, c in triples(events_of(text))}
    assert {("USA", "CHN", "03"), ("CHN", "USA", "03")} <= pairs


def test_explain_says_why_each_verb_was_or_was_not_coded() -> None:
    from detente.events.explain import explain_record
    from detente.pipeline.extract import extract_parsed

    record, doc = extract_parsed("Headline\n\nRussia criticized the United States. Officials said nothing.")
    lines = "\n".join(explain_record(record, doc))
    assert "actors: Russia = RUS; the United States = USA" in lines
    assert "“criticized” (DENOUNCE" in lines or "“criticized” (BLAME" in lines
    assert "event: RUS → USA CAMEO 111 ACCUSE" in lines
    assert "no source" in lines  # "Officials said nothing": no actor says it


def test_people_no_dictionary_places_act_for_the_country_where_they_act() -> None:
    (event,) = events_of("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.")
    assert (event.source.country, event.plover.type) == ("SRB", "PROTEST")
    assert event.source.actor is None and event.source.text == "Up to 100 ethnic Albanians"
    # armies often act abroad: where unnamed forces are says nothing of whose they are
    assert events_of("Coalition forces are in Mali to attack the rebels.") == []
    (withdrew,) = events_of("Chechen rebels said their forces had completed their withdrawal from Grozny.")
    assert (withdrew.source.country, withdrew.plover.type) == ("RUS", "RETREAT")


def test_a_rejection_is_coded_though_the_dictionary_leaves_reject_uncoded() -> None:
    assert triples(events_of("Serbia on Thursday flatly rejected an Australian ultimatum.")) == [("SRB", "AUS", "120")]


def test_leaders_who_spoke_on_the_phone_consulted_each_other() -> None:
    events = events_of("US President Donald Trump and Turkish President Recep Tayyip Erdogan spoke on the phone.")
    assert {(s, t, c) for s, t, c in triples(events)} == {("USA", "TUR", "041"), ("TUR", "USA", "041")}


def test_a_group_code_keeps_the_dictionary_agent_and_the_sector_is_plovers() -> None:
    text = "Chinese troops and Russian clerics met Iranian opposition leaders."
    actors = {a.name: (a.code, a.sector) for a in find_actors(load_pipeline()(text), "2023-02-27")}
    assert actors["Chinese troops"] == ("CHNMIL", "MIL")
    assert actors["Russian clerics"] == ("RUSREL", "CVL")  # CAMEO's religious agent; PLOVER has no REL sector
    assert actors["Iranian opposition leaders"] == ("IRNOPP", "PTY")


def test_a_statement_criticising_another_countrys_actor_is_an_accusation() -> None:
    events = events_of("Russia on Monday said that ties are under stress because of the US-led interference.")
    assert [(e.source.country, e.target.country if e.target else None, e.cameo) for e in events] == [
        ("RUS", "USA", "111")
    ]
    assert events[0].steps == (Step("criticism", "interference"),)
    assert events[0].provenance.endswith("→ criticism (interference)")
    # a word of criticism with no other country's actor in its phrase leaves the statement a statement
    assert [e.cameo for e in events_of("Russia said that the interference must end.")] != ["111"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a cooperative noun under a verb of stopping reduces relations (CAMEO 16)
        ("The United Nations on Tuesday reduced food supplies to Thailand.", ("THA", "162")),
        ("Syrian officers ended mediation efforts between rival militias in Lebanon.", ("LBN", "165")),
        # an event noun under a light verb: "mounted its invasion of South Lebanon"
        ("Israel today mounted its long-threatened invasion of South Lebanon.", ("LBN", "190")),
    ],
)
def test_stopped_cooperation_and_mounted_invasions(sentence: str, expected: tuple[str, str]) -> None:
    assert [(t, c) for _, t, c in triples(events_of(sentence))] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a statement to no one, or to the press, is the speaker's quote, not an event
        ("Russia said on Monday that the weather was cold.", []),
        ("Senator Lindsey Graham spoke on Fox News on Monday.", []),
        # a statement with a recipient stays
        ("The Russian ambassador told India on Monday that the weather was cold.", [("RUS", "IND", "010")]),
        # "told AFP the army lifted the blockade" reports what was done; it demands nothing
        ("The Israeli army lifted a blockade on Palestinian lorries, officials told AFP.", [("ISR", "PSE", "0872")]),
        # a demand verb's subjunctive clause is still a demand, not the act
        ("Greece demanded that Turkey withdraw its troops.", [("GRC", "TUR", "100")]),
    ],
)
def test_statements_addressed_and_reported(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert [t for t in triples(events_of(sentence)) if t[2] != "---"] == expected


def test_a_meeting_with_someone_is_coded_from_who_did_it() -> None:
    # CAMEO 2.0 codes "met with" [046:046]; one meeting is one event, from the subject
    assert triples(events_of("President Biden spoke today with President Putin of Russia.")) == [("USA", "RUS", "046")]
    # a compound subject still meets each way
    found = triples(events_of("The United States and Russia held talks in Geneva on Monday."))
    assert ("USA", "RUS", "046") in found and ("RUS", "USA", "046") in found


def test_the_sides_an_act_done_together_is_between_do_it_each_with_the_other() -> None:
    pairs = {(s, t) for s, t, _ in triples(events_of("The talks between Kenya and Uganda ended on Monday."))}
    assert pairs == {("KEN", "UGA"), ("UGA", "KEN")}
    # support is not done together: "support between" names no sides
    assert triples(events_of("The support between Kenya and Uganda ended on Monday.")) == []


def test_where_several_meet_is_no_party_to_the_meeting() -> None:
    """A place or a forum several states meet in or at the margins of is where, not whom."""
    for sentence in ("Canada and Japan met in Jakarta.", "Canada and Japan met on the margins of the ASEAN summit."):
        pairs = {(s, t) for s, t, _ in triples(events_of(sentence, untargeted=False))}
        assert pairs == {("CAN", "JPN"), ("JPN", "CAN")}, sentence
    # a "with" phrase still names whom they met
    pairs = {(s, t) for s, t, _ in triples(events_of("Canada and Japan met with Indonesia in Jakarta."))}
    assert pairs == {("CAN", "IDN"), ("JPN", "IDN")}


def test_plural_nationalities_are_the_country_but_ethnic_groups_act_where_they_are() -> None:
    assert triples(events_of("Young Algerians blocked roads in the capital on Sunday.")) == [("DZA", None, "144")]
    (event,) = events_of("Ethnic Albanians protested on Tuesday in Macedonia.")
    assert event.source.country == "MKD"


def test_a_title_set_beside_a_name_acts_as_that_person() -> None:
    found = events_of(
        "Russia's first Deputy Prime Minister Andrei Belousov left for Beijing to meet Chinese officials."
    )
    (meeting,) = [e for e in found if e.cameo == "040"]
    assert (meeting.source.code, meeting.source.text) == ("RUSGOV", "Andrei Belousov")


def test_they_are_the_two_states_named_last_not_a_body_they_belong_to() -> None:
    text = (
        "Germany and France discussed the future of NATO on Monday. "
        "They resolved that free elections must be held in Belarus."
    )
    assert {e.source.country for e in events_of(text) if e.plover.type == "REQUEST"} == {"DEU", "FRA"}


def test_the_two_leaders_are_the_two_people_named_last() -> None:
    text = (
        "President Biden spoke today with President Xi Jinping of China. "
        "Biden raised concerns about Taiwan. The two leaders also exchanged views on climate change."
    )
    found = [t for t in triples(events_of(text)) if t[2] == "046"]
    assert ("USA", "CHN", "046") in found and not any("TWN" in t for t in found)


def test_a_light_verb_whose_pattern_does_not_name_the_noun_leaves_the_event_to_the_noun() -> None:
    # TAKE * PART [030] does not name the meeting: the meeting (in New Delhi) gives the event
    found = events_of("Russian Foreign Minister Sergei Lavrov will take part in the G20 meeting in New Delhi.")
    assert [(e.source.country, e.target.country if e.target else None, e.cameo, e.modality) for e in found] == [
        ("RUS", "IND", "036", "intended")
    ]


def test_praise_said_of_the_subject_of_a_predicate() -> None:
    text = (
        "Russian envoy Denis Alipov said that the relations between India and Russia "
        "have always been friendly and trusted."
    )
    assert ("RUS", "IND", "051") in triples(events_of(text))


def test_demonstrate_with_an_object_or_a_clause_is_no_protest() -> None:
    assert [t for t in triples(events_of("Thousands of Algerians demonstrated in Algiers on Friday.")) if t[2] == "141"]
    assert not events_of("The United States and Russia have demonstrated that they can make progress.")
    assert not events_of("The statement demonstrates a complete lack of understanding of Syria.")


def test_the_two_leaders_are_found_further_back_than_countries() -> None:
    text = (
        "President Biden spoke today with Prime Minister Narendra Modi of India. "
        "They discussed climate change. They discussed the pandemic. "
        "They condemned the coup in Burma. The leaders agreed to stay in close touch."
    )
    agreed = [t for t in triples(events_of(text)) if t[2] == "030"]
    assert sorted(agreed) == [("IND", "USA", "030"), ("USA", "IND", "030")]


def test_an_event_noun_done_by_the_subject_needs_no_target() -> None:
    assert ("RUS", None, "164") in triples(events_of("Russia suspended the negotiations on Monday."))


def test_things_are_not_people_acting_for_a_country() -> None:
    assert not events_of("Seventeen rockets struck the base in Iraq on Sunday.")
    (event,) = events_of("Islamic fundamentalists began a hunger strike in Cairo.")
    assert event.source.country == "EGY"


def test_nationality_words_of_countries_with_earlier_codes_are_the_country() -> None:
    # the dictionary codes "Georgian" USRGEO before 1991, GEOUNR, then GEO: a country, not a person
    found = triples(events_of("Georgian demonstrators threw stones at the Georgian government."))
    assert found and all(s == "GEO" and t == "GEO" for s, t, _ in found)


def test_an_event_noun_compounded_into_a_phrase_takes_the_phrases_verb_and_prepositions() -> None:
    text = "Chadli Klibi of the Arab League undertook a mediation mission between Syria and Jordan."
    mission = triples(events_of(text))
    assert ("IGO", "SYR", "045") in mission and ("IGO", "JOR", "045") in mission
    cut = triples(events_of("The United States suspended part of a military aid program for Bosnia."))
    assert cut == [("USA", "BIH", "162")]


def test_a_participle_right_after_a_noun_borrows_no_subject() -> None:
    found = events_of("Nigeria announced it planned to join the trade bloc in the week leading up to the summit.")
    assert all(e.trigger.text != "leading" for e in found)


def test_a_pattern_written_for_one_verb_of_a_block_is_that_verbs() -> None:
    block = load_verbs().blocks["APPREHEND"]
    part = next(p for p in block.patterns if p.text == "* PART")
    assert part.verb == "TAKE" and part.code == "030"  # "- * PART [030] # TAKE"
    assert not [e for e in events_of("Burmese troops have captured part of a rebel stronghold.") if e.cameo == "030"]
    # another verb's pattern naming a phrase of several words still applies: START * {HUNGER STRIKE}
    (strike,) = events_of("Islamic fundamentalists began a hunger strike in Cairo.")
    assert strike.cameo == "142"


def test_a_finite_verb_after_an_infinitive_shares_the_main_verbs_subject() -> None:
    text = "Foreign Secretary Dominic Raab urged the US embassy to reconsider and spoke with Mike Pompeo."
    spoke = [e for e in events_of(text) if e.trigger.text == "spoke"]
    assert [(e.source.country, e.target.country if e.target else None) for e in spoke] == [("GBR", "USA")]


def test_joining_a_coalition_is_cooperation() -> None:
    # CAMEO 2.0's ASSEMBLE default is a consultation (040); with no pattern, joining is cooperation,
    # which PLOVER codes only with a recipient: joining what no one is named as making is no event
    assert triples(events_of("The naval task force was joined by Australia.")) == []
    # its own pattern for a coalition (JOIN * COALITION, 050) reads the passive's subject as object
    assert triples(events_of("The naval coalition was joined by Australia.")) == [("AUS", None, "050")]
    assert triples(events_of("Australia joined the patrols of the United States.")) == [("AUS", "USA", "060")]
    assert triples(events_of("Benin is to join.")) == [("BEN", None, "030")]  # an intention needs none
    # with nothing named that is joined, the international body named last is joined
    text = (
        "The African Union launched a new free trade area on Sunday. The commissioner announced that Chad was to join."
    )
    assert triples(events_of(text)) == [("TCD", "IGO", "030")]


def test_a_passive_with_no_agent_is_done_where_it_happened_and_says_so() -> None:
    (arrest,) = events_of("A Christian missionary from Calgary was arrested in Lebanon on Monday.")
    assert (arrest.source.country, arrest.target.country if arrest.target else None) == ("LBN", "CAN")
    assert arrest.has_step("placed") and arrest.confidence < 0.5
    # the simple present tells a standing state, not an act done there
    assert events_of("The Muslim Brotherhood is banned in Egypt.") == []
    (banned,) = events_of("The Muslim Brotherhood was banned in Egypt in 2013.")
    assert banned.source.country == "EGY" and banned.plover.type == "COERCE"


def test_a_participle_of_force_after_its_victims_is_done_where_it_happened() -> None:
    killed = triples(events_of("Twelve Turkish soldiers killed in Syria were buried on Monday."))
    assert killed == [("SYR", "TUR", "190")]
    assert events_of("Two Brazilian men sought in the killing of missionaries in Guyana were arrested.") == []


def test_what_an_utterance_says_is_its_makers() -> None:
    text = "French President Jacques Chirac issued a stern reminder to Iraq that it must cooperate with the inspectors."
    assert ("FRA", "IRQ", "100") in triples(events_of(text))
    text = "The Kurdistan Workers' Party issued a declaration demanding that the Turkish government release its leader."
    assert ("TUR", "TUR", "100") in triples(events_of(text))


def test_an_inquiry_opened_and_an_attack_by_someone() -> None:
    found = triples(events_of("The UN opened an inquiry into attacks by Israel on Gaza."))
    assert ("UNO", "ISR", "090") in found and ("ISR", "PSE", "190") in found


def test_multi_word_verbs_are_read_and_coded() -> None:
    from detente.events.verbs import read_verbs

    lines = ["--- EXCLUDE [1721] ---", "EXCLUDE", "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}"]
    lines.append("WIRE_+TAP {WIRE_+TAPPED}")
    verbs = read_verbs(lines)
    (cordon,) = verbs.phrasal["CORDONED"]
    assert (cordon.before, cordon.after, cordon.verb) == ((), ("OFF",), "CORDON_OFF")
    assert [(p.before, p.verb) for p in verbs.phrasal["TAPPED"]] == [(("WIRE",), "WIRE_TAP")]
    # the suite's PETRARCH-1 dictionary: CORDON_OFF in the EXCLUDE block [1721]
    found = petrarch_1_events("Soldiers from Gondor have cordoned off the roads leading into Mordor.")
    assert ("GONMIL", "MOR", "1721") in found


def test_a_plural_role_of_several_countries_is_that_role_of_each() -> None:
    found = events_of("The foreign ministers of France, Germany and Britain criticized Russia on Monday.")
    assert {(e.source.code, e.target.code if e.target else None) for e in found} == {
        ("FRAGOV", "RUS"),
        ("DEUGOV", "RUS"),
        ("GBRGOV", "RUS"),
    }
    # roles joined before the place phrase share it
    joined = events_of("Lawmakers and officials in France and Germany criticized Russia.")
    assert {e.source.code for e in joined} == {"FRALEG", "DEULEG", "FRAGOV", "DEUGOV"}
    # the suite's own names: NER takes "Arnor, Osgiliath and Gondor" for one organisation
    text = "The ambassadors of Arnor, Osgiliath and Gondor presented credentials to Ithilen's president."
    found_p1 = petrarch_1_events(text)
    assert {s for s, _, _ in found_p1} == {"ARNGOV", "OSGGOV", "GONGOV"}


def test_protest_nouns_and_people_where_they_act() -> None:
    riots = triples(events_of("Palestinian riots against Israeli policies continued on Friday."))
    assert ("PSE", "ISR", "145") in riots
    (riot,) = events_of("Prisoners rioted at a jail in Indonesia's capital on Monday.")
    assert (riot.source.country, riot.plover.type) == ("IDN", "PROTEST")


def test_labelling_someone_as_something_and_he_is_the_person_named_last() -> None:
    text = "President Erdogan of Turkey spoke on Monday. He named the Syrian Kurds as terrorists."
    assert ("TUR", "SYR", "111") in triples(events_of(text))
    praise = triples(events_of("The Russian envoy described his country's defence ties with India as unprecedented."))
    assert praise == [("RUS", "IND", "051")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a coercive event noun under a verb of stopping is its easing (CAMEO 08)
        ("The United States lifted the sanctions on Iran on Monday.", ("USA", "IRN", "085")),
        ("The Latvian court cancelled restrictions on Russia's state media.", ("LVA", "RUS", "081")),
        # and the coercive nouns are events under their light verbs
        ("NATO imposed a naval blockade of Serbia on Monday.", ("IGO", "SRB", "191")),
    ],
)
def test_coercive_nouns_imposed_and_eased(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(events_of(sentence))


def test_coercion_by_people_not_a_state_is_dissent() -> None:
    (block,) = events_of("Angry French paper workers blocked the Europe Bridge for three hours.")
    assert (block.source.country, block.plover.type) == ("FRA", "PROTEST")
    (ban,) = events_of("The French government banned the protest group on Monday.")
    assert ban.plover.type == "COERCE"


def test_what_an_intended_act_is_for_is_intended_too() -> None:
    text = "Norway is willing to send equipment to help defend Kuwait, the minister said."
    (event,) = [e for e in events_of(text) if e.target is not None and e.target.country == "KWT"]
    assert (event.source.country, event.cameo[:2], event.modality) == ("NOR", "03", "intended")


def test_a_stance_in_the_passive_is_its_subjects() -> None:
    # "is opposed to": the subject opposes; "to" names the target (CAMEO 2.0 codes oppose 110)
    assert ("ISR", "FRA", "110") in triples(events_of("Israel is opposed to French mediation."))
    # "Serb" is Serbia's short demonym; "engaged in … against" is the subject's act
    text = "Serb forces were engaged in attacks against the Albanian population."
    assert triples(events_of(text)) == [("SRB", "ALB", "190")]


def test_a_resignation_is_plover_retreat_resign() -> None:
    (event,) = events_of("Georgian President Eduard Shevardnadze resigned on Sunday.")
    assert (event.source.country, event.cameo, event.plover.type, event.plover.mode) == (
        "GEO",
        "0831",
        "RETREAT",
        "resign",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "withdrawal" is an event noun; "speeded up" says little of its own (a light verb)
        ("The United States speeded up the withdrawal of its forces from Panama.", ("USA", "PAN", "0874")),
        # a surrender is CAMEO 0874, not the YIELD block's unspecified 080
        ("Iraqi soldiers surrendered to Kuwait on Monday.", ("IRQ", "KWT", "0874")),
    ],
)
def test_withdrawals_and_surrenders_are_military_retreats(sentence: str, expected: tuple[str, str, str]) -> None:
    events = events_of(sentence)
    assert expected in triples(events)
    assert all(e.plover.type == "RETREAT" for e in events)


def test_he_with_no_reporter_named_is_the_person_named_last() -> None:
    text = "King Hassan of Morocco was quoted as saying he would be ready to host a meeting with Israel."
    assert ("MAR", "ISR", "036") in triples(events_of(text))


def test_cooperation_aid_and_sanctions_need_a_recipient() -> None:
    # PLOVER: COOPERATE, AID and SANCTION require a recipient; a verb's default with none is no event
    assert [e for e in events_of("Russia expanded the operation.") if e.plover.type == "COOPERATE"] == []
    # aid delivered in a country is for that country when no other recipient is named
    text = "The Red Cross suspended aid deliveries in Baghdad on Wednesday."
    assert [(e.target.country if e.target else None, e.plover.type) for e in events_of(text)] == [("IRQ", "SANCTION")]


def test_a_preposition_the_parser_left_without_its_object_still_names_the_target() -> None:
    text = "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a residence."
    assert ("PER", "PAN", "075") in triples(events_of(text))
    # a preposition with a clause is not left without its object: "with the US encouraging …"
    absolute = (
        "With Washington pressing European firms to stop trading with Iran, German companies including Siemens"
        " and Bosch have announced plans to withdraw from the market."
    )
    # the plans announced (030), and what they plan, an intention to yield the market (035); no target
    assert {t for t in triples(events_of(absolute)) if t[0] == "DEU"} == {("DEU", None, "030"), ("DEU", None, "035")}


def test_unnamed_protesters_are_the_people_of_the_place() -> None:
    # protesters no one names protest where they are; "anti-government" targets their government
    (event,) = events_of("Anti-government demonstrations spread in Caracas on Sunday.")
    assert (event.source.code, event.target.code if event.target else None, event.cameo) == ("VENCVL", "VENGOV", "141")
    assert events_of("Protests continued on Sunday.") == []  # no place, no protester's country


def test_a_definite_act_named_before_brings_its_actor_as_target() -> None:
    text = "The United States announced a complete withdrawal from the region. Germany opposed the withdrawal."
    assert ("USA", "110") in [(e.target.country if e.target else None, e.cameo) for e in events_of(text)]


def test_an_act_named_again_by_another_word_of_its_family_brings_its_actor() -> None:
    def targets(text: str, code: str) -> list[str | None]:
        return [e.target.country if e.target else None for e in events_of(text) if e.cameo == code]

    left = "The president said on Friday that British troops would be leaving Iraq. France opposed the withdrawal."
    assert targets(left, "110") == ["GBR"]
    began = "Russia launched a military offensive against Ukraine on Thursday. The operation was condemned by Japan."
    assert targets(began, "111") == ["RUS"]
    asked = "France urged Britain to waive the fee. The British government declined the request."
    assert targets(asked, "120") == ["FRA"]
    unrelated = "Russia launched a military offensive against Ukraine on Thursday. Japan declined the request."
    assert targets(unrelated, "120") == [None]  # a request is not an offensive


def test_what_a_statement_is_of_is_its_topic_not_its_recipient() -> None:
    spoke = events_of("The French statement spoke of Germany taking over the duty of guarding the border.")
    assert [e for e in spoke if e.cameo.startswith("01")] == []
    assert ("FRA", "DEU", "010") in triples(events_of("France told Germany on Monday that it would stay."))
    # what is said is not whom it is said to, though the parser makes it the object of "said"
    said = events_of("Damascus said hundreds of Islamic State (ISIS) fighters escaped following airstrikes.")
    assert [e for e in said if e.cameo.startswith("01")] == []


def test_an_owner_is_of_each_thing_listed_and_their_places_are_no_targets() -> None:
    text = "Japan voiced concerns about Moscow's trade practices, repression in Chechnya, arrests in Crimea."
    assert {e.target.code for e in events_of(text) if e.target} == {"RUSGOV"}
    # "of" says whose, not where: the list's other owners stay
    owners = events_of("Germany voiced concerns about Moscow's trade practices and the policies of Beijing.")
    assert {e.target.country for e in owners if e.target} == {"RUS", "CHN"}
    listed = "Germany voiced concerns about the trade practices of China and Russia."
    assert {e.target.country for e in events_of(listed) if e.target} == {"CHN", "RUS"}


def test_a_ban_at_home_restricts_and_a_ban_on_foreigners_sanctions() -> None:
    (foreign,) = events_of("France on Tuesday banned Syrian airline Cham Wings from landing at its airports.")
    assert (foreign.target.country if foreign.target else None, foreign.cameo, foreign.plover.type) == (
        "SYR",
        "163",
        "SANCTION",
    )
    (home,) = events_of("The British government banned Northern Ireland militants from the talks.")
    assert (home.target.code if home.target else None, home.cameo, home.plover.type) == ("GBRREB", "172", "COERCE")


def test_a_meeting_told_from_one_side_and_then_of_both_is_one_meeting() -> None:
    def consults(text: str) -> set[tuple[str | None, str | None]]:
        found = events_of(text)
        return {(e.source.country, e.target.country if e.target else None) for e in found if e.plover.type == "CONSULT"}

    told = (
        "Chancellor Olaf Scholz spoke with President Emmanuel Macron of France on Tuesday."
        " The two leaders discussed energy prices."
    )
    assert consults(told) == {("DEU", "FRA")}
    assert consults("The United States and Russia held talks in Geneva.") == {("USA", "RUS"), ("RUS", "USA")}


def test_countries_in_a_quoted_title_are_its_topic_not_its_participants() -> None:
    text = "The Brazilian foreign ministry hosted a forum ‘New Paths for Brazil-China Trade’ on Monday."
    assert {e.target.country if e.target else None for e in events_of(text)} == {None}
    assert ("BRA", "CHN", "040") in triples(events_of("The Brazilian foreign ministry hosted a forum with China."))


def test_talks_about_a_conflict_are_with_its_other_party() -> None:
    text = "Asked about the conflict between Georgia and Russia, the envoy said Moscow is ready for talks on ending it."
    assert ("RUS", "GEO", "036") in triples(events_of(text))
    assert ("ARM", "AZE", "036") in triples(events_of("Armenia is open to talks about its war with Azerbaijan."))
    assert ("ARM", None, "036") in triples(events_of("Armenia is open to talks about trade."))


def test_a_noun_the_parser_joins_to_the_object_may_be_the_next_verb_s_subject() -> None:
    text = "Officials said British forces had defeated the Taliban and Pakistan would be moving into the border region."
    assert {e.target.code if e.target else None for e in events_of(text) if e.cameo == "190"} == {"AFGREB"}


def test_names_after_a_description_that_names_no_one_are_the_subject() -> None:
    # the parser makes "foes" and "Armenia" two subjects of the verb
    found = triples(events_of("Old foes Armenia and Turkey signed an agreement on Monday."))
    assert {("ARM", "TUR", "057"), ("TUR", "ARM", "057")} <= set(found)


def test_a_protest_held_abroad_is_against_the_host_country() -> None:
    abroad = triples(events_of("French and German students staged a protest in Moscow on Monday."))
    assert set(abroad) == {("FRA", "RUS", "141"), ("DEU", "RUS", "141")}
    assert triples(events_of("Russian students staged a protest in Moscow on Monday.")) == [("RUS", None, "141")]


def test_a_target_of_no_country_is_no_target() -> None:
    found = [
        (e.source.country, e.target, e.cameo) for e in events_of("Russia criticized the Zorblax Widget Corporation.")
    ]
    assert found == [("RUS", None, "111")]


def test_a_verb_of_study_investigates_only_someone() -> None:
    assert events_of("Russia will examine all the proposals in a serious manner.") == []
    # nor is a wish with no one it concerns an intention
    assert events_of("If they really seek security in the region, Iraq should act.") == []
    assert events_of("Relations are not as close as Russia would want them to be.") == []
    assert ("UNO", "IRN", "090") in triples(events_of("The United Nations inspectors examined the refineries in Iran."))


def test_forces_leaving_a_country_withdraw_and_people_leaving_do_nothing() -> None:
    text = "President Trump announced that US troops would be leaving Syria."
    assert ("USA", "SYR", "0356") in triples(events_of(text))  # an intention to withdraw
    assert events_of("The diplomat's wife left the United Kingdom on Friday.") == []


def test_an_allegation_accuses_the_subject_of_what_it_alleges() -> None:
    text = "The United States government claims Iran Air flies fighters and cargo to Syria."
    assert ("USA", "IRN", "110") in triples(events_of(text))


def test_a_verb_with_no_object_shares_the_object_of_the_verb_joined_to_it() -> None:
    found = triples(events_of("Russia will attack and destroy the army of Georgia."))
    assert ("RUS", "GEO", "138") in found and ("RUS", None, "138") not in found


def test_an_act_told_again_without_its_target_is_counted_once() -> None:
    text = (
        "Turkey began a military offensive into Syria on Wednesday. "
        "On Thursday Turkey continued the offensive with airstrikes."
    )
    assert [
        (e.source.country, e.target.country if e.target else None) for e in events_of(text) if e.cameo == "190"
    ] == [("TUR", "SYR")]
    # a verb coded by its default names its act too
    urged = (
        "Washington has been encouraging Japan to limit oil imports from Russia. "
        "With Washington encouraging banks to stop lending, Japanese firms are leaving."
    )
    assert triples(events_of(urged)) == [("USA", "JPN", "020")]


def test_the_dead_are_no_attackers() -> None:
    # CAMEO 2.0's DIE default (190) made whoever died the source of an assault
    assert events_of("Former Kenyan president Daniel arap Moi died on Tuesday at a hospital in Nairobi.") == []
    # deaths in fighting keep their patterns
    assert triples(events_of("Three Indian soldiers died in clashes with Chinese troops.")) == [("IND", "CHN", "190")]


def test_a_phrase_of_time_is_no_patterns_preposition() -> None:
    # CALL * (ON) is an appeal; "on Tuesday" says when the call was made
    called = events_of("Brazil's president called the Argentine president on Tuesday.")
    assert triples(called) == [("BRA", "ARG", "041")]
    assert triples(events_of("Brazil called on Argentina to lift the tariffs.")) == [("BRA", "ARG", "020")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # going to another country is visiting it, the visitor's act (the host does nothing here)
        ("Modi went to Moscow on Monday.", [("IND", "RUS", "042")]),
        # a British spelling the dictionary's generated forms miss is found by its lemma
        ("The Indian prime minister travelled to Japan.", [("IND", "JPN", "042")]),
        ("Modi arrived in Tokyo on Sunday.", [("IND", "JPN", "042")]),
        # a host the text makes act hosts
        ("The Japanese prime minister hosted Modi in Tokyo.", [("JPN", "IND", "043")]),
        # going nowhere named is no consultation (CAMEO 2.0's GO_SOMEWHERE default, 040)
        ("The Kenyan president went on to praise the deal.", []),
        ("We are going to have a lot of things to do, the Kenyan president said.", []),
        # a whole country or its forces going somewhere is no visit
        ("America went to Afghanistan to defeat the terrorists.", []),
    ],
)
def test_going_to_another_country_is_a_visit(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [t for t in triples(events_of(sentence)) if t[2].startswith("04")] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a word of criticism or praise in the object's predicate labels the object
        ("Chile's president called Peru's leader a liar.", [("CHL", "PER", "111")]),
        # naming with no such word is neither a call (041) nor an accusation (NAME's 111)
        ("The Kenyan president called the drought the worst in decades.", []),
        ("The Kenyan president named Raila Odinga prime minister.", []),
        # a name in quotation marks, however the parser attaches it
        ('Senator Ruto of Nakuru was calling the probe into Kenya\'s police "Soviet-style".', []),
    ],
)
def test_naming_is_a_label_or_nothing(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(events_of(sentence)) == expected


def test_a_quote_in_a_clause_about_the_one_called_is_no_name() -> None:
    coded = triples(events_of('Prime Minister Trudeau called President Macron, who said "we are ready".'))
    assert ("CAN", "FRA", "041") in coded


@pytest.mark.parametrize(
    "sentence",
    [
        # defaults of broad CAMEO 2.0 blocks that are no event in the news (coding.toml [defaults])
        "The Kenyan president took office in 2013.",  # APPREHEND 171
        "Japan has taken steps to reduce emissions.",
        "The former Kenyan ambassador served in Uganda.",  # AID's 060
        "Kenyatta ruled Kenya for a decade.",  # OVERSEE_MANAGE 060
        "Kenyan officials engaged with Ugandan leaders on trade.",  # ENGAGE 190 needs "against"
        "Kenya and Uganda reinforced their ties with Tanzania.",  # IMPEL 170
        "Kenya must address Uganda's debt crisis.",  # OVERSEE_MANAGE: ADDRESS 010
        "Kenya is closely monitoring the negotiations with Uganda.",  # MONITOR 090
        "The Kenyan general commanded Ugandan troops in Somalia.",  # OVERSEE_MANAGE 060
        # meeting a thing is satisfying it, not a meeting (MEET_PEOPLE 040)
        "Kenya will meet the needs of Ugandan refugees.",
        "Kenya and Tanzania met the criteria of the Ugandan program.",
        "Kenya will meet its commitments to Uganda.",
        # ALLOW 080 and ENACT 060 defaults
        "The Kenyan parliament passed the Ugandan trade bill.",
        "Kenya established a global minimum tax with Uganda.",
        "Kenya enabled the rise of Ugandan exports.",
    ],
)
def test_broad_defaults_that_are_no_event(sentence: str) -> None:
    assert events_of(sentence) == []


def test_patterns_of_broad_blocks_stay() -> None:
    assert triples(events_of("Russia took control of Crimea.")) == [("RUS", "UKR", "192")]
    assert triples(events_of("Ethiopian troops were engaged in a campaign against Eritrea.")) == [("ETH", "ERI", "190")]
    assert [t[2] for t in triples(events_of("Kenya will reinforce its military presence in Somalia."))] == ["154"]
    # someone's demands met are a concession, refused a rejection
    assert triples(events_of("Kenya met the demands of Ugandan protesters.")) == [("KEN", "UGA", "080")]
    assert triples(events_of("Kenya would not meet the demands of Ugandan protesters.")) == [("KEN", "UGA", "124")]


def test_praise_of_two_sources_is_not_of_each_other() -> None:
    # cooperation of two sources with no target goes each way; praise of something else does not
    recognized = triples(events_of("Japan and South Korea recognize the importance of free trade."))
    assert ("JPN", "KOR", "051") not in recognized and ("KOR", "JPN", "051") not in recognized
    signed = triples(events_of("Japan and South Korea signed an agreement."))
    assert ("JPN", "KOR", "057") in signed and ("KOR", "JPN", "057") in signed


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # two sides of a reciprocal verb with no target act on each other, whatever the code
        ("India and Pakistan exchanged fire along the border.", {("IND", "PAK", "193"), ("PAK", "IND", "193")}),
        ("Indian and Chinese troops clashed in Ladakh.", {("IND", "CHN", "190"), ("CHN", "IND", "190")}),
    ],
)
def test_reciprocal_verbs_go_each_way(sentence: str, expected: set[tuple[str, str, str]]) -> None:
    assert set(triples(events_of(sentence))) == expected


def test_heavy_weapons_sent_are_military_aid() -> None:
    # verbs.local.txt adds tanks, artillery, howitzers … to CAMEO 2.0's &WEAPON synset
    assert triples(events_of("Poland sent tanks to Ukraine.")) == [("POL", "UKR", "072")]
    assert load_verbs().synsets["&WEAPON"] >= {"TANK", "TANKS", "MISSILE"}


def test_interference_is_criticised_not_aid() -> None:
    # INTERVENE's default (070) made "interfering" aid; an evaluative verb is said of its subject
    found = triples(events_of("Russia is interfering in Ukraine's affairs, the Polish foreign minister said."))
    assert found == [("POL", "RUS", "111")]


@pytest.mark.parametrize(
    "sentence",
    [
        # recognising, acknowledging or ensuring with no one as target says nothing of anyone
        "Japan and Vietnam recognize the importance of free trade.",
        "Kenya will ensure that the border stays open.",
        # expressing is no disapproval (CAMEO 2.0's EXPRESS 110)
        "The Kenyan president expressed his commitment to the peace process.",
    ],
)
def test_untargeted_recognition_and_expression_are_no_event(sentence: str) -> None:
    assert events_of(sentence) == []


def test_what_is_expressed_keeps_its_pattern() -> None:
    found = triples(events_of("The Kenyan president expressed concern about the fighting in Sudan."))
    assert found == [("KEN", "SDN", "012")]


def test_a_claim_accuses_only_someone_named() -> None:
    assert events_of("The Kenyan president claimed the election was fair.") == []
    assert triples(events_of("Kenya claims Uganda is arming the rebels.")) == [("KEN", "UGA", "110")]


def test_raising_an_act_is_the_act() -> None:
    # BOOST's default (060, cooperation) is not what "expanded sanctions on Russia" did
    assert triples(events_of("The United States expanded sanctions on Russia.")) == [("USA", "RUS", "163")]


def test_an_events_actors_are_named_as_its_sentence_names_them() -> None:
    # the actor's first mention ("The United States") is not what the second sentence says
    text = "The United States imposed sanctions on Iran. Washington also criticized Tehran on Monday."
    _, criticized = events_of(text)
    assert (criticized.source.text, criticized.target.text if criticized.target else None) == ("Washington", "Tehran")


def test_concern_about_a_state_or_its_acts_is_disapproval_of_it() -> None:
    owned = triples(events_of("Japan expressed concern over China's military drills."))
    assert owned == [("JPN", "CHN", "110")]
    assert triples(events_of("Japan voiced concern about North Korea.")) == [("JPN", "PRK", "110")]
    # about fighting somewhere, the comment blames no one: it stays a pessimistic comment
    assert triples(events_of("The Kenyan president expressed concern about the fighting in Sudan.")) == [
        ("KEN", "SDN", "012")
    ]


def test_what_is_discussed_is_a_topic_and_with_whom_the_other_party() -> None:
    assert [(s, t, c[:2]) for s, t, c in triples(events_of("Germany discussed trade with Japan."))] == [
        ("DEU", "JPN", "04")
    ]
    assert triples(events_of("Canada discussed the situation in Haiti.")) == [("CAN", None, "046")]
    assert triples(events_of("France discussed Russia's build-up.")) == [("FRA", None, "040")]


def test_concerns_raised_about_a_state_criticise_it_and_are_raised_with_another() -> None:
    about = events_of("Norway raised concerns about Iran's treatment of protesters.", untargeted=False)
    assert {(e.source.country, e.target.country if e.target else None, e.plover.type) for e in about} == {
        ("NOR", "IRN", "ACCUSE")
    }
    # the parser hangs "with" on the concerns: still whom they were raised with
    raised = events_of("Norway raised concerns with Japan about the whaling season.")
    assert ("NOR", "JPN", "040") in triples(raised)


def test_provenance_is_typed_steps_after_the_rule() -> None:
    (event,) = events_of("Moscow is open to any serious talks with Kyiv.")
    assert event.has_step("intent") and ":" in event.rule and "→" not in event.rule
    assert event.provenance == f"{event.rule} → intent ({event.steps[0].detail})"
    (refusal,) = events_of("Iran refused to meet the inspectors from Britain.")
    assert refusal.has_step("refusal") and refusal.plover.type == "REJECT" and not refusal.negated


def test_a_country_an_attitude_is_for_or_against_is_no_party() -> None:
    assert triples(events_of("Canada condemned Iran's anti-Israel bias.")) == [("CAN", "IRN", "111")]
    assert all(s != "RUS" for s, _, _ in triples(events_of("Pro-Russian separatists attacked Ukrainian troops.")))
    # what an effort is against: "Defeat-ISIS operations", "counter-ISIS operations" are no help to ISIS
    text = "Kenyan troops are deployed to Somalia to support Defeat-ISIS operations."
    assert all(t != "IMG" for _, t, _ in triples(events_of(text)))
    assert all(t != "IMG" for _, t, _ in triples(events_of("Kenya supports counter-ISIS operations in Somalia.")))


def test_a_war_named_with_its_maker_is_an_assault_on_its_target() -> None:
    assert ("RUS", "UKR", "190") in triples(events_of("Latvia condemned Russia's war against Ukraine."))
    assert ("RUS", "GEO", "190") in triples(events_of("Estonia denounced Russian aggression against Georgia."))
    assert all(c != "190" for _, _, c in triples(events_of("Latvia discussed the war in Ukraine.")))  # no maker


def test_a_verbs_default_alone_with_no_one_it_is_done_to_is_left_out() -> None:
    assert events_of("Georgian President Eduard Shevardnadze resigned on Sunday.", untargeted=False) == []
    assert [e.plover.type for e in events_of("Georgian President Eduard Shevardnadze resigned on Sunday.")] == [
        "RETREAT"
    ]  # kept when asked for


def test_several_doing_a_verbs_default_act_do_not_do_it_to_each_other() -> None:
    assert triples(events_of("Canada, Japan and Italy invest in strengthening workers.")) == []
    met = triples(events_of("Canada, Japan and Italy met in Rome.", untargeted=False))
    assert ("CAN", "JPN", "040") in [(s, t, c[:2] + "0") for s, t, c in met]


def test_a_passive_whose_subject_names_no_one_takes_its_target_from_its_phrase() -> None:
    assert triples(events_of("Sanctions were imposed on Iran by the United States.")) == [("USA", "IRN", "163")]


def test_the_two_sides_named_after_them_in_the_sentence() -> None:
    found = {
        (s, t)
        for s, t, _ in triples(events_of("The two sides agreed to resume talks, Chinese and Indian officials said."))
    }
    assert {("CHN", "IND"), ("IND", "CHN")} <= found


def test_each_named_agent_acts_and_they_refer_back_to_all() -> None:
    text = "The foreign ministers of Egypt, Greece and France met in Cairo. They called on Turkey to stop drilling."
    found = {(e.source.country, e.target.country if e.target else None, e.plover.type) for e in events_of(text)}
    assert {("EGY", "TUR", "REQUEST"), ("GRC", "TUR", "REQUEST"), ("FRA", "TUR", "REQUEST")} <= found
    assert {("EGY", "GRC", "CONSULT"), ("GRC", "FRA", "CONSULT"), ("FRA", "EGY", "CONSULT")} <= found


def test_talking_to_a_states_leaders_is_consulting_them_and_of_a_topic_is_not() -> None:
    found = triples(events_of("Modi spoke several times on the phone to the presidents of Ukraine and Russia."))
    assert ("IND", "UKR", "041") in found and ("IND", "RUS", "041") in found
    assert triples(events_of("Both nations issued statements speaking of an incursion into Syria.")) == []


def test_what_a_stance_verb_stresses_is_content_not_an_addressee() -> None:
    # a statement to no one: the speaker's quote, no event (and Ukraine no addressee)
    assert triples(events_of("India emphasized the importance of the security of civilians in Ukraine.")) == []


def test_who_suffers_an_attack_by_someone_is_its_target() -> None:
    found = triples(events_of("The people of Georgia suffer an unprovoked attack by Russian forces."))
    assert ("RUS", "GEO", "190") in found
    they = triples(events_of("Our prayers are with the people of Georgia as they suffer an attack by Russian forces."))
    assert ("RUS", "GEO", "190") in they


def test_where_a_crisis_is_is_no_party_to_resolving_it() -> None:
    found = triples(events_of("Japan and Korea committed to work together to resolve the crises in Syria and Sudan."))
    assert found and not any(t in ("SYR", "SDN") for _, t, _ in found)


def test_talking_to_a_people_is_no_consultation() -> None:
    found = triples(events_of("Biden spoke directly to the Polish people in Warsaw."))
    assert found and not any(c.startswith("04") for _, _, c in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # goods of relief given, sent or brought by any verb of those blocks (verbs.local.txt &RELIEF)
        ("Japan sent medicines and tents to Turkey.", ("JPN", "TUR", "073")),
        ("Canada donated vaccines to Ghana on Monday.", ("CAN", "GHA", "073")),
        ("Norway delivered food aid to Yemen.", ("NOR", "YEM", "070")),
    ],
)
def test_relief_given_by_any_verb_of_giving_or_sending_is_aid(sentence: str, expected: tuple[str, str, str]) -> None:
    assert triples(events_of(sentence)) == [expected]


def test_the_two_are_the_two_leaders_named_before() -> None:
    events = events_of("President Joe Biden welcomed President Isaac Herzog of Israel. The two discussed trade.")
    assert ("ISR", "USA", "040") in triples(events) and ("USA", "ISR", "040") in triples(events)


def test_what_someone_is_pressed_to_do_in_the_passive_is_not_done() -> None:
    assert [
        t for t in triples(events_of("Obama is being pressured by Congress to help Iran.")) if t[2][:2] == "07"
    ] == []


def test_the_sides_are_the_two_people_who_met_when_no_countries_were_named_lately() -> None:
    text = (
        "Security adviser Jake Sullivan and Russian Security Council Secretary Nikolay Patrushev held consultations. "
        "The meeting was constructive. It was an important step. Many issues were discussed. "
        "The sides agreed that stability was in the interest of both."
    )
    assert {("USA", "RUS", "030"), ("RUS", "USA", "030")} <= set(triples(events_of(text)))


def test_a_name_inside_an_organisation_s_name_after_to_or_against_is_no_party() -> None:
    events = events_of("Egypt and Jordan welcomed the achievements of the Global Coalition to Defeat ISIS.")
    assert all(e.target is None or e.target.country != "IMG" for e in events)


def test_a_participle_on_a_noun_in_the_phrase_of_a_message_is_the_poster_s() -> None:
    events = events_of("Japan's foreign minister posted a message on Twitter blaming North Korea for the attack.")
    assert ("JPN", "PRK") in [(s, t) for s, t, c in triples(events) if c.startswith("11")]


def test_an_assault_waged_on_a_country_is_an_assault_on_it() -> None:
    # "waged" is tagged with the lemma "wag": the verb dictionary's base says it is "wage"
    events = events_of("Putin has waged a brutal assault on Ukraine's right to exist as a nation.")
    assert ("RUS", "UKR", "190") in triples(events)


def test_they_in_a_statement_are_the_two_leaders_named_before_not_the_last_two_countries() -> None:
    text = (
        "President Biden will welcome Prime Minister Mario Draghi of Italy to the White House on May 10. "
        "The leaders will affirm their support for Ukraine against Russia's aggression. "
        "They will also exchange views on preparations for the G7 and NATO summits in June."
    )
    last = text.index("They will")
    events = [e for e in events_of(text) if e.sentence.start >= last]
    pairs = {(e.source.country, e.target.country if e.target else None) for e in events}
    assert pairs == {("USA", "ITA"), ("ITA", "USA")}  # not Russia and Ukraine, the last named; not the G7, a topic


def test_an_outlet_reports_acts_it_does_not_do_them() -> None:
    events = events_of("Reuters reported Monday's attack the deadliest since an assault in Ghazni in August.")
    assert all(e.plover.type != "ASSAULT" or e.source.sector != "MED" for e in events)
    # an outlet still accuses
    assert ("RUS", "USA", "112") in [
        (s, t, c[:3]) for s, t, c in triples(events_of("TASS accused Washington of lying."))
    ]


def test_a_gerund_after_in_or_on_is_done_by_the_subject_of_the_verb_it_hangs_on() -> None:
    found = triples(
        events_of("We stand together in condemning the attack, on sanctioning Russia, and on helping Ukraine.")
    )
    assert ("USA", "RUS", "163") not in found  # "we" names no one outside a transcript or statement
    text = "Italy and Spain stand together in sanctioning Russia and in helping Ukraine."
    pairs = {(s, t, c[:2]) for s, t, c in triples(events_of(text))}
    assert {("ITA", "RUS", "16"), ("ESP", "RUS", "16"), ("ITA", "UKR", "07"), ("ESP", "UKR", "07")} <= pairs
    # "of" and "for" gerunds are often the object's: "accused Iran of supporting the rebels"
    accused = triples(events_of("Israel accused Iran of supporting Hezbollah."))
    assert all(s != "ISR" or c[:2] != "05" for s, t, c in accused)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a thing owned is praised, not hosted: the "to" completes the noun
        ("President Biden welcomed Switzerland's contribution to the fund.", {("USA", "CHE", "051")}),
        ("President Biden welcomed Ukraine's commitment to reform.", {("USA", "UKR", "051")}),
        # a person welcomed to a place is hosted (the guest's visit is not told of the guest)
        (
            "President Biden welcomed Prime Minister Kishida to the White House.",
            {("USA", "JPN", "043")},
        ),
    ],
)
def test_welcoming_someone_s_act_is_praise_welcoming_someone_somewhere_a_visit(
    sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    assert set(triples(events_of(sentence))) == expected


def test_events_support_of_several_for_a_programme_is_no_support_of_each_other() -> None:
    """Only an act two sides do together (talks, an agreement, joint exercises) goes each way
    between the owners of its noun; support, a visit or a welcome does not."""
    found = triples(events_of("Canada, France and Japan expressed support for the new clean shipping initiative."))
    assert not [t for t in found if t[1] in {"CAN", "FRA", "JPN"}]
    found = triples(events_of("India and Japan expressed support for Ukraine's sovereignty."))
    assert found == [("IND", "UKR", "050"), ("JPN", "UKR", "050")]
    talks = triples(events_of("India and Japan held negotiations in Tokyo on Monday."))
    assert ("IND", "JPN", "046") in talks and ("JPN", "IND", "046") in talks


def test_events_a_part_of_a_state_does_not_act_on_the_state_as_a_whole() -> None:
    """Two actors of one state make an event only when the text places each in it (the president
    and Congress); the country named as a whole is the state itself."""
    assert not [t for t in triples(events_of("American companies are investing billions in America.")) if t[1]]
    assert not [t for t in triples(events_of("The Indian army is supporting India in the crisis.")) if t[1]]
    urged = triples(events_of("US President Joe Biden urged the US Congress to pass the voting rights bill."))
    assert [t for t in urged if t[:2] == ("USA", "USA")]


def test_events_fighting_for_something_uses_force_on_no_one() -> None:
    """A verb of fighting with no actor against whom is an effort ("we will fight for working
    families", "combat the epidemic"); one that names the enemy is a use of force."""
    assert triples(events_of("The United States will keep fighting for working families.")) == []
    assert triples(events_of("India will continue to fight to make college free.")) == []
    assert triples(events_of("Afghan forces fought the Taliban in Helmand province on Sunday.")) == [
        ("AFG", "AFG", "190")
    ]


def test_events_seeing_is_no_statement() -> None:
    """A verb of perception reports what its subject perceived; its patterns keep their codes."""
    assert triples(events_of("The United States has seen the courage of the Ukrainian people.")) == []
    assert triples(events_of("Poland witnessed the heroism of Ukraine's soldiers.")) == []


def test_events_a_person_named_after_a_place_is_no_destination() -> None:
    """A visit goes to a place: a word of a person's name ("Jordan Peterson", "Chad Smith") or a
    pronoun ("our hearts go out to you") is none."""
    assert triples(events_of("Prime Minister Narendra Modi of India went to Jordan Peterson's house on Monday.")) == []
    assert triples(events_of("India's foreign minister went to Chad Smith for advice.")) == []
    assert ("IND", "RUS", "042") in triples(
        events_of("Prime Minister Narendra Modi of India went to Moscow on Monday.")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the doer of a thing done, named in a relative clause on it, is the target as its owner would be
        ("France condemned the missile attacks that Russia carried out on Kyiv.", ("FRA", "RUS", "111")),
        ("France welcomed the deal Iran signed with the agency.", ("FRA", "IRN", "051")),
        # the act itself, done by a light verb in the clause: "that Russia perpetrated on …"
        ("France condemned the missile attacks that Russia perpetrated on Ukrainian cities.", ("RUS", "UKR", "190")),
        ("France condemned the strikes Russia carried out against Kyiv.", ("RUS", "UKR", "195")),
    ],
)
def test_the_doer_in_a_relative_clause_of_a_thing_done(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(events_of(text))


def test_a_relative_clause_of_place_or_circumstance_names_no_doer() -> None:
    for text, doer in [
        ("France visited the city where Russia attacked civilians.", "RUS"),
        ("France expressed concern over the drought, under which Kenyans are suffering.", "KEN"),
    ]:
        assert not any(target == doer for _, target, _ in triples(events_of(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several commit to a course of action that names another state: towards that state
        (
            "The leaders of France, Germany and Italy pledged to continue pursuing diplomacy while "
            "ensuring readiness to impose swift, coordinated economic costs on Russia.",
            {("FRA", "RUS", "030"), ("DEU", "RUS", "030"), ("ITA", "RUS", "030")},
        ),
        # a course done together, or naming no one else: with each other
        ("France and Germany pledged to work together on energy.", {("FRA", "DEU", "030"), ("DEU", "FRA", "030")}),
    ],
)
def test_several_who_commit_commit_towards_the_state_their_course_names(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    pledges = {t for t in triples(events_of(text)) if t[2] == "030"}
    assert pledges == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the owner of the act of force a passive's "in" phrase names did it
        ("Two Afghan soldiers were killed in a Taliban attack in Helmand.", ("AFG", "AFG", "190")),
        ("Ten Syrian soldiers were wounded in a Turkish drone strike.", ("TUR", "SYR", "180")),
    ],
)
def test_a_passive_done_in_an_act_of_force_is_done_by_its_owner(text: str, expected: tuple[str, str, str]) -> None:
    found = events_of(text)
    assert expected in triples(found)
    assert not any(e.has_step("placed") for e in found)


def test_an_optimistic_comment_to_no_one_is_the_speakers_quote() -> None:
    """ "looks forward to …", "expressed confidence that …" (CAMEO 013) to no one is a plain
    statement, not an event; a pessimistic one (012) is coded, as the gold does."""
    assert events_of("Japan looks forward to closer ties with Korea.") == []
    assert events_of("The Indian minister expressed confidence that the talks would succeed.") == []
    assert [e.cameo for e in events_of("Japan expressed concern about the missile tests.")] == ["012"]


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        # "they" in a later clause stands for the nearest plural subject before it, else object
        (
            "Two Palestinian suicide bombers killed 23 people when they blew themselves up in Tel Aviv.",
            "PSE",
            {"ISR"},
        ),
        (
            "American Airlines and JetBlue are among the airlines hit, as they fly to Cuban cities. Pompeo"
            " met Chinese officials, and they condemned Cuba.",
            "CHN",
            {"USA"},
        ),
    ],
)
def test_they_stands_for_a_plural_named_before_it_in_its_sentence(text: str, expected: str, wrong: set[str]) -> None:
    last = [e for e in events_of(text) if e.trigger.text in ("blew", "condemned")]
    assert expected in {e.source.country for e in last}
    assert not {e.source.country for e in last} & wrong


def test_they_standing_for_no_actor_is_no_actor() -> None:
    """ "Countries must show that they meet NATO's standards": the countries, no state named."""
    text = "Sweden and the United States signed the protocol. Countries must show that they meet NATO's high standards."
    assert not [e for e in events_of(text) if e.trigger.text == "meet"]


def test_appreciation_for_someone_is_praise_of_them() -> None:
    text = "President Biden expressed appreciation for Turkey's efforts to support a diplomatic resolution."
    assert triples(events_of(text)) == [("USA", "TUR", "051")]


def test_an_act_one_will_continue_is_under_way_as_well_as_intended() -> None:
    found = events_of("The United States will continue to provide security assistance to Ukraine.")
    kinds = {(e.plover.type, e.modality) for e in found if e.target is not None and e.target.country == "UKR"}
    assert kinds == {("AGREE", "intended"), ("AID", "asserted")}
    # an intention alone is only an intention
    found = events_of("The United States will provide security assistance to Ukraine.")
    assert {e.plover.type for e in found} == {"AGREE"}


def test_imposing_costs_is_a_sanction() -> None:
    assert ("USA", "RUS", "163") in triples(events_of("The United States imposed severe costs on Russia."))
    assert ("USA", "RUS", "1312") in triples(events_of("The United States will impose costs on Russia."))


def test_an_act_named_after_for_is_not_the_light_verbs() -> None:
    """ "impose costs on Russia for its aggression": the aggression is not the imposer's, and the
    imposing is coded by its own pattern."""
    found = triples(events_of("The United States imposed costs on Russia for its aggression against Ukraine."))
    assert ("USA", "RUS", "163") in found
    assert not [t for t in found if t[0] == "USA" and t[2].startswith(("13", "19"))]


def test_they_is_not_the_noun_of_its_own_relative_clause() -> None:
    text = "This limits the ability of Russia and Belarus to get the materials they need to support their aggression."
    assert {e.source.country for e in events_of(text) if e.trigger.text == "support"} == {"RUS", "BLR"}


def test_overcoming_no_one_is_no_use_of_force() -> None:
    """ "going to beat inflation", "overcome this virus": an effort; "defeated ISIS" names the enemy."""
    assert events_of("President Biden said the United States is going to beat inflation.") == []
    assert events_of("President Biden said America will overcome this virus together.") == []
    assert ("USA", "IMG", "190") in triples(events_of("The United States defeated ISIS in Syria."))


def test_an_agreement_reached_is_an_agreement() -> None:
    """ "reached an agreement with Lebanon": CAMEO 2.0 writes the pattern as an intention (032); the
    verb has no act of its own to fall back to when it is said in the past, so the agreement stays."""
    assert triples(events_of("Israel reached an agreement with Lebanon on the maritime border.")) == [
        ("ISR", "LBN", "032")
    ]


def test_people_placed_by_where_they_meet_do_not_meet_that_place() -> None:
    assert not [e for e in events_of("The leaders met today in Geneva.") if e.target is not None]
    # their other acts on their own country stand
    assert ("SRB", "SRB", "141") in triples(events_of("Up to 100 ethnic Albanians demonstrated in Serbia on Tuesday."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraqi security forces killed 20 protesters in Baghdad.", ("IRQ", "IRQ", "190")),
        ("Russian police arrested 30 students outside Moscow.", ("RUS", "RUS", "173")),
        # people acted on are placed by where, never by the only country the sentence names,
        # which is the agent's
        ("Iraqi soldiers killed 20 protesters.", None),
        ("American troops killed 20 militants.", None),
    ],
)
def test_people_acted_on_are_of_the_place_it_was_done(text: str, expected: tuple[str, str, str] | None) -> None:
    found = [t for t in triples(events_of(text, untargeted=False)) if t[1] is not None]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ATTACK * (FOR)" is criticism for something: the verb's own "for", not its object's
        ("Rwandan militiamen attacked a camp for refugees in Burundi.", ("RWA", "BDI", "190")),
        ("A camp for refugees in Burundi was attacked by Rwandan militiamen.", ("RWA", "BDI", "190")),
        ("Russia attacked Ukraine for its ties with NATO.", ("RUS", "UKR", "111")),
        # a pattern that names the object takes the object's preposition
        ("Iran held talks with Iraq.", ("IRN", "IRQ", "046")),
    ],
)
def test_a_patterns_preposition_is_the_verbs_unless_it_names_the_object(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(events_of(text)) == [expected]


def test_an_act_welcomed_is_done() -> None:
    text = "India welcomed the talks between Russia and Ukraine."
    assert ("RUS", "UKR", "040") in triples(events_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan announced its military support to Ukraine.", ("JPN", "UKR", "072", "AID")),
        ("We welcome India's humanitarian support for the people of Ukraine.", ("IND", "UKR", "073", "AID")),
        ("Germany's economic support for Jordan reached a billion euros.", ("DEU", "JOR", "071", "AID")),
        # support with no kind of help named stays support
        ("Japan expressed support for Ukraine.", ("JPN", "UKR", "050", "SUPPORT")),
    ],
)
def test_help_of_a_kind_is_aid(text: str, expected: tuple[str, str, str, str]) -> None:
    found = [
        (e.source.country, e.target.country if e.target else None, e.cameo, e.plover.type) for e in events_of(text)
    ]
    assert expected in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany condemned the attack on Ukrainian cities by Russian forces.", ("DEU", "RUS", "111")),
        ("The attack on Ukrainian cities by Russian forces was condemned by Germany.", ("DEU", "RUS", "111")),
        ("Japan welcomed the launch of the new trade framework by Canada.", ("JPN", "CAN", "051")),
    ],
)
def test_a_nouns_by_phrase_names_its_doer(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(events_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "The rebels attacked Saudi Arabia on Monday.",
        "Students demonstrated against the Egyptian government.",
        "Leaders commended Egypt for its efforts.",
    ],
)
def test_people_are_not_of_the_country_they_act_on(text: str) -> None:
    """The only country a sentence names, when it is the one acted on, is not the people's."""
    assert not [e for e in events_of(text) if e.target and e.source.country == e.target.country]


def test_people_are_of_the_only_country_named_elsewhere() -> None:
    assert ("HKG", "HKG") in [
        (e.source.country, e.target.country if e.target else None)
        for e in events_of("For the first time in the protests in Hong Kong, police fired a live round on a protester.")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia, which invaded Ukraine in February, rejected the proposal.", ("RUS", "UKR", "192")),
        ("President Putin, who met German Chancellor Olaf Scholz on Monday, left.", ("RUS", "DEU", "040")),
        ("Pakistan, which was criticized by India, did not reply.", ("IND", "PAK", "111")),
        ("The Houthi rebels who attacked Saudi Arabia were condemned.", ("YEM", "SAU", "190")),
        # as an object
        ("Ukraine, which Russia invaded in February, asked for help.", ("RUS", "UKR", "192")),
        ("Prime Minister Imran Khan, whom India criticized on Monday, did not reply.", ("IND", "PAK", "111")),
    ],
)
def test_a_relative_pronoun_is_the_actor_it_qualifies(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(events_of(text))


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # a clause on a place is the attack's, not the country's
        ("They condemned the attack in Abu Dhabi in the United Arab Emirates, which killed three civilians.", "killed"),
        # a thing with an owner, and people no dictionary places, do not act
        ("Protesters oppose Hong Kong's new law that would allow China to extradite people.", "allow"),
        ("Officials in Warsaw thanked the people who have come to Poland over the last days.", "come"),
    ],
)
def test_a_relative_pronoun_on_no_actor_names_no_source(text: str, verb: str) -> None:
    assert not [e for e in events_of(text) if e.trigger.text == verb]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an infinitive on the noun a copula says its subject is: the subject does it
        ("India was the first nation to send aid to Turkey.", ("IND", "TUR", "070")),
        ("Ecuador was the first country in Latin America to condemn the war of Russia.", ("ECU", "RUS", "111")),
    ],
)
def test_the_first_country_to_act_is_the_subject(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(events_of(text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # whoever acts during an event takes part in it
        (
            "During a meeting with President Halvorsen of Norway, the Chilean president praised the deal.",
            [("CHL", "NOR", "040")],
        ),
        (
            "The Kenyan foreign minister raised the dispute during talks with Ethiopia on Monday.",
            [("KEN", "ETH", "040")],
        ),
        # planned: the clause's tense is the event's (an intent to meet, and the visit scheduled)
        (
            "During his visit to Peru next week, the Brazilian president will open a trade fair.",
            [("BRA", "PER", "036"), ("BRA", "PER", "042")],
        ),
        # the noun's own owner is its source, not the clause's subject
        ("During the Ghanaian president's visit to Togo, protesters gathered in Lome.", [("GHA", "TGO", "042")]),
    ],
)
def test_acting_during_an_event_takes_part_in_it(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [t for t in triples(events_of(sentence)) if t[1] is not None] == expected


def article_events(text: str) -> list[tuple[str | None, str | None, str]]:
    """The events of ``text`` coded as a whole article (``statements``: states that only speak)."""
    doc = load_pipeline()(text)
    actors = find_actors(doc, "2023-02-27")
    quotes = find_quotes(doc, actors)
    return triples(list(find_events(doc, actors, quotes, (), "2023-02-27", statements=True)))


def test_a_state_that_only_speaks_in_an_article_made_a_statement() -> None:
    """One statement to no one per state whose government is quoted and which does nothing else the
    coder reads in the article; none for a state that also acts, nor for a company."""
    text = "Kenyan Foreign Minister Alfred Mutua said that the harvest was good. Uganda attacked Rwanda on Tuesday."
    assert article_events(text) == [("UGA", "RWA", "190"), ("KEN", None, "010")]
    assert article_events("Kenyan Foreign Minister Alfred Mutua said the harvest was good. Kenya attacked Rwanda.") == [
        ("KEN", "RWA", "190")
    ]
    assert article_events("Safaricom said on Monday that its profits rose.") == []
    # read as a sentence alone, a statement to no one is the speaker's quote only
    assert triples(events_of("Kenyan Foreign Minister Alfred Mutua said that the harvest was good.")) == []


def test_a_state_whose_only_acts_are_supposed_or_denied_still_only_speaks() -> None:
    """An act the text only supposes ("may impose") or denies is not done: the state still made
    its statement."""
    text = "Kenyan Foreign Minister Alfred Mutua said that Kenya may impose sanctions on Rwanda."
    assert ("KEN", None, "010") in article_events(text)


def test_they_stands_for_the_plural_subject_of_the_sentence_before() -> None:
    text = "Kenyan student groups marched on Sunday. They asked Rwandan President Paul Kagame to resign."
    assert ("KEN", "RWA", "020") in triples(events_of(text))


def test_a_pair_named_later_is_not_taken_from_the_clause_the_phrase_acts_in() -> None:
    """ "They asked X, who is backed by Y, to …": X and Y are who they act on, not who they are."""
    text = "They asked Kenyan President William Ruto, who is backed by the Ugandan government, to resign."
    assert not any(code == "020" for _, _, code in triples(events_of(text)))
    text = "The two sides agreed to resume talks on the border, Chinese and Indian officials said on Monday."
    assert {("CHN", "IND"), ("IND", "CHN")} <= {(s, t) for s, t, _ in triples(events_of(text))}


def test_whom_a_cooperative_act_is_done_against_is_no_target_of_it() -> None:
    """ "defended itself against Uganda": the opponent is not helped; the one defended still is."""
    assert triples(events_of("Kenya has defended itself against Uganda for 300 days.")) == []
    text = "Kenyan troops are deployed to protect Kenyan interests against hostile action by Uganda."
    assert not [t for t in triples(events_of(text)) if t[1] == "UGA"]
    assert [(s, t) for s, t, _ in triples(events_of("Kenya will defend Tanzania against Ugandan aggression."))] == [
        ("KEN", "TZA")
    ]


def test_a_sum_of_money_given_is_aid() -> None:
    """ "provided $26 million to Uganda": the parser makes "million" the object; a sum given is aid."""
    assert [(s, t, c[:2]) for s, t, c in triples(events_of("Kenya has provided $26 million to Uganda."))] == [
        ("KEN", "UGA", "07")
    ]


def test_a_count_read_as_a_particle_is_still_the_verbs_object() -> None:
    # "up to 16 advisers": the parser makes "up" the verb's particle and "to" a preposition
    assert ("AFG", "RUS", "181") in triples(
        events_of("Afghan rebels have kidnapped up to 16 Russian civilian advisers.")
    )
    assert ("ISR", "PSE", "173") in triples(events_of("Israeli troops detained up to 30 Palestinian protesters."))
