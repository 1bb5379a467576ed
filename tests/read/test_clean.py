from __future__ import annotations

import json

import pytest

from detente.read.clean import clean, parse_dateline_date
from detente.read.sources import RawArticle, read_path
from detente.record import Article, Credit

from ..conftest import SHARED, shared_path


def clean_text(body: str, title: str = "Headline", **kw: object) -> Article:
    return clean(RawArticle(text=body, source="<test>", title=title, **kw))  # type: ignore[arg-type]


def seed() -> Article:
    (item,) = list(read_path(str(shared_path("corpus", "seed-india-russia-ties.txt"))))
    assert isinstance(item, RawArticle)
    return clean(item)


def test_clean_seed_article_metadata() -> None:
    article = seed()
    assert article.title == "India-Russia ties ‘under stress’ amid West interference: Envoy"
    assert article.outlet == "Asian Lite News"
    assert article.credits == (
        Credit(agency="ANI", role="wire"),
        Credit(agency="TASS", role="cited"),
        Credit(agency="PTI", role="cited"),
    )
    assert article.dek and article.dek.startswith("Russian envoy said US defence ties with India")
    assert "reports Asian Lite News" not in article.dek


def test_clean_seed_article_removes_clutter_and_lists_it() -> None:
    article = seed()
    assert "mc4wp_form" not in article.text and "ALSO READ" not in article.text and "(ANI)" not in article.text
    reasons = {r.reason: r.text for r in article.removed}
    assert reasons["shortcode"] == '[mc4wp_form id=""]'
    assert reasons["related-link"].startswith("ALSO READ-Pak envoy")
    assert article.text.startswith("Russia on Monday said that ties between New Delhi and Moscow")
    assert article.text.endswith("it was reported.")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ALSO READ-Pak envoy draws flak", "related-link"),
        ("Read more: Lavrov to visit New Delhi", "related-link"),
        ("Related: Zelenskiy asks allies for more air defence", "related-link"),
        ("You may also like: Rupee trade talks stall", "related-link"),
        ("Share this article", "share"),
        ("Follow us on Twitter", "share"),
        ("Subscribe to our newsletter for daily updates", "subscribe"),
        ("Get The Daily Edition by email and never miss our top stories Free Sign Up", "subscribe"),
        ("Advertisement", "footer"),
        ("Our Standards: The Trust Principles.", "footer"),
        ("Comments", "footer"),
    ],
)
def test_clean_removes_clutter_lines_with_their_reason(line: str, reason: str) -> None:
    body = f"The minister arrived in Delhi on Monday.\n\n{line}\n\nThe talks lasted two hours."
    article = clean_text(body)
    assert line not in article.text
    assert [(r.text, r.reason) for r in article.removed] == [(line, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "Related talks between the two sides are expected next month, officials said.",
        "Share prices fell 3 per cent after the announcement.",
        "The [sic] in the statement was the ministry's own.",
        "Comments by the minister drew criticism from the opposition on Tuesday.",
    ],
)
def test_clean_keeps_article_sentences_that_look_like_clutter(line: str) -> None:
    article = clean_text(f"The minister arrived in Delhi on Monday.\n\n{line}")
    assert line in article.text and not article.removed


@pytest.mark.parametrize(
    ("shortcode"), ['[mc4wp_form id=""]', '[td_block_social id="4"]', '[caption id="x" align="left"]', "[/caption]"]
)
def test_clean_removes_cms_shortcodes(shortcode: str) -> None:
    article = clean_text(f"The talks went well.\n\n{shortcode}")
    assert shortcode not in article.text
    assert [(r.text, r.reason) for r in article.removed] == [(shortcode, "shortcode")]


def test_clean_repeated_headline_byline_and_dateline_become_metadata() -> None:
    body = "Talks resume\n\nBy Jane Doe, Staff Writer\n\nThursday, January 26, 2023\n\nThe talks resumed on Thursday."
    article = clean_text(body, title="Talks resume")
    assert article.text == "The talks resumed on Thursday."
    assert article.byline == "Jane Doe" and article.dateline == "Thursday, January 26, 2023"
    assert article.published == "2023-01-26"
    assert [r.reason for r in article.removed] == ["repeated-headline", "byline", "dateline"]


@pytest.mark.parametrize(
    ("lead", "agency", "dateline"),
    [
        ("NEW DELHI, Feb 27 (ANI) - ", "ANI", "NEW DELHI, Feb 27 (ANI)"),
        ("MOSCOW (Reuters) - ", "Reuters", "MOSCOW (Reuters)"),
        ("Washington, March 3 (IANS) — ", "IANS", "Washington, March 3 (IANS)"),
        ("TOKYO, Sept 5 (Kyodo) - ", "Kyodo", "TOKYO, Sept 5 (Kyodo)"),
    ],
)
def test_clean_wire_dateline_opening_the_story(lead: str, agency: str, dateline: str) -> None:
    article = clean_text(lead + "The minister said talks would resume.")
    assert article.text == "The minister said talks would resume."
    assert article.credits == (Credit(agency=agency, role="wire"),)
    assert article.dateline == dateline


@pytest.mark.parametrize(
    ("ending", "agencies"),
    [
        (" (ANI)", ["ANI"]),
        (" (Reuters)", ["Reuters"]),
        (" (With inputs from PTI)", ["PTI"]),
        (" (PTI and IANS)", ["PTI", "IANS"]),
        (" -- Reuters", ["Reuters"]),
    ],
)
def test_clean_wire_credit_closing_a_paragraph(ending: str, agencies: list[str]) -> None:
    article = clean_text("The talks went well." + ending + "\n\nMore talks follow.")
    assert article.text == "The talks went well.\n\nMore talks follow."
    assert [c.agency for c in article.credits] == agencies and {c.role for c in article.credits} == {"wire"}


def test_clean_parenthesised_acronym_that_is_no_agency_stays() -> None:
    article = clean_text("The forum was hosted by the Centre for Global India Insights (CGII)")
    assert article.text.endswith("(CGII)") and not article.credits


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        ("Moscow is open to talks, news agency PTI reported.", "PTI"),
        ("Lavrov will attend, Russian news agency TASS reported citing an official.", "TASS"),
        ("TASS reported citing Deputy Foreign Minister Andrey Rudenko.", "TASS"),
        ("The minister said so, according to Reuters.", "Reuters"),
        ("The official told Xinhua that talks would continue.", "Xinhua"),
        ("Li said China was willing to work with the United States, Xinhua reported.", "Xinhua"),
    ],
)
def test_clean_agencies_cited_in_the_body(sentence: str, agency: str) -> None:
    article = clean_text(sentence)
    assert article.credits == (Credit(agency=agency, role="cited"),)
    assert article.text == sentence


def test_clean_wire_credit_wins_over_cited_for_the_same_agency() -> None:
    article = clean_text("ANI reported that the talks went well. (ANI)")
    assert article.credits == (Credit(agency="ANI", role="wire"),)


def test_clean_dek_naming_its_outlet() -> None:
    body = "Ministers review the agenda…reports Example Times\n\nThe ministers met on Wednesday in Delhi."
    article = clean_text(body)
    assert article.dek == "Ministers review the agenda…" and article.outlet == "Example Times"
    assert article.text == "The ministers met on Wednesday in Delhi."


def test_clean_first_paragraph_that_is_a_sentence_is_not_a_dek() -> None:
    body = "The ministers met on Wednesday.\n\nThey discussed trade."
    article = clean_text(body)
    assert article.dek is None and article.text == body


def test_clean_id_is_the_text_hash_when_the_source_gives_none() -> None:
    a, b = clean_text("Same body."), clean_text("Same body.", title="Other headline")
    assert a.id == b.id and len(a.id) == 16
    assert clean_text("Body.", id="given").id == "given"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Friday, January 4, 2019", "2019-01-04"),
        ("Updated: Feb 27, 2023 10:15 IST", "2023-02-27"),
        ("27 February 2023", "2023-02-27"),
        ("2023-02-27", "2023-02-27"),
    ],
)
def test_clean_dateline_dates_are_parsed(line: str, iso: str) -> None:
    assert parse_dateline_date(line) == iso


# --- the html-news suite: real pages with snippets that must / must not be in the text ---

HTML_SUITE = SHARED / "suites" / "html-news"
HTML_CASES = json.loads((HTML_SUITE / "evaldata_news_subset.json").read_text()) if HTML_SUITE.exists() else []


# Pages we do not get right yet, each with what goes wrong (strict: a fix must remove it).
HTML_KNOWN_MISSES = {
    "scmp.com.playbook.html": "the story is only in JSON-LD articleBody, which inlines two related-link headlines",
    "axios.com.future.html": "trafilatura drops a list item that the snippet needs",
    "dailymail.co.uk.food.html": "a campaign letter boxed inside the story is kept as article text",
}


def html_case(case: dict[str, object]) -> object:
    name = str(case["file"]).removeprefix("html/")
    marks = [pytest.mark.xfail(reason=HTML_KNOWN_MISSES[name], strict=True)] if name in HTML_KNOWN_MISSES else []
    return pytest.param(case, id=name, marks=marks)


@pytest.mark.parametrize("case", [html_case(c) for c in HTML_CASES])
def test_clean_html_news_page_keeps_the_story_and_drops_the_rest(case: dict[str, list[str]]) -> None:
    (item,) = list(read_path(str(HTML_SUITE / str(case["file"]))))
    assert isinstance(item, RawArticle)
    text = clean(item).text
    missing = [s for s in case["with"] if s not in text]
    extra = [s for s in case["without"] if s in text]
    assert (missing, extra) == ([], [])


def test_clean_html_news_suite_is_present() -> None:
    shared_path("suites", "html-news", "evaldata_news_subset.json")
    assert len(HTML_CASES) == 19


# --- no input crashes the cleaning ---------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CLUTTERY = st.sampled_from(["\n", "\n\n", "(ANI)", "[x_y id=1]", "By Jane Doe", "ALSO READ-", "…reports X", "--", " "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=30) | CLUTTERY, max_size=20).map("".join), st.none() | st.text(max_size=20))
def test_clean_never_crashes_and_keeps_offsets_sane(body: str, title: str | None) -> None:
    article = clean(RawArticle(text=body, source="<fuzz>", title=title))
    assert article.text == article.text.strip()
    assert all(r.text for r in article.removed)


@pytest.mark.parametrize(
    ("paragraph", "cleaned"),
    [
        # archive text writes quotation marks as two apostrophes
        ("''We will not wait,'' the mayor said. ''Not again.''", '"We will not wait," the mayor said. "Not again."'),
        # a pair with no partner in its paragraph is a typo, kept as written
        ("The students'' union met on Monday.", "The students'' union met on Monday."),
        ("It's the mayor's plan.", "It's the mayor's plan."),
    ],
)
def test_two_apostrophe_quotation_marks_are_read_as_quotation_marks(paragraph: str, cleaned: str) -> None:
    article = clean(RawArticle(text=f"Illustrative headline\n\n{paragraph}", source="test"))
    assert article.text.splitlines()[-1] == cleaned
