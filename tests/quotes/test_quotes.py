"""Quotes: each construction, with its speaker, and the textacy cases."""

from __future__ import annotations

import json

import pytest

from detente.actors.resolve import find_actors
from detente.nlp import load_pipeline
from detente.pipeline.extract import extract
from detente.quotes.attribute import find_quotes
from detente.quotes.marks import quote_marks
from detente.quotes.speakers import one_name
from detente.read.sources import RawArticle
from detente.record import Quote, Record

from ..conftest import shared_path


def quotes_of(text: str) -> list[Quote]:
    doc = load_pipeline()(text)
    return list(find_quotes(doc, find_actors(doc, "2023-02-27")))


def said(quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in quotes]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("“Ties are robust,” he said.", ["Ties are robust,"]),
        ("The ‘Gaganyaan’ programme and the country’s plan.", ["Gaganyaan"]),
        (
            "“First paragraph goes on\n“and on in the next,” she said.",
            ["First paragraph goes on\n“and on in the next,"],
        ),
        ("“A quote left open at the end", ["A quote left open at the end"]),
        # a paragraph opened with the closing mark by mistake
        ("Readers wrote.\n”We are tired of this,” one said.", ["We are tired of this,"]),
        # one kind of mark opens, the other closes
        ('“The deal is dead," Lopez said. "We walk away,” she added.', ["The deal is dead,", "We walk away,"]),
        # a straight quotation inside a curly one does not close it
        ('“He said "no" to me and left,” Lopez said.', ['He said "no" to me and left,']),
    ],
)
def test_quote_marks(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in quote_marks(text)] == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian envoy Denis Alipov spoke. “Our relations have always been friendly,” Alipov said, “and robust.”",
            [("direct", "Our relations have always been friendly, and robust.", "Denis Alipov")],
        ),
        (
            "Russian envoy Denis Alipov spoke. “It will be completed in the very near future. "
            "Nothing prevents that,” said Alipov.",
            [("direct", "It will be completed in the very near future. Nothing prevents that,", "Denis Alipov")],
        ),
        (
            "Russian envoy Denis Alipov spoke at the forum.\n\n“We are open to any serious talks,” he added."
            "\n\n“At the moment, there are none.”",
            [
                ("direct", "We are open to any serious talks,", "Denis Alipov"),
                ("direct", "At the moment, there are none.", "Denis Alipov"),
            ],
        ),
        (
            "Russian envoy Denis Alipov said that Moscow is open to any serious talks.",
            [("indirect", "Moscow is open to any serious talks", "Denis Alipov")],
        ),
        (
            "The presidency, according to Prime Minister Narendra Modi, will be inclusive and ambitious.",
            [("indirect", "The presidency, will be inclusive and ambitious", "Narendra Modi")],
        ),
        (
            "Senator John Roe spoke on Fox News, “This is going to lead to a disaster.”",
            [("direct", "This is going to lead to a disaster.", "John Roe")],
        ),
        (
            "Burton thinks that cats are “cuties”.",
            [],
        ),
        # a clause the parser hangs on the verb of saying as an adverbial one is still what was said
        (
            "Tom Reyes said after the meeting he would not sign the contract.",
            [("indirect", "he would not sign the contract", "Tom Reyes")],
        ),
        (
            "Tom Reyes wrote late on Friday night that the contract was “unfair” and “a trap” for the town.",
            [("indirect", "the contract was “unfair” and “a trap” for the town", "Tom Reyes")],
        ),
        # a clause subordinated by another word is not
        ("Tom Reyes said it again when the meeting ended.", []),
        # a phrase of a few words quoted inside reported speech is the report's, not a quote of its own
        (
            "Senator Anna Lee said the plan was “a disaster” for farmers.",
            [("indirect", "the plan was “a disaster” for farmers", "Anna Lee")],
        ),
        # a longer passage quoted inside it stays a quote (and wins over a report that is mostly its words)
        (
            "Senator Anna Lee said the plan had “clear and lasting benefits for every farmer” in the state.",
            [("direct", "clear and lasting benefits for every farmer", "Anna Lee")],
        ),
        # the clause said runs to its last word, also one the parser hangs on a word before its head
        (
            "Maria Ortiz later said she suspected the driver was under the influence of alcohol — something "
            "a witness also told the police before officers arrived.",
            [
                (
                    "indirect",
                    "she suspected the driver was under the influence of alcohol — something a witness also told "
                    "the police before officers arrived",
                    "Maria Ortiz",
                )
            ],
        ),
        # a finding of a body or a document is what it says
        (
            "The Supreme Court of Freedonia found that the suspension of parliament was unlawful.",
            [("indirect", "the suspension of parliament was unlawful", "Supreme Court of Freedonia")],
        ),
        (
            "A report by Amnesty International concluded that the police had used excessive force.",
            [("indirect", "the police had used excessive force", "Amnesty International")],
        ),
        # a quote resumed after its attribution set off as a sentence is one quote
        (
            "“Budgets are tight this year,” said Maria Lopez, a council member. “We will have to choose.”",
            [("direct", "Budgets are tight this year, We will have to choose.", "Maria Lopez")],
        ),
        # also when the attribution ends its sentence with the verb
        (
            "“The river rose faster than anyone expected,” Tom Reyes said. “We lost the lower fields in an hour.”",
            [
                (
                    "direct",
                    "The river rose faster than anyone expected, We lost the lower fields in an hour.",
                    "Tom Reyes",
                )
            ],
        ),
        # what the attribution itself reports stays a quote of its own
        (
            "“We cannot wait any longer,” Priya Patel said, stressing that the funds were needed now. "
            "“Every week costs lives.”",
            [
                ("direct", "We cannot wait any longer, Every week costs lives.", "Priya Patel"),
                ("indirect", "the funds were needed now", "Priya Patel"),
            ],
        ),
        # a phrase quoted inside a later sentence of narrative is not the last speaker's
        (
            "“The dam will hold,” Tom Reyes said. Engineers later rebuilt the wall with “temporary” concrete.",
            [("direct", "The dam will hold,", "Tom Reyes")],
        ),
        # a quote that has its own attribution is not the first one's
        (
            "“I am not worried,” Grant said. “The plan will pass,” Hill replied.",
            [("direct", "I am not worried,", "Grant"), ("direct", "The plan will pass,", "Hill")],
        ),
        # a long attribution sentence between the halves, a participle of the same speaker in it,
        # still joins them; what the participle reports is a quote of its own
        (
            "“You can’t change what you don’t know,” Ava Moreno said, explaining why she had spent four "
            "years reading the archives of the county court. “The history matters more than anything.”",
            [
                (
                    "direct",
                    "You can’t change what you don’t know, The history matters more than anything.",
                    "Ava Moreno",
                ),
                ("indirect", "why she had spent four years reading the archives of the county court", "Ava Moreno"),
            ],
        ),
        # a sentence of narrative after the attribution: a second quote, the speaker going on
        (
            "“You can’t change what you don’t know,” Ava Moreno said, explaining why she had spent four "
            "years in the archives. The court closed in May. “The history matters more than anything.”",
            [
                ("direct", "You can’t change what you don’t know,", "Ava Moreno"),
                ("indirect", "why she had spent four years in the archives", "Ava Moreno"),
                ("direct", "The history matters more than anything.", "Ava Moreno"),
            ],
        ),
        # what frames the attribution is not what was said before it
        ("When the council cut the budget two years later, the mayor said enough.", []),
        ("In Lagos last week, she told reporters nothing new.", []),
        (
            "Prices rose sharply in May, Jane Okafor said on Tuesday.",
            [("indirect", "Prices rose sharply in May", "Jane Okafor")],
        ),
        # an attribution set off by commas inside its sentence: what was said goes on after it
        (
            "The mill was the town's largest employer, Jane Okafor said, until it closed in 2004.",
            [("indirect", "The mill was the town's largest employer until it closed in 2004", "Jane Okafor")],
        ),
        (
            "Winds over the lake slowed the crossing, Tom Reyes said, adding that the boat held up well.",
            [
                ("indirect", "Winds over the lake slowed the crossing", "Tom Reyes"),
                ("indirect", "the boat held up well", "Tom Reyes"),
            ],
        ),
        (
            "Even if the harvest fails, Tom Reyes said on Monday, the cooperative will pay its members.",
            [("indirect", "Even if the harvest fails the cooperative will pay its members", "Tom Reyes")],
        ),
        # a question a named subject put, reported as a clause, is what they said; not a question
        # put to the speaker, nor one in its own words
        (
            "Senator Tom Reyes asked whether the agency could pay for the program.",
            [("indirect", "whether the agency could pay for the program", "Tom Reyes")],
        ),
        (
            "Asked whether he would run again, Tom Reyes said he had not decided.",
            [("indirect", "he had not decided", "Tom Reyes")],
        ),
        (
            "Tom Reyes asked: when will the bridge open?",
            [],
        ),
        # the subject of what was said, however short, before the attribution set off by commas
        (
            "The bridge, Tom Reyes said, carried twice the traffic it was built for.",
            [("indirect", "The bridge carried twice the traffic it was built for", "Tom Reyes")],
        ),
        # a lone "Now," or "You know," only leads into the attribution; a clause after the verb is of
        # what was said, not the time of saying
        (
            "Now, Republicans are saying if taxes rise, they will vote against the bill.",
            [("indirect", "if taxes rise, they will vote against the bill", "Republicans")],
        ),
        (
            "In the Senate, Republicans are saying if taxes rise, they will vote against the bill.",
            [("indirect", "if taxes rise, they will vote against the bill", "Republicans")],
        ),
        # a group named with a capital is still a group of the people named before
        (
            "President Joe Biden met President Abdel Fattah Al Sisi in Jeddah.\n\nBoth Presidents expressed "
            "their commitment to furthering bilateral economic cooperation.",
            [
                ("indirect", "their commitment to furthering bilateral economic cooperation", "Joe Biden"),
                ("indirect", "their commitment to furthering bilateral economic cooperation", "Abdel Fattah Al Sisi"),
            ],
        ),
        # a participle of saying between two quotes starts a second quote of the same speaker
        (
            'Bank president Tunde Ade said the fees "cost the region $5 billion a year," further saying, '
            '"Beyond that, they slow trade."',
            [
                ("direct", "cost the region $5 billion a year,", "Tunde Ade"),
                ("direct", "Beyond that, they slow trade.", "Tunde Ade"),
            ],
        ),
        # "as" with a verb of saying, opening a clause, says that clause again
        (
            "As Dana Reyes has said before, the port will not close.",
            [("indirect", "the port will not close", "Dana Reyes")],
        ),
        (
            "And as Dana Reyes noted on Monday, the vote was close.",
            [("indirect", "the vote was close", "Dana Reyes")],
        ),
        # not after what it refers to, nor in the middle of a clause, nor what someone would say
        ("The crowd chanted the slogan, as Dana Reyes said before the vote.", []),
        ("She was born in Ohio and later, as Dana Reyes said, moved to Texas.", []),
        ("As the auditors will tell you, the accounts are a mess.", []),
        # discovery in speech, a question, a predicate alone: no finding
        ("You will find your pension plan is going to be cut next year.", []),
        ("The inspectors will determine whether the dam is safe.", []),
        ("The jury found him guilty of fraud on Monday.", []),
        # a place after a person's affiliation locates it: the person speaks, though the parser
        # makes the place the subject
        (
            'Jo Anne Val Tilburg of the University of California, Los Angeles disagreed: "The seeps are well known."',
            [("direct", "The seeps are well known.", "Jo Anne Val Tilburg")],
        ),
    ],
)
def test_quotes_with_their_speakers(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert said(quotes_of(text)) == expected


def test_agency_citing_an_official_reports_the_quote() -> None:
    text = (
        "Foreign Minister Sergei Lavrov will attend the meeting in New Delhi from March 1-2, "
        "Russian news agency TASS reported citing Deputy Foreign Minister Andrey Rudenko."
    )
    doc = load_pipeline()(text)
    actors = find_actors(doc, "2023-02-27")
    (quote,) = find_quotes(doc, actors)
    tass = next(a for a in actors if a.name == "TASS")
    assert quote.speaker is not None and quote.speaker.name == "Andrey Rudenko"
    assert quote.reported_by == tass.id and quote.cue == "reported"
    assert quote.text.startswith("Foreign Minister Sergei Lavrov will attend")


def test_joint_speakers_give_one_quote_each() -> None:
    text = "Jake Sullivan and Nikolay Patrushev agreed that mutually acceptable solutions could be found."
    assert [q.speaker.name for q in quotes_of(text) if q.speaker] == ["Jake Sullivan", "Nikolay Patrushev"]


def test_transcript_turns_are_quotes_by_their_speaker() -> None:
    text = "President Joe Biden took questions.\n\nPRESIDENT BIDEN: We will act firmly.\n\nQ Will you meet him?"
    quotes = quotes_of(text)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("We will act firmly.", "Joe Biden"),
        ("Will you meet him?", "Q"),
    ]


def test_a_transcript_quoted_in_a_story_gives_its_turns() -> None:
    # each paragraph of a long quotation opens with a mark; a label may follow it
    text = (
        "Senator Jane Roe spoke on the radio on Sunday. Partial transcript as follows:\n\n"
        '"HOST: Will you vote for the farm bill next week?\n\n'
        '"ROE: No. The bill fails the farmers of my state, and I will say so on the floor.'
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("Will you vote for the farm bill next week?", "Host"),
        ("No. The bill fails the farmers of my state, and I will say so on the floor.", "Jane Roe"),
    ]


def test_seed_article_quotes() -> None:
    text = shared_path("corpus", "seed-india-russia-ties.txt").read_text()
    quotes = extract(text, published="2023-02-27").quotes
    open_to_talks = next(q for q in quotes if q.text.startswith("As my foreign minister says"))
    near_future = next(q for q in quotes if q.text.startswith("It will be completed in the very near future"))
    assert open_to_talks.speaker and open_to_talks.speaker.name == "Denis Alipov"
    assert near_future.speaker and near_future.speaker.name == "Denis Alipov"
    lavrov_visit = next(q for q in quotes if "Lavrov will be taking part" in q.text)
    assert lavrov_visit.speaker and lavrov_visit.speaker.name == "Andrey Rudenko"
    assert lavrov_visit.reported_by is not None
    # "The Russian envoy also described his country's defence ties … as 'unprecedented', it was
    # reported": describing is saying, so the description is the envoy's, and nothing is unattributed
    described = next(q for q in quotes if q.text.startswith("his country’s defence ties with India as"))
    assert described.speaker and described.speaker.name == "Denis Alipov"
    assert [q.text[:40] for q in quotes if q.speaker is None] == []


def textacy_cases() -> list[dict[str, object]]:
    path = shared_path("suites", "quotes", "textacy-direct-quotations.jsonl")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_textacy_cases_pass_except_those_explained() -> None:
    """Every active case passes, the two Spanish ones by the inverted attribution read without a
    parse ("“…”, dijo Burtón."); the case disabled upstream needs a compound speaker after an
    inverted verb given as one speaker ("reply Burton and Nick"), where Détente gives one quote each."""
    from detente.evaluation.suites import textacy_case_passes

    def coded(text: str) -> Record:
        return extract(RawArticle(text=text, source="textacy", extracted=True, language="en"))

    failing = [c["text"] for c in textacy_cases() if not textacy_case_passes(c, coded(str(c["text"])))]
    explained = [c["text"] for c in textacy_cases() if str(c["status"]).startswith("disabled")]
    assert sorted(failing) == sorted(explained)


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("“Nos encantan los acuerdos”, dijo Ramírez.", "dijo", "Ramírez"),
        ("«Nos encantan los acuerdos», afirmó Ramírez.", "afirmó", "Ramírez"),
        ("“We are ready,” said Ramirez.", "said", "Ramirez"),
    ],
)
def test_an_inverted_attribution_after_a_quote(text: str, cue: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.cue, quote.speaker.mention.text if quote.speaker and quote.speaker.mention else None) == (
        cue,
        speaker,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a statement's content, parsed as the participle's object: the statement's author says it
        # (the parser hangs "produced no casualties" on "released", so the quote is the object only)
        (
            "On Friday, the Joint Task Force Northern Shield released a statement saying an attack that day"
            " on a base near Kirkuk produced no casualties.",
            ("indirect", "an attack that day on a base near Kirkuk", "Joint Task Force Northern Shield"),
        ),
        # the person told, with the clause hung on them by the parser
        (
            "Jane Roe informed the police she had diplomatic immunity.",
            ("indirect", "she had diplomatic immunity", "Jane Roe"),
        ),
        # a title before the name: the person, not the title
        (
            "Former US Ambassador to the United Nations Nikki Haley wrote, “We must always back our allies.”",
            ("direct", "We must always back our allies.", "Nikki Haley"),
        ),
        (
            "Niger's president Mahamadou Issoufou said, “Nigeria is the region's biggest economy.”",
            ("direct", "Nigeria is the region's biggest economy.", "Mahamadou Issoufou"),
        ),
    ],
)
def test_speakers_of_statements_told_clauses_and_titled_names(text: str, expected: tuple[str, str, str]) -> None:
    kind, content, speaker = expected
    found = [(q.kind, q.text, q.speaker) for q in quotes_of(text)]
    assert any(k == kind and t == content and s is not None and speaker in (s.name or "") for k, t, s in found), found


def test_the_statement_read_out_is_its_authors() -> None:
    text = (
        "The Joint Task Force Northern Shield released a statement on Friday. "
        "“No troops were injured,” read the statement; “we will not be deterred.”"
    )
    speakers = {q.text: q.speaker.name if q.speaker else None for q in quotes_of(text) if q.kind == "direct"}
    assert all(name is not None and "Joint Task Force" in name for name in speakers.values()), speakers


def test_a_quote_within_a_quote_is_the_quoted_persons() -> None:
    text = "Russian envoy Denis Alipov spoke. “As my foreign minister says that we are open to any proposal,” he said."
    found = quotes_of(text)
    quotes = said(found)
    inner = next(q for q in found if q.text == "we are open to any proposal")
    # the minister is not named in the text: a title is no name (GUIDE), the words that say who it is are kept
    assert inner.speaker is not None and inner.speaker.name is None
    assert inner.speaker.mention is not None and inner.speaker.mention.text == "my foreign minister"
    assert any(kind == "direct" and speaker == "Denis Alipov" for kind, _, speaker in quotes)


def test_the_president_is_the_person_titled_president() -> None:
    text = (
        "President Joe Biden spoke today with Prime Minister Narendra Modi of India. "
        "The President noted that democratic values are the bedrock of the relationship."
    )
    quotes = said(quotes_of(text))
    assert ("indirect", "democratic values are the bedrock of the relationship", "Joe Biden") in quotes


def test_a_stance_verbs_object_is_what_the_subject_said() -> None:
    """Readouts: "The President reaffirmed his support for …" reports speech without a clause."""
    from detente.pipeline.extract import extract

    text = (
        "Readout\n\nPresident Biden spoke with Chancellor Scholz of Germany. President Biden reaffirmed "
        "his strong support for the alliance. He urged Chancellor Scholz to expand energy cooperation."
    )
    quotes = [(q.text, q.speaker.name if q.speaker else None, q.kind) for q in extract(text).quotes]
    assert ("his strong support for the alliance", "Joe Biden", "indirect") in quotes
    assert ("Chancellor Scholz to expand energy cooperation", "Joe Biden", "indirect") in quotes


def test_they_of_a_call_with_three_leaders_is_each_of_them() -> None:
    from detente.pipeline.extract import extract

    text = (
        "Readout\n\nPresident Biden spoke today with European leaders. They reiterated their support "
        "for Moldova.\n\nParticipants in the call included President Emmanuel Macron of France, "
        "Chancellor Olaf Scholz of Germany and Prime Minister Mario Draghi of Italy."
    )
    said = {q.speaker.name for q in extract(text).quotes if q.text.startswith("their support") and q.speaker}
    assert said == {"Joe Biden", "Emmanuel Macron", "Olaf Scholz", "Mario Draghi"}


def test_a_name_set_off_by_commas_before_a_subjectless_verb_of_saying_is_its_speaker() -> None:
    from detente.pipeline.extract import extract

    text = (
        "Head\n\nSpeaking to reporters, the president of the Arnor Rights League, Jamel Okonkwo, said, "
        '"We are for the freedom to dress, but we understand this decision."'
    )
    (quote,) = extract(text, published="2019-07-08").quotes
    assert quote.speaker is not None and quote.speaker.name.endswith("Okonkwo")


def test_each_person_of_a_calls_company_speaks_even_two_of_one_body() -> None:
    from detente.pipeline.extract import extract

    text = (
        "Readout\n\nPresident Biden spoke today with European leaders. They reiterated their support "
        "for Moldova.\n\nParticipants in the call included European Commission President Ursula von der "
        "Leyen, European Council President Charles Michel, President Emmanuel Macron of France and "
        "Chancellor Olaf Scholz of Germany."
    )
    said = {q.speaker.name for q in extract(text).quotes if q.text.startswith("their support") and q.speaker}
    assert {"Ursula von der Leyen", "Charles Michel", "Emmanuel Macron", "Olaf Scholz"} <= said


def test_accusations_and_appeals_report_what_was_said() -> None:
    from detente.pipeline.extract import extract

    text = (
        "Head\n\nFormer prime minister John Major accused Johnson of misleading the Queen. "
        "Hatice Cengiz called for the killers to be brought to justice."
    )
    quotes = {(q.speaker.name if q.speaker else None, q.text) for q in extract(text, published="2019-09-24").quotes}
    assert any(s and s.endswith("Major") and t.startswith("Johnson of misleading") for s, t in quotes), quotes
    assert any(s and s.endswith("Cengiz") and t.startswith("the killers to be brought") for s, t in quotes), quotes


def test_a_transcript_speakers_own_we_is_that_speaker_alone() -> None:
    from detente.pipeline.extract import extract

    text = (
        "Remarks by President Biden and Prime Minister Modi of India Before Bilateral Meeting\n\n"
        "PRESIDENT BIDEN:  Welcome, Mr. Prime Minister.\n\n"
        "PRIME MINISTER MODI:  Thank you.\n\n"
        "We instantly condemned the killings and have emphasized the importance of peace.\n"
    )
    said = [q.speaker.name for q in extract(text, published="2022-04-11").quotes if q.text.startswith("the importance")]
    assert said == ["Narendra Modi"]


def test_a_split_quotes_attribution_in_a_sentence_of_its_own_gives_its_speaker() -> None:
    # The attribution between the halves lies in the middle sentence: neither the first
    # sentence of the quote nor its last.
    text = (
        '"We will hold the line on wages. Nobody should doubt it. Our members are ready," Maria Lopez said,'
        ' adding a warning, "Any employer who tries to cut pay will face a strike. We mean it."'
    )
    quotes = quotes_of(text)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in quotes] == [("direct", "Maria Lopez")]
    assert quotes[0].text.startswith("We will hold the line") and quotes[0].text.endswith("We mean it.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The parser ends the quote's sentence at its "?" or "!": the attribution is the next one.
        (
            "“Does anybody here know what the plan of the party is?” Tom Walsh asked. “Neither do I.”",
            ("Does anybody here know what the plan of the party is?", "Tom Walsh"),
        ),
        (
            "“We will win this strike in the end!” Maria Lopez told reporters.",
            ("We will win this strike in the end!", "Maria Lopez"),
        ),
    ],
)
def test_an_attribution_after_a_question_or_exclamation_is_the_quotes(text: str, expected: tuple[str, str]) -> None:
    quotes = quotes_of(text)
    assert (quotes[0].text, quotes[0].speaker.name if quotes[0].speaker else None) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The next sentence says something of its own, or introduces the next quote.
        "“Is this really the end of the road for us?” Tom Walsh said he would ask again on Monday.",
        "“Is this really the end of the road for us?” Tom Walsh said, “We have to know by Monday.”",
    ],
)
def test_a_sentence_of_its_own_after_a_question_does_not_attribute_it(text: str) -> None:
    first = quotes_of(text)[0]
    assert first.text.startswith("Is this") and first.speaker is None


def test_a_finding_is_read_from_its_own_clause_not_from_one_before_it() -> None:
    text = (
        "The ministry first denied that the prisoner had died, however, a report by Amnesty International"
        " later concluded that he died in custody."
    )
    found = [q for q in quotes_of(text) if q.cue == "concluded"]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in found] == [
        ("he died in custody", "Amnesty International")
    ]


def test_a_name_joined_to_a_bodys_of_phrase_is_part_of_its_name() -> None:
    # The parse the parser gives "The High Court of Ruritania and Freedonia ruled": "Freedonia"
    # joined to "Court", not to "Ruritania".
    from spacy.tokens import Doc

    words = ["The", "High", "Court", "of", "Ruritania", "and", "Freedonia", "ruled"]
    doc = Doc(
        load_pipeline().vocab,
        words=words,
        heads=[2, 2, 7, 2, 3, 2, 2, 7],
        deps=["det", "compound", "nsubj", "prep", "pobj", "cc", "conj", "ROOT"],
        pos=["DET", "PROPN", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB"],
        ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O"],
    )
    assert one_name(doc[2], doc[6])
    # two people joined are two speakers
    people = Doc(
        load_pipeline().vocab,
        words=["Sullivan", "and", "Patrushev", "agreed"],
        heads=[3, 0, 0, 3],
        deps=["nsubj", "cc", "conj", "ROOT"],
        pos=["PROPN", "CCONJ", "PROPN", "VERB"],
        ents=["B-PERSON", "O", "B-PERSON", "O"],
    )
    assert not one_name(people[0], people[2])


def test_a_group_that_names_its_members_does_not_refer_back() -> None:
    text = (
        "Jake Sullivan met Nikolai Patrushev in Geneva. The foreign ministers of Egypt and Greece said that the"
        " maritime deal was illegal."
    )
    speakers = [q.speaker.name if q.speaker else None for q in quotes_of(text)]
    assert "Jake Sullivan" not in speakers and "Nikolai Patrushev" not in speakers


def test_this_court_inside_the_courts_own_quote_is_the_court() -> None:
    text = '"This Court has already concluded that the decree was unlawful and void," the court said in its ruling.'
    assert [q.kind for q in quotes_of(text)] == ["direct"]


def test_a_clause_hung_on_a_finding_verb_from_further_on_is_not_its_finding() -> None:
    text = (
        "The new video concludes with a clip of Mayor Tom Walsh saying at a rally, “That makes our city safer,”"
        " when reporters asked him about the cuts."
    )
    assert [q.text for q in quotes_of(text) if q.kind == "indirect"] == []


@pytest.mark.parametrize("verb", ["complained", "countered", "testified", "assured reporters"])
def test_verbs_of_reporting_a_stance_report_what_was_said(verb: str) -> None:
    text = f"Maria Lopez {verb} that the new rules would cut the pay of night workers."
    assert said(quotes_of(text)) == [("indirect", "the new rules would cut the pay of night workers", "Maria Lopez")]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (  # the parser joins the two clauses: the reporting verb is not the root
            "The device was left in a parked van near the market, stated Interior Minister Karim Haddad, and was"
            " set off by a timer.",
            "The device was left in a parked van near the market",
            "Karim Haddad",
        ),
        (
            "The tribunal has no say over such choices, argued the state's attorney, Martin Hale.",
            "The tribunal has no say over such choices",
            "Martin Hale",
        ),
    ],
)
def test_a_verb_of_saying_before_its_subject_after_the_clause_it_reports(text: str, content: str, speaker: str) -> None:
    assert said(quotes_of(text)) == [("indirect", content, speaker)]


def test_a_second_verb_of_the_same_subject_is_no_inversion() -> None:
    quotes = quotes_of("The envoy raised the killing of the reporter, described the new measures and left.")
    assert all(q.speaker is None or q.speaker.name != "measures" for q in quotes)
    assert not any(q.text.startswith("The envoy raised") for q in quotes)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Senator Maria Lopez defended the plan on Tuesday by saying that it would create jobs.",
            "it would create jobs",
            "Maria Lopez",
        ),
        (  # the subject is the first of the joined verbs'
            "Maria Lopez appeared on the evening news and began by saying she would vote against the bill.",
            "she would vote against the bill",
            "Maria Lopez",
        ),
        (
            "Maria Lopez was criticised for saying that the strike had been planned abroad.",
            "the strike had been planned abroad",
            "Maria Lopez",
        ),
    ],
)
def test_a_gerund_of_saying_after_a_preposition_is_said_by_the_subject_it_qualifies(
    text: str, content: str, speaker: str
) -> None:
    assert said(quotes_of(text)) == [("indirect", content, speaker)]


def test_a_gerund_of_saying_qualifying_a_noun_has_no_subject_to_borrow() -> None:
    quotes = quotes_of("Maria Lopez mocked the mayor's habit of saying that the budget is a moral document.")
    assert [q.speaker.name if q.speaker else None for q in quotes] == [None]


def test_they_is_the_group_named_as_a_subject_just_before() -> None:
    text = (
        "Senators Ann Reyes and Tom Beck wrote to the agency on Monday. The program has expanded far beyond its"
        " purpose, they said."
    )
    quotes = [q for q in quotes_of(text) if q.text.startswith("The program")]
    assert {q.speaker.name for q in quotes if q.speaker} == {"Ann Reyes", "Tom Beck"}
    assert {q.speaker.mention.text for q in quotes if q.speaker and q.speaker.mention} == {"they"}


def test_they_in_news_of_one_country_is_not_the_first_two_people_named() -> None:
    text = (
        "Governor Ann Reyes signed the budget on Monday. Mayor Tom Beck welcomed it. Teachers at the rally"
        " were less pleased. They said that the money would not reach the schools."
    )
    (quote,) = [q for q in quotes_of(text) if q.text.startswith("the money")]
    assert quote.speaker is not None and quote.speaker.name not in ("Ann Reyes", "Tom Beck")


def test_a_bare_plural_of_officials_does_not_refer_back() -> None:
    text = (
        "President Biden met Prime Minister Kishida in Tokyo. Officials at the trade agency said they were"
        " concerned about the tariffs."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker is not None and quote.speaker.name not in ("Joe Biden", "Fumio Kishida")


def test_they_of_a_meeting_of_two_leaders_is_each_of_them() -> None:
    text = "President Biden met Prime Minister Kishida in Tokyo. They agreed that the alliance must grow stronger."
    quotes = quotes_of(text)
    assert {q.speaker.name for q in quotes if q.speaker} == {"Joe Biden", "Fumio Kishida"}


def test_a_short_quoted_word_that_ends_a_report_belongs_to_it() -> None:
    quotes = quotes_of("The fact-checkers ruled on Friday that the senator's claim was “true.”")
    assert [q.kind for q in quotes] == ["indirect"]


def test_a_name_the_parser_hangs_on_another_name_does_not_replace_it() -> None:
    text = (
        "President Biden and Prime Minister Modi met in Tokyo. They expressed pride in the growing strength of"
        " their partnership."
    )
    assert {q.speaker.name for q in quotes_of(text) if q.speaker} == {"Joe Biden", "Narendra Modi"}


def test_the_speaker_of_a_quote_is_in_no_quotation() -> None:
    """As the parser sometimes reads "“…: We will win,” Chief Ana Lopez said": "said" joined to the
    quote's verb, whose subject "We" is inside the quote."""
    from spacy.tokens import Doc

    from detente.quotes.marks import speaker_outside
    from detente.quotes.speakers import FoundQuote

    words = ["“", "We", "will", "win", ",", "”", "Chief", "Ana", "Lopez", "said", "."]
    doc = Doc(
        load_pipeline().vocab,
        words=words,
        spaces=[False, True, True, False, False, True, True, True, True, False, False],
        heads=[3, 3, 3, 3, 3, 3, 3, 8, 6, 3, 3],
        deps=["punct", "nsubj", "aux", "ROOT", "punct", "punct", "dep", "compound", "appos", "conj", "punct"],
        pos=["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        tags=["``", "PRP", "MD", "VB", ",", "''", "NNP", "NNP", "NNP", "VBD", "."],
        lemmas=["“", "we", "will", "win", ",", "”", "Chief", "Ana", "Lopez", "say", "."],
        sent_starts=[True] + [False] * 10,
    )
    quote = FoundQuote(doc[1].idx, doc[5].idx, doc[1:5].text, "direct")
    assert speaker_outside(doc[9], quote, []).text == "Chief Ana Lopez"
    assert speaker_outside(doc[9], FoundQuote(0, 0, "", "direct"), []).text == "We"  # no quote around it


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator said that claim was absurd.", "that claim was absurd"),
        ("The lawyer said that was not the view of her client.", "that was not the view of her client"),
        ("The minister said that the plan would never pass the senate.", "the plan would never pass the senate"),
        ("The nurse told me that patients were waiting for hours.", "patients were waiting for hours"),
    ],
)
def test_that_is_a_word_of_the_clause_said_only_as_its_determiner_or_subject(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


def test_a_that_clause_the_parser_hangs_on_the_person_told_is_what_was_told() -> None:
    text = "Last week she told a meeting of island leaders that few people understood the danger better than they did."
    assert [q.text for q in quotes_of(text)] == ["few people understood the danger better than they did"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Maria Lopez asked the committee to release the files by Friday.",
            "the committee to release the files by Friday",
        ),
        (
            "Maria Lopez told her advisers to find a way around the senate.",
            "her advisers to find a way around the senate",
        ),
    ],
)
def test_asking_or_telling_someone_to_act_reports_a_request(text: str, content: str) -> None:
    assert said(quotes_of(text)) == [("indirect", content, "Maria Lopez")]


def test_a_question_asked_is_reported_as_asked_not_as_a_request() -> None:
    """ "ask" with no object and infinitive reports the question put, in its words (until session 20
    it was no quote at all)."""
    assert said(quotes_of("Maria Lopez asked whether the talks would go ahead.")) == [
        ("indirect", "whether the talks would go ahead", "Maria Lopez")
    ]
