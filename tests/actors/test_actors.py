"""Actors: recognition, resolution to country/sector/code, dated roles, coreference, dictionaries."""

from __future__ import annotations

import pytest

from detente.actors.mentions import split_code
from detente.actors.resolve import find_actors
from detente.knowledge.lexicon import load_lexicon
from detente.knowledge.petrarch import DatedCode, read_actors, read_agents, read_dictionary_dir
from detente.nlp import load_pipeline
from detente.pipeline.extract import extract
from detente.record import Actor

from ..conftest import shared_path


def actors_of(text: str, published: str | None = "2023-02-27") -> list[Actor]:
    return list(find_actors(load_pipeline()(text), published))


def actor_named(actors: list[Actor], name: str) -> Actor:
    return next(a for a in actors if a.name == name or any(m.text == name for m in a.mentions))


@pytest.mark.parametrize(
    ("sentence", "name", "country", "sector"),
    [
        ("Russian envoy Denis Alipov said the ties are strong.", "Denis Alipov", "RUS", "GOV"),
        ("Denis Alipov, Russia's ambassador to India, spoke on Monday.", "Denis Alipov", "RUS", "GOV"),
        ("Chinese troops crossed the line.", "Chinese troops", "CHN", "MIL"),
        ("The Saudi government denied the report.", "Saudi Arabia government", "SAU", "GOV"),
        ("Moscow doesn't mix technology transfer with politics.", "Moscow", "RUS", "GOV"),
        ("The Kremlin said the talks would continue.", "The Kremlin", "RUS", "GOV"),
        ("The G20 summit will take place in September.", "G20", "IGO", "GOV"),
        ("NATO allies met in Brussels.", "NATO", "IGO", "GOV"),
        ("The United Nations called for a ceasefire.", "United Nations", "UNO", "GOV"),
        ("The West has imposed sanctions.", "The West", "IGO", "GOV"),
        ("Russian news agency TASS reported the visit.", "TASS", "RUS", "MED"),
        ("The report was carried by PTI.", "PTI", "IND", "MED"),
        ("US Ambassador to Germany Richard Roe alleged that the airline had lied.", "Richard Roe", "USA", "GOV"),
        ("Prime Minister Narendra Modi spoke.", "Narendra Modi", "IND", "GOV"),
        ("Kurdistan Workers' Party fighters attacked.", "Kurdistan Workers' Party", "TUR", "REB"),
        # a title naming an armed group, an outlet or a company gives that body's sector
        ("Taliban spokesperson Omar Rahimi denied the claim.", "Omar Rahimi", "AFG", "REB"),
        ("Reuters correspondent Jane Doe reported from Kabul.", "Jane Doe", "GBR", "MED"),
        # an outlet whose name starts with another's is its own ("Sky News Arabia" is not "Sky News")
        ("Sky News Arabia correspondent Omar Haddad filmed the port.", "Omar Haddad", "ARE", "MED"),
        ("The interview was broadcast by PBS on Sunday.", "PBS", "USA", "MED"),
        # congressional leaders are in office without a title in the sentence
        ("Kevin McCarthy told reporters the vote would be held on Friday.", "Kevin McCarthy", "USA", "LEG"),
        # a body named across a preposition is no employer of the name after it
        (
            "The plan came from the Interagency Working Group on Coal with Ruth Alder of Ohio.",
            "Ruth Alder",
            "USA",
            "",
        ),
        # a state body's title keeps the sector its own words give
        ("Russian Foreign Ministry spokeswoman Anna Petrova said the talks failed.", "Anna Petrova", "RUS", "GOV"),
        # a nationality right before the title is the person's, after "with" too
        ("Biden met with Egyptian President Karim Fathy today.", "Karim Fathy", "EGY", "GOV"),
        # the dictionaries' "PEOPLES" is the text's "People's"
        (
            "The Democratic People's Republic of Korea fired a missile.",
            "Democratic People's Republic of Korea",
            "PRK",
            "",
        ),
        # the dictionaries' East Timor (TMP) and UNITA's Angola (ANG) are reported by their ISO codes
        ("Prisoners rioted in East Timor's capital Dili on Monday.", "Timor-Leste", "TLS", ""),
        ("UNITA rebels refused to let the planes land.", "UNITA", "AGO", "REB"),
        # a title in a listed company or NGO is an office of that body, not of a state
        ("Boeing spokesperson Lena Hartley said the aircraft was safe.", "Lena Hartley", "MNC", "BUS"),
        ("Lena Hartley, a vice president at Boeing, said the plant would reopen.", "Lena Hartley", "MNC", "BUS"),
        ("Lena Hartley, a vice president at Boeing, said the plant would reopen.", "Boeing", "MNC", "BUS"),
        ("Greenpeace spokesperson Tom Berger said the ship had left port.", "Tom Berger", "NGO", "NGO"),
        # in an organisation no list knows, it is no state's office either
        ("Helios Energy spokesman Tom Berger said the crew was safe.", "Tom Berger", None, ""),
        ("Tom Berger, a vice president at Nordwind Rescue, said the crew was safe.", "Tom Berger", None, ""),
        ("Tom Berger, a vice president at Nordwind Rescue, said the crew was safe.", "Nordwind Rescue", None, ""),
        ("Tom Berger, a lecturer at Nordwind University, said the crew was safe.", "Tom Berger", None, "EDU"),
        # "for" names an office's portfolio as often as an employer
        (
            "US Assistant Secretary for Western Hemisphere Affairs Dana Whitfield said so.",
            "Dana Whitfield",
            "USA",
            "GOV",
        ),
        ("Karen Mitchell, a spokeswoman for the White House, said so.", "Karen Mitchell", "USA", "GOV"),
        ("Anna Brandt, the US Secretary of Transportation, said the roads were closed.", "Anna Brandt", "USA", "GOV"),
        # adjectives the Phoenix dictionaries lack or give another country
        ("The Swedish government protested on Monday.", "Sweden", "SWE", ""),
        ("The Samoan government declared a state of emergency.", "Samoa", "WSM", ""),
        ("Slovenian police closed the border.", "Slovenia", "SVN", ""),
        # "general" before a noun is an adjective; offices named "… General" are civil ones
        ("Maria Lopez, the general manager of Cafe Lumen, said the staff was safe.", "Maria Lopez", None, "BUS"),
        ("US Surgeon General Vivek Murthy said the vaccine was safe.", "Vivek Murthy", "USA", "GOV"),
        # a performer is a civilian, though the Phoenix agents file actors with elites
        ("French actor Jean Dufort praised the festival.", "Jean Dufort", "FRA", "CVL"),
        # an outlet named before a comma is not the title: "Speaking to AFP, the president of …"
        (
            "Speaking to Agence France-Presse, the Chilean interior minister, Rodrigo Delgado, said the roads"
            " were open.",
            "Rodrigo Delgado",
            "CHL",
            "GOV",
        ),
    ],
)
def test_actor_country_and_sector(sentence: str, name: str, country: str, sector: str) -> None:
    actor = actor_named(actors_of(sentence), name)
    assert (actor.country, actor.sector) == (country, sector)
    assert all(sentence[m.start : m.end] == m.text for m in actor.mentions)


@pytest.mark.parametrize(
    ("sentence", "published", "name", "country", "display"),
    [
        # in a federation's years, a member state's names name the member state, not the federation
        ("Serbian police sealed the border with Montenegro.", "2000-05-02", "Serbian police", "SRB", None),
        ("Serbian police sealed the border with Montenegro.", "2000-05-02", "Montenegro", "MNE", "Montenegro"),
        ("Ukrainian officials met the Soviet delegation.", "1986-03-10", "Ukraine government", "UKR", None),
        ("Ukrainian officials met the Soviet delegation.", "1986-03-10", "Soviet Union", "SUN", "Soviet Union"),
        # the federation's own name keeps the federation's code
        ("Serbia and Montenegro signed the treaty.", "2004-05-02", "Serbia and Montenegro", "SCG", None),
        # a state only the dictionaries know is shown by its name, not its code
        ("The army of Sierra Leone left the town.", "2020-05-02", "Sierra Leone", "SLE", "Sierra Leone"),
    ],
)
def test_member_states_and_dictionary_states(
    sentence: str, published: str, name: str, country: str, display: str | None
) -> None:
    actor = actor_named(actors_of(sentence, published), name)
    assert actor.country == country
    assert display is None or actor.name == display


def test_the_government_with_a_country_word_is_that_countrys_not_the_last_one_named() -> None:
    actors = actors_of('The Taiwanese government passed the law. Critics said: "The Chinese government objects."')
    chinese = [a for a in actors if any("Chinese" in m.text for m in a.mentions)]
    assert chinese and all(a.country == "CHN" for a in chinese)


def test_a_name_joined_to_made_era_or_style_names_no_actor() -> None:
    names = {
        a.name for a in actors_of("Kenya buys American-made steel and Soviet-era tanks from the Saudi-led coalition.")
    }
    assert {"Kenya", "Saudi Arabia"} <= names and not names & {"United States", "Soviet Union"}


@pytest.mark.parametrize(
    ("published", "code"),
    [("2023-02-27", "RUSGOV"), ("2005-06-01", "RUSGOV"), ("1995-06-01", "RUSELI")],
)
def test_dated_roles_use_the_article_date(published: str, code: str) -> None:
    putin = actor_named(actors_of("Vladimir Putin met the delegation.", published), "Vladimir Putin")
    assert putin.code == code


def test_out_of_office_keeps_the_last_role() -> None:
    merkel = actor_named(actors_of("Angela Merkel spoke.", "2023-01-01"), "Angela Merkel")
    assert merkel.country == "DEU"


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("U.N. Secretary-General Kofi Annan visited Baghdad.", "IGOUNO"),
        ("Kenya welcomed Kofi Annan, the UN secretary-general, on Monday.", "IGOUNO"),
        ("Former U.N. Secretary-General Kofi Annan visited Baghdad.", "ELI"),
        ("Kofi Annan visited Baghdad.", "ELI"),
    ],
)
def test_an_office_the_text_gives_a_person_beats_the_date(sentence: str, code: str) -> None:
    # the dictionaries code Annan IGOUNO to 2006 and ELI (no country) after; the text's title says which
    annan = actor_named(actors_of(sentence, "2023-02-27"), "Kofi Annan")
    assert annan.code == code


def test_a_title_with_no_country_takes_the_country_of_the_citing_agency() -> None:
    text = "Lavrov will visit New Delhi, Russian news agency TASS reported citing Deputy Foreign Minister Ivan Petrov."
    petrov = actor_named(actors_of(text), "Ivan Petrov")
    assert (petrov.country, petrov.sector, petrov.role) == ("RUS", "GOV", "Deputy Foreign Minister")


def test_surname_role_description_and_speaking_pronoun_resolve_to_the_person() -> None:
    text = (
        "Russian envoy Denis Alipov spoke at the forum. The Russian Ambassador said ties are robust. "
        "Alipov added that supplies will be completed. He said Moscow is open to talks."
    )
    alipov = actor_named(actors_of(text), "Denis Alipov")
    assert [m.text for m in alipov.mentions] == ["Denis Alipov", "The Russian Ambassador", "Alipov", "He"]


def test_a_role_description_is_the_holder_of_that_office_not_of_a_higher_or_lower_one() -> None:
    text = (
        "President Ilvan Marosh of Gondor met the press. The Vice President, Tella Brin, said on Friday that "
        "talks would go on. The Speaker said she had told the president that the budget must pass."
    )
    actors = actors_of(text)
    marosh = actor_named(actors, "Ilvan Marosh")
    assert "the president" in [m.text for m in marosh.mentions]
    assert "the president" not in [m.text for m in actor_named(actors, "Tella Brin").mentions]


def test_a_title_refers_back_to_its_holder_however_far_back() -> None:
    filler = " ".join(f"Delegates debated the {n} item of the agenda for hours." for n in range(1, 9))
    text = (
        "Crown Prince Karim Haddad of Jordan opened the summit. "
        + filler
        + " Marta Kell, a United Nations rapporteur, spoke next."
        + " Observers believe the crown prince ordered the arrests."
    )
    actors = actors_of(text)
    assert "the crown prince" in [m.text for m in actor_named(actors, "Crown Prince Karim Haddad").mentions]
    assert "the crown prince" not in [m.text for m in actor_named(actors, "Marta Kell").mentions]


def test_a_surname_tagged_as_an_organisation_is_still_the_person() -> None:
    text = (
        "Agnès Callamard, a UN rapporteur who had investigated the case, spoke on Monday. "
        "Callamard encouraged the CIA to release the files from their investigation."
    )
    callamard = actor_named(actors_of(text), "Agnès Callamard")
    assert [m.text for m in callamard.mentions] == ["Agnès Callamard", "Callamard"]


def test_a_first_name_is_not_a_dictionary_namesake() -> None:
    actors = actors_of("AU trade and industry commissioner Albert Muchanga announced Benin was to join.")
    assert not any(a.code.startswith("MCO") for a in actors)
    assert actor_named(actors, "Albert Muchanga").country == "IGO"


def test_us_is_a_country_only_in_capitals() -> None:
    assert [a.country for a in actors_of("They attacked us, and the US responded.")] == ["USA"]


def test_an_organisation_s_first_word_is_the_organisation_named_before_it() -> None:
    text = (
        "Germany banned Iranian airline Mahan Air on Monday. Israel alleges Mahan ships rockets to Lebanon."
        " Mahan Air denied it."
    )
    airline = actor_named(actors_of(text), "Mahan Air")
    assert [m.text for m in airline.mentions].count("Mahan") == 1 and airline.country == "IRN"


def test_an_institution_of_a_country_named_after_it_is_that_country_s() -> None:
    actors = actors_of("The government of Niger warned Mali. The current government of Niger said so again.")
    government = actor_named(actors, "The government of Niger")
    assert (government.code, len(government.mentions)) == ("NERGOV", 2)


def test_an_underscore_joins_the_words_of_a_name() -> None:
    assert [a.country for a in actors_of("New_Zealand criticized Fiji.")] == ["NZL", "FJI"]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Former Russian officials criticized Ukraine.", "RUSELI"),
        ("The former foreign minister of Niger criticized Mali.", "NERELI"),
        ("Russian officials criticized Ukraine.", "RUSGOV"),
    ],
)
def test_former_holders_of_a_role_are_elites(sentence: str, code: str) -> None:
    # CAMEO's ELI: "former government officials, celebrities …"; PLOVER's sector stays GOV
    actor = next(a for a in actors_of(sentence) if a.code.endswith(("ELI", "GOV")))
    assert (actor.code, actor.sector) == (code, "GOV")


def test_an_acronym_in_brackets_after_a_name_is_that_actor() -> None:
    actors = actors_of("Japan and the European Union (EU) agreed on Monday to expand trade.")
    union = next(a for a in actors if "European Union" in a.name)
    assert "EU" in [m.text for m in union.mentions] and len(actors) == 2


def test_a_country_in_the_name_of_a_sea_is_no_actor() -> None:
    text = "Iran proposed patrols in the Gulf of Oman and the Sea of Japan, Oman said."
    assert sorted(a.country or "" for a in actors_of(text)) == ["IRN", "OMN"]


def test_organisation_with_a_country_in_its_name_and_its_acronym() -> None:
    text = "The Centre for Global India Insights (CGII) hosted a forum."
    cgii = actor_named(actors_of(text), "CGII")
    assert (cgii.name, cgii.country, cgii.sector) == ("Centre for Global India Insights", "IND", "NGO")


def test_seed_article_actors() -> None:
    text = shared_path("corpus", "seed-india-russia-ties.txt").read_text()
    actors = list(extract(text, published="2023-02-27").actors)
    expected = {
        "Denis Alipov": ("RUS", "GOV"),
        "Sergei Lavrov": ("RUS", "GOV"),
        "Andrey Rudenko": ("RUS", "GOV"),
        "Narendra Modi": ("IND", "GOV"),
        "CGII": ("IND", "NGO"),
        "TASS": ("RUS", "MED"),
        "PTI": ("IND", "MED"),
        "ANI": ("IND", "MED"),
        "G20": ("IGO", "GOV"),
    }
    for name, (country, sector) in expected.items():
        actor = actor_named(actors, name)
        assert (actor.country, actor.sector) == (country, sector), name
    moscow = next(a for a in actors if any(m.text == "Moscow" for m in a.mentions) and a.kind == "government")
    assert (moscow.country, moscow.sector, moscow.code) == ("RUS", "GOV", "RUSGOV")


@pytest.mark.parametrize(
    ("code", "country", "sector"),
    [
        ("RUSGOV", "RUS", "GOV"),
        ("RUS", "RUS", ""),
        ("IGOUNO", "UNO", "GOV"),
        ("IGOEUREEC", "EUR", "GOV"),
        ("IGOWSTNAT", "IGO", "GOV"),
        ("IMGMUSALQ", "IMG", "REB"),
        ("USAELI", "USA", "GOV"),
        ("NGOAMN", "NGO", "NGO"),
    ],
)
def test_split_code(code: str, country: str, sector: str) -> None:
    assert split_code(code) == (country, sector)


def test_read_actors_with_synonyms_inline_and_dated_codes() -> None:
    lines = [
        "# comment",
        "VLADIMIR_PUTIN_  # note",
        "+PUTIN_",
        "\t[RUSELI 700101-990809]",
        "\t[RUSGOV >080508]",
        "UFFE_ELLEMANN_JENSEN_\t[IGOEUREEC 820701-821231][IGOEUREEC 870701-871231]",
        "<!-- a block",
        "IGNORED_ [XXX]",
        "-->",
        "LAST_ONE_ [ABC]",
    ]
    putin, uffe, last = read_actors(lines, "countries")
    assert putin.phrases == ("vladimir putin", "putin")
    assert putin.codes == (DatedCode("RUSELI", "1970-01-01", "1999-08-09"), DatedCode("RUSGOV", "2008-05-08", None))
    assert putin.code_on("2023-01-01") == "RUSGOV" and putin.code_on("2001-01-01") is None
    assert uffe.code_on("1987-08-01") == "IGOEUREEC"
    assert last.name == "Last One"  # PETRARCH2 drops a file's last record; we keep it


def test_read_agents_with_plurals_and_substitution_sets() -> None:
    agents = read_agents(
        ["!MINIST! = MINISTER, MINISTRY", "FOREIGN_!MINIST! [~GOV]", "ENVOY [~GOV]", "FIRE!X! {} [~GOV]"]
    )
    phrases = {a.phrase for a in agents}
    assert {"foreign minister", "foreign ministry", "envoy", "envoys"} <= phrases


def test_user_dictionaries_replace_the_packaged_ones() -> None:
    directory = shared_path("suites", "petrarch")
    actors, agents = read_dictionary_dir(directory)
    assert len(actors) > 100 and len(agents) > 50
    found = find_actors(
        load_pipeline()("Arnor is about to restore ties with Gondor."), "1995-01-01", dictionaries=directory
    )
    assert {a.code for a in found} >= {"ARN", "GON"}
    # an agent written before the country ("MSF {} [NGO~]") prefixes its code, a role after it suffixes
    nlp = load_pipeline()
    msf = find_actors(nlp("An MSF Gondor diplomat praised Arnor."), "1995-01-01", dictionaries=directory)
    assert "NGOGONGOV" in {a.code for a in msf}
    # people of a role in an organisation are a group of it ("activists" ~OPP of NGM)
    activists = find_actors(
        nlp("The human rights activists of Amnesty International praised Gondor."), "1995-01-01", dictionaries=directory
    )
    assert "NGMOPP" in {a.code for a in activists}
    # a group in a body composes with the body's code ("White House" USAGOV; "former": ELI)
    former = find_actors(
        nlp("Former security officials in White House praised Gondor."), "1995-01-01", dictionaries=directory
    )
    assert "USAGOVELI" in {a.code for a in former}
    # their agents are the only role words: "mayor" is in the project's roles, not in theirs
    mayor = find_actors(load_pipeline()("Arnor's new mayor praised Gondor."), "1995-01-01", dictionaries=directory)
    assert "ARNGOV" not in {a.code for a in mayor}
    assert "RUSGOV" in {a.code for a in find_actors(load_pipeline()("Russia's new mayor praised Gondor."), None)}


def test_packaged_dictionaries_hold_the_converted_phoenix_entries() -> None:
    """Their load time is measured by `make bench`, not here."""
    lexicon = load_lexicon()
    assert len(lexicon.entries) > 27000 and ("envoy",) in lexicon.agents
    assert lexicon.entries[lexicon.phrases[("putin",)]].name == "Vladimir Putin"


@pytest.mark.parametrize(
    ("sentence", "name", "country", "sector"),
    [
        # a nationality adjective before an international body's name: the national body
        ("He met the Secretary of the Russian Security Council on Monday.", "Russian Security Council", "RUS", "GOV"),
        # a country word and a company noun before a name: the company, and its short name after
        ("Germany banned Iranian airline Mahan Air. Mahan denied it.", "Mahan Air", "IRN", "BUS"),
        # the country after the name beats the title they share
        (
            "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin signed the agreement.",
            "Patrice Talon",
            "BEN",
            "",
        ),
        # a regional adjective: an intergovernmental body; an organisation in a title is an actor too
        ("African Export-Import Bank president Okey Oramah said so.", "African Export-Import Bank", "IGO", "BUS"),
        ("The Daily Mail reported the story on Monday.", "Daily Mail", "GBR", "MED"),
    ],
)
def test_organisations_from_their_titles_and_names(sentence: str, name: str, country: str, sector: str) -> None:
    actor = actor_named(actors_of(sentence), name)
    assert actor.country == country
    assert sector == "" or actor.sector == sector


def test_an_acronym_is_the_organisation_whose_initials_it_has() -> None:
    actors = actors_of(
        "They signed the African Continental Free Trade Area (AfCFTA) agreement. Nigeria joined the AfCFTA."
    )
    area = actor_named(actors, "African Continental Free Trade Area")
    assert area.country == "IGO" and [m.text for m in area.mentions].count("AfCFTA") >= 1


def test_the_president_is_the_person_titled_president() -> None:
    actors = actors_of("President Joe Biden spoke with Prime Minister Narendra Modi. The President noted the ties.")
    assert "The President" in [m.text for m in actor_named(actors, "Joe Biden").mentions]


def test_the_embassy_is_the_embassy_named_before() -> None:
    actors = actors_of("Police wrote to the US Embassy in London on Monday. The embassy declined the request.")
    embassy = actor_named(actors, "the US Embassy")
    assert embassy.country == "USA" and "The embassy" in [m.text for m in embassy.mentions]


def test_a_name_coded_by_country_after_a_title_is_a_person_with_the_titles_agent() -> None:
    from ..conftest import shared_path

    directory = shared_path("suites", "petrarch")
    doc = load_pipeline()("Bree Prime Minister Romendacil will meet Eriadori leaders.")
    actors = find_actors(doc, "1995-01-01", (), directory)
    romendacil = actor_named(actors, "Romendacil")  # ROMENDACIL [BRE] + PRIME_MINISTER [~GOV]
    assert (romendacil.kind, romendacil.code, romendacil.sector) == ("person", "BREGOV", "GOV")
    assert actor_named(actors, "Bree").kind == "country"  # the country's own name is no person


def test_a_dated_restriction_holds_before_the_entrys_default() -> None:
    lines = ["SAM_GAMGEE [HOB]  # the default", "\t[HOBCIV <20080120]", "\t[HOBGOV 20121109-20130119]"]
    (sam,) = read_actors(lines, "countries")
    assert sam.code_on("1995-01-04") == "HOBCIV" and sam.code_on("2012-12-01") == "HOBGOV"
    assert sam.code_on("2010-06-01") == "HOB"  # no restriction holds: the default


def test_people_named_by_role_and_place_are_a_group_of_that_country() -> None:
    text = "Officials in Beijing criticized the plan. Russian troops fired on soldiers from Ukraine."
    actors = {a.name: (a.code, a.sector) for a in find_actors(load_pipeline()(text), "2023-02-27")}
    assert actors["Officials in Beijing"] == ("CHNGOV", "GOV")
    assert actors["soldiers from Ukraine"] == ("UKRMIL", "MIL")
    # a possessed group is its owner's, wherever it is: "its forces in Lebanon" are not Lebanon's
    owned = find_actors(load_pipeline()("Israel has strengthened its forces in Lebanon."), "2023-02-27")
    assert not any(a.country == "LBN" and a.sector == "MIL" for a in owned)


def test_a_role_of_a_country_named_after_it_is_that_countrys() -> None:
    text = "The Nigerian foreign minister, Dubem Onyia, summoned the ambassador of Niger."
    actors = {a.name: a.code for a in find_actors(load_pipeline()(text), "2023-02-27")}
    assert actors["the ambassador of Niger"] == "NERGOV" and actors["Dubem Onyia"] == "NGAGOV"


def test_the_country_named_after_a_dictionary_person_wins() -> None:
    # the dictionary has a bare "Hassan" for someone else; "of Morocco" says whose king this is
    actors = find_actors(load_pipeline()("King Hassan of Morocco received the envoy."), "1990-01-01")
    assert actor_named(actors, "Hassan").country == "MAR"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a country name shared with a US state is the state where the article gives its cues only
        ("Biden in Atlanta\n\nThe president spoke in Georgia, where the governor met Democrats in Atlanta.", "USA"),
        ("Talks in Geneva\n\nRussia and Georgia held talks on Abkhazia in Geneva.", "GEO"),
        ("Talks in Geneva\n\nRussia and Georgia held talks in Geneva.", "GEO"),  # no cues: the country
        ("Inquiry\n\nRepublican committee member Tom Reyes of Georgia said no inquiry was under way.", "USA"),
        ("Tribute\n\nShe was the first Senator from Georgia to chair the committee.", "USA"),
    ],
)
def test_a_shared_country_name_is_the_place_the_article_means(text: str, country: str) -> None:
    from detente.pipeline.extract import extract

    record = extract(text, published="2021-03-01")
    georgia = [a for a in record.actors if any(m.text == "Georgia" for m in a.mentions)]
    assert georgia and georgia[0].country == country


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("The Legislative Council of Hong Kong passed the bill.", "Legislative Council", "LEG"),
        ("Germany's Federal Aviation Office suspended the permit.", "Federal Aviation Office", "GOV"),
    ],
)
def test_an_organisations_own_words_give_its_sector(text: str, name: str, sector: str) -> None:
    found = {a.name: a.sector for a in actors_of(text)}
    assert any(name in n and s == sector for n, s in found.items()), found


def test_a_state_institution_named_without_its_country_is_the_articles_country() -> None:
    text = (
        "Afghanistan's government said on Monday that Afghanistan will hold elections. Officials in "
        "Afghanistan said the Interior Ministry would secure the vote across Afghanistan."
    )
    ministry = next(a for a in actors_of(text) if a.name.endswith("Interior Ministry"))
    assert (ministry.country, ministry.sector) == ("AFG", "GOV")
    # a story about two states gives an unnamed institution neither
    two = actors_of("Iran and Iraq traded accusations. The Interior Ministry denied it. Iran and Iraq met.")
    assert next(a for a in two if a.name.endswith("Interior Ministry")).country is None


def test_the_president_with_a_capital_is_the_first_president_the_article_names() -> None:
    text = (
        "President Ilvan Marosh welcomed President Tella Brin of Chile to the palace. "
        "The President praised Chile's courage."
    )
    actors = actors_of(text)
    assert "The President" in [m.text for m in actor_named(actors, "Ilvan Marosh").mentions]


def test_he_said_is_not_the_subject_the_parser_gave_a_participle_in_a_noun_phrase() -> None:
    text = (
        "President Joseph R. Biden, Jr., spoke today with President Volodymyr Zelenskyy of Ukraine. "
        "President Biden highlighted the new package of assistance. "
        "President Biden welcomed President Zelenskyy’s stated openness to a just peace based on principles "
        "enshrined in the United Nations Charter.  He reaffirmed the U.S. commitment to continue providing "
        "Ukraine with assistance."
    )
    assert "He" in [m.text for m in actor_named(actors_of(text), "Joseph R. Biden").mentions]


def test_the_full_names_of_isis_are_the_group_not_the_countries_in_them() -> None:
    for name in ("the Islamic State of Iraq and the Levant", "the Islamic State of Iraq and Syria"):
        actors = actors_of(f"A spokesman said {name} claimed responsibility for the attack.")
        assert {a.country for a in actors} == {"IMG"}, [(a.name, a.country) for a in actors]


def test_actors_a_language_is_not_the_country() -> None:
    """A country's adjective naming its language, as what is spoken, learnt or held in, is no actor."""
    spoken = actors_of("The nominee speaks Spanish, Russian, and Georgian, and studied Arabic in Cairo.")
    assert {a.country for a in spoken} <= {"EGY", None}
    held = actors_of("The talks were held in English, and the minister is fluent in German.")
    assert not [a for a in held if a.country in ("GBR", "USA", "DEU")]
    acting = actors_of("Russian forces attacked Ukraine, and the Spanish government protested.")
    assert {"RUS", "UKR", "ESP"} <= {a.country for a in acting}


def test_an_institution_named_without_its_country_is_the_storys_country() -> None:
    # The story's country is told by its people and bodies as much as by its name: no sentence
    # here names the United States, and the House and the party are named without a country.
    text = (
        "Nancy Pelosi met Chuck Schumer and Mitch McConnell on Friday. The House of Representatives passed the"
        " bill on Thursday, Pelosi said. The Conservative Party did not comment."
    )
    actors = actors_of(text, "2019-01-05")
    assert actor_named(actors, "The House of Representatives").country == "USA"
    assert actor_named(actors, "The Conservative Party").country is None  # a party is left to its own words


def test_no_institution_takes_a_country_when_the_story_has_two_of_its_branch() -> None:
    text = (
        "Xi Jinping met Joe Biden in Bali. Antony Blinken met Wang Yi. The Interior Ministry said the talks went well."
    )
    assert actor_named(actors_of(text, "2023-05-05"), "Interior Ministry").country is None


def test_an_institution_is_of_the_state_whose_people_of_its_branch_the_story_names() -> None:
    # Two countries, but the legislators are all American: the House is theirs.
    text = (
        "Nancy Pelosi met Xi Jinping and Wang Yi in Beijing. Chuck Schumer met Li Qiang."
        " The House of Representatives passed the bill on Thursday."
    )
    assert actor_named(actors_of(text, "2023-05-05"), "The House of Representatives").country == "USA"


def test_a_lone_house_is_a_legislature_and_a_named_house_is_not() -> None:
    text = "U.S. Senator Ann Reed said the House would vote. Reed added that Chatham House disagreed."
    actors = actors_of(text, "2023-05-05")
    assert (actor_named(actors, "House").country, actor_named(actors, "House").sector) == ("USA", "LEG")
    assert actor_named(actors, "Chatham House").sector != "LEG"


def test_a_state_that_publishes_the_text_is_home_to_the_institutions_it_names() -> None:
    # A White House statement about Ukraine names Ukraine most; "the House" in it is still American.
    text = (
        "Statement on aid to Ukraine\n\nUkraine needs help. Ukraine is fighting. Ukraine will win. Ukraine is brave."
        " Today the House passed the supplemental funding bill for Ukraine."
    )
    doc = load_pipeline()(text)
    published = find_actors(doc, "2022-05-10", outlet="The White House")
    elsewhere = find_actors(doc, "2022-05-10", outlet="Wikinews")
    assert actor_named(list(published), "House").country == "USA"
    assert actor_named(list(elsewhere), "House").country == "UKR"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Her mother, Charlotte Charles, spoke to reporters on Monday.", "Charlotte"),
        ("Jordan Peterson spoke at the conference in Toronto.", "Jordan"),
        ("Chad Smith, a drummer, played in Detroit.", "Chad"),
        ("The city's police chief, Chuck Jordan, spoke to reporters on Monday.", "Jordan"),
        ("On Monday the committee heard from Senator Patty Murray of Washington.", "Murray"),
    ],
)
def test_a_place_that_is_part_of_a_persons_name_is_no_actor(text: str, place: str) -> None:
    assert not [a for a in actors_of(text) if a.kind != "person" and any(m.text == place for m in a.mentions)]


def test_a_place_named_at_the_start_of_a_sentence_after_a_capitalised_word_is_still_a_place() -> None:
    actors = actors_of("Northern Jordan welcomed the return of the refugees.")
    assert any(a.country == "JOR" for a in actors)


def test_a_place_before_a_title_is_still_a_place() -> None:
    actors = actors_of("Georgia Governor Brian Kemp met Jordan's King Abdullah in Amman.")
    assert actor_named(actors, "Jordan").country == "JOR"


def test_a_people_named_by_a_nationality_keeps_its_country() -> None:
    # The parser may tag "Bosnian Serbs" as a person; a plural people is no first name and surname.
    actors = actors_of("Bosnian Serbs demanded a truce with Moslem forces in the east.")
    assert any(a.country == "BIH" for a in actors)


@pytest.mark.parametrize(
    ("sentence", "name", "country", "sector"),
    [
        # a body after "of": its country, and its sector when the person's title gave none
        ("The prince spoke to Helen Marsh of PBS about the killing.", "Helen Marsh", "USA", "MED"),
        ("Tomas Reyes of Boston University said the sample was small.", "Tomas Reyes", "USA", "EDU"),
        ("The next question comes from Priya Nair of Reuters.", "Priya Nair", "GBR", "MED"),
        # a comma between, and the place inside a longer phrase
        ("Karim Zahid, of the Maidan Wardak provincial council, counted the dead.", "Karim Zahid", "AFG", ""),
        ("Ann Lee of the Saudi government said so.", "Ann Lee", "SAU", "GOV"),
        # a place: its country, never the sector of a seat of government ("of Washington")
        ("Laura Pike, of Washington, to be a Member of the Marine Mammal Commission.", "Laura Pike", "USA", ""),
    ],
)
def test_a_person_named_with_of_a_body_or_place_belongs_to_it(
    sentence: str, name: str, country: str, sector: str
) -> None:
    actor = actor_named(actors_of(sentence), name)
    assert (actor.country, actor.sector) == (country, sector)


def test_a_later_mention_of_the_person_belongs_to_the_body_too() -> None:
    actors = actors_of("Helen Marsh of PBS asked the minister. Marsh then left the room.")
    actor = actor_named(actors, "Helen Marsh")
    assert actor.country == "USA" and any(m.text == "Marsh" for m in actor.mentions)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Raymond Holt of Acme Corporation said profits fell.", "Raymond Holt"),  # a body with no country
        ("The wife of Raymond Holt spoke on Monday.", "Raymond Holt"),  # "of" before the name says nothing
    ],
)
def test_of_a_company_or_before_the_name_gives_no_country(sentence: str, name: str) -> None:
    assert actor_named(actors_of(sentence), name).country is None


@pytest.mark.parametrize(
    "text",
    [
        "Tonight, Ellen and I are praying for the families. We will not forget them.",  # coordinated with "I"
        "Our friends showed my husband, Ellen, great kindness. I thank them.",  # in apposition to "my …"
    ],
)
def test_a_person_beside_the_authors_i_or_my_is_of_the_authors_country(text: str) -> None:
    doc = load_pipeline()(text)
    actors = list(find_actors(doc, "2022-05-01", title="Statement by President Biden on the families"))
    assert actor_named(actors, "Ellen").country == "USA"


def test_a_person_beside_someone_elses_pronoun_takes_no_country() -> None:
    doc = load_pipeline()("Ellen and he are praying for the families.")
    actors = list(find_actors(doc, "2022-05-01", title="Statement by President Biden on the families"))
    assert actor_named(actors, "Ellen").country is None


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        # a match that begins with "the" yields to a longer one from the next word
        ("Israel reimposed blockades in the West Bank on Friday.", "Palestine", "PSE"),
        ("The West imposed sanctions on Russia.", "the West", "IGO"),
    ],
)
def test_a_name_after_the_is_read_whole(sentence: str, name: str, country: str) -> None:
    actors = actors_of(sentence)
    assert actor_named(actors, name).country == country
    if name != "the West":
        assert all(a.name != "the West" for a in actors)


@pytest.mark.parametrize(
    ("sentence", "people", "country"),
    [
        ("Thousands of Hong Kongers marched on Sunday.", "Hong Kongers", "HKG"),
        ("New Zealanders voted on Saturday.", "New Zealanders", "NZL"),
        ("Costa Ricans voted on Sunday.", "Costa Ricans", "CRI"),
    ],
)
def test_a_nations_people_named_in_the_plural_are_of_its_country(sentence: str, people: str, country: str) -> None:
    """The dictionaries list the singular ("Hong Konger", "New Zealander", "Costa Rican"); the news names the people."""
    assert actor_named(actors_of(sentence), people).country == country


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Indian Health Service awarded grants to six Tribes.", "Indian Health Service"),
        ("New broadband will reach families in Indian Country.", "Indian Country"),
        ("The Bureau of Indian Affairs signed the agreement.", "Bureau of Indian Affairs"),
    ],
)
def test_us_bodies_and_peoples_named_indian_are_american(sentence: str, name: str) -> None:
    assert actor_named(actors_of(sentence), name).country == "USA"


def test_a_war_named_after_a_country_is_not_a_veterans_nationality() -> None:
    assert (
        actor_named(actors_of("John Smith, a Vietnam War veteran, criticized the plan."), "John Smith").country != "VNM"
    )
    assert (
        actor_named(actors_of("Russian envoy Denis Alipov said the ties are strong."), "Denis Alipov").country == "RUS"
    )


def test_a_capital_in_a_place_phrase_is_neither_a_person_nor_an_organisation() -> None:
    # spaCy's small model reads "Kyiv" here as a PERSON, and as an ORG after "Russia's … attacks in"
    for text in ("Blinken traveled to Kyiv and Warsaw.", "Russia's missile attacks in Kyiv destroyed two stations."):
        assert all(a.name != "Kyiv" for a in actors_of(text))
