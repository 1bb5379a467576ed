"""The instruments: matching, scores, the gate, and the gate itself over the real gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.evaluation import evaluate, gate
from detente.evaluation.dev import amount_right, background, genre, pair_up
from detente.evaluation.markdown import find_sentence
from detente.evaluation.matching import fold, names_match, quote_opens_with, texts_overlap
from detente.evaluation.scores import Macro, Score

from ..conftest import SHARED, shared_path


@pytest.mark.parametrize(
    ("gold", "system", "same"),
    [
        ("Denis Alipov", "Alipov", True),
        ("United States", "the United States", True),
        ("Recep Tayyip Erdoğan", "Erdogan", True),
        ("Centre for Global India Insights", "CGII", True),
        ("Sergei Lavrov", "Andrey Rudenko", False),
        ("India", "Indian Ocean Commission", False),
        ("Narendra Modi", "Modi", True),
    ],
)
def test_names_match_loosely_but_not_any_overlap(gold: str, system: str, same: bool) -> None:
    assert names_match(gold, system) is same


def test_quote_found_by_opening_words_even_after_that() -> None:
    assert quote_opens_with("that Moscow will soon complete the supplies of the third", "Moscow will soon complete the")
    assert not quote_opens_with("Moscow is open to any serious talks", "Moscow will soon complete the")
    assert quote_opens_with("‘under stress’", "under stress")


def test_texts_overlap_after_folding() -> None:
    assert texts_overlap("on Monday", "Monday")
    assert fold("G2O Foreign Ministers’ meeting") == "g2o foreign ministers meeting"
    assert not texts_overlap("March 1-2", "in September")


def test_score_micro_averages_and_f1() -> None:
    s = Score()
    s.add_sets({1, 2, 3}, {2, 3, 4, 5})
    assert (s.tp, s.fp, s.fn) == (2, 1, 2)
    assert s.precision == pytest.approx(2 / 3) and s.recall == 0.5 and s.f1 == pytest.approx(4 / 7)
    assert Score().f1 == 0.0


def test_macro_averages_articles_alike_whatever_their_size() -> None:
    m = Macro()
    m.add_sets(set(range(100)), set(range(100)))  # 100 events, all right: F1 1
    m.add_sets({"x"}, {"y"})  # one event, wrong: F1 0
    m.add_sets(set(), set())  # nothing to find and nothing found: 1
    m.add_sets({"a", "b"}, {"a"})  # P 0.5, R 1
    assert m.f1 == pytest.approx((1 + 0 + 1 + 2 / 3) / 4)
    assert m.precision == pytest.approx((1 + 0 + 1 + 0.5) / 4)
    assert m.recall == pytest.approx((1 + 0 + 1 + 1) / 4)
    micro = Score()
    micro.add_sets(set(range(100)) | {"x"}, set(range(100)) | {"y"})
    assert micro.f1 > 0.99 > m.f1


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Remarks by President Biden and Prime Minister Kishida Before Bilateral Meeting", "remarks"),
        ("Readout of President Biden’s Call with Chancellor Scholz", "readouts"),
        ("Joint Statement of the Leaders of the Quad", "statements"),
        ("Floods in Kerala kill dozens", "news"),
    ],
)
def test_genre_from_the_title(title: str, kind: str) -> None:
    assert genre({"id": "x", "title": title}) == kind


def test_pair_up_is_one_to_one() -> None:
    pairs, missed, extra = pair_up(["a", "a", "b"], ["a", "c"], lambda g, s: g == s)
    assert pairs == [("a", "a")] and missed == ["a", "b"] and extra == ["c"]


USD_30BN = {"value": 30e9, "unit": "USD"}
THIRD_REGIMENT = {"value": 3, "unit": "regiment"}


@pytest.mark.parametrize(
    ("gold", "value", "unit", "right"),
    [
        (USD_30BN, 30e9, "USD", True),
        (USD_30BN, 30.2e9, "USD", True),
        (USD_30BN, 31e9, "USD", False),
        (USD_30BN, 30e9, "EUR", False),
        (THIRD_REGIMENT, 3, "regiments", True),
        (THIRD_REGIMENT, 3, "troops", False),
    ],
)
def test_amount_right_within_one_percent_and_same_unit(
    gold: dict[str, object], value: float, unit: str, right: bool
) -> None:
    assert amount_right(gold, value, unit) is right


def test_find_sentence_by_its_first_words() -> None:
    text = "First thing. Russia on Monday said that ties are under stress. Last."
    start, end = find_sentence(text, "Russia on Monday said that") or (0, 0)
    assert text[start:end] == " Russia on Monday said that ties are under stress."


@pytest.mark.parametrize(
    ("evidence", "sentence"),
    [
        ("Crowds of 1.7 million marched", "Crowds of 1.7 million marched in the rain."),
        ("President Joseph R. Biden, Jr. met", "President Joseph R. Biden, Jr. met with the U.S. envoy today."),
        ("Then they left", " Then they left."),
    ],
)
def test_find_sentence_past_numbers_initials_and_titles(evidence: str, sentence: str) -> None:
    """The sentence the explanation shows is not cut at "1.", "R.", "Jr." or "U.S."."""
    text = (
        "Crowds of 1.7 million marched in the rain.\n"
        "President Joseph R. Biden, Jr. met with the U.S. envoy today. Then they left."
    )
    start, end = find_sentence(text, evidence) or (0, 0)
    assert text[start:end] == sentence


def test_gate_fails_below_a_floor_and_on_changed_gold() -> None:
    floors = gate.Floors(gold={"a.json": "x"}, floors={"events.triples.f1": 0.5})
    assert gate.check({"events.triples.f1": 0.5}, {"a.json": "x"}, floors) == []
    assert gate.check({"events.triples.f1": 0.49}, {"a.json": "x"}, floors) == [
        "events.triples.f1: 0.4900 is below its floor 0.50"
    ]
    assert gate.check({"events.triples.f1": 0.6}, {"a.json": "y"}, floors) == [
        "gold changed since the floors were pinned: a.json"
    ]


def test_gate_floors_only_move_up(tmp_path: Path) -> None:
    floors = gate.Floors(floors={"m": 0.5, "n": 0.2}, unpinned={"u": "trivial"})
    moved = gate.pin({"m": 0.678, "n": 0.2, "u": 1.0}, {"g": "1"}, floors, "better")
    assert moved == ["m"] and floors.floors == {"m": 0.67, "n": 0.2}
    with pytest.raises(gate.GateError, match="only move up"):
        gate.pin({"m": 0.1, "n": 0.2}, {"g": "1"}, floors, "worse")
    path = tmp_path / "floors.toml"
    gate.save_floors(floors, path)
    again = gate.load_floors(path)
    assert again.floors == floors.floors and again.gold == {"g": "1"} and again.raised[0]["why"] == "better"


def test_quality_gate_holds_on_the_shared_gold() -> None:
    """The gate of `make test`: every pinned floor met, on the very gold it was pinned on."""
    shared_path("gold", "dev")
    evaluation = evaluate(SHARED)
    assert evaluation.skipped == []
    problems = gate.check(evaluation.metrics(), evaluation.digests, gate.load_floors())
    assert problems == [], "\n".join(problems) + "\n(see `make eval`; re-pin with `detente eval --pin --why ...`)"


def test_background_history_is_what_ends_more_than_a_year_before_publication() -> None:
    assert background("2011", "2019-10-08") and background("2018-03-01/2018-03-02", "2019-10-08")
    assert not background("2019-01", "2019-10-08") and not background(None, "2019-10-08")
    assert not background("2011", None)


# An illustrative brat file in PolNeAR's layout, written for this test.
ANN = "\n".join(
    [
        "T1\tSource 0 9\tThe envoy",
        "T2\tCue 10 14\tsaid",
        "T3\tContent 15 40\tthe talks were useful",
        "T4\tAttribution 10 14\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tContent 42 60\tprices will rise",
        "T6\tCue 61 69\tbelieves",
        "T7\tAttribution-no-source 61 69\tbelieves",
        "E2\tAttribution-no-source:T7 Content:T5 Cue:T6",
    ]
)


def test_brat_attributions_join_content_cue_and_source() -> None:
    from detente.evaluation.polnear import is_quotation, read_attributions, speech_forms

    said, believed = read_attributions(ANN)
    assert (said.content, said.cue, said.source) == ("the talks were useful", "said", "The envoy")
    assert said.ranges == ((15, 40),)
    assert (believed.source, believed.cue) == (None, "believes")
    assert is_quotation(said, speech_forms()) and not is_quotation(believed, speech_forms())


def test_plover_record_codes_read_in_detentes_scheme() -> None:
    """The PLOVER records' IGO covers Détente's finer UNO and EUR; CAMEO's own state codes are ISO's."""
    from detente.evaluation.suites import record_codes

    assert record_codes([{"code": "IGO"}]) == {"IGO", "UNO", "EUR"}
    assert record_codes([{"code": "JAP"}, {"code": "SRB"}, {}]) == {"JPN", "SRB"}


def test_polnear_source_with_a_possessive_is_its_owner() -> None:
    from detente.evaluation.polnear import Attribution, speaker_right
    from detente.record import Mention, Quote, Speaker

    said = Speaker(actor="a1", name="Maria Lopez", mention=Mention(0, 5, "Lopez"))
    quote = Quote(text="the budget was tight", start=20, end=40, kind="indirect", speaker=said, cue="claim")
    assert speaker_right(Attribution("the budget was tight", "claim", "Maria Lopez’s"), quote)
    assert speaker_right(Attribution("the budget was tight", "claim", "Lopez's"), quote)
    assert not speaker_right(Attribution("the budget was tight", "claim", "Ortega's"), quote)


def test_polnear_source_and_cue_swapped_by_the_annotation_are_read_back() -> None:
    from detente.evaluation.polnear import Attribution, speaker_right
    from detente.record import Mention, Quote, Speaker

    said = Speaker(actor="a1", name="Maria Lopez", mention=Mention(0, 5, "Lopez"))
    quote = Quote(text="the budget was tight", start=20, end=40, kind="direct", speaker=said, cue="said")
    assert speaker_right(Attribution("the budget was tight", "Lopez", "said"), quote)
    assert not speaker_right(Attribution("the budget was tight", "Ortega", "said"), quote)


# An illustrative article in PolNeAR's layout, written for this test: the headline is in the
# annotated file and not in the coded text, and both statements share most of their words.
ANNOTATED = "Envoy hails talks\nThe envoy said the talks were useful. A critic said the talks were a waste.\n"
CODED = "The envoy said the talks were useful.  A critic said the talks were a waste."


def polnear_case(*said: tuple[str, str]) -> tuple[object, object]:
    """The article with the envoy's statement annotated, coded with a quote for each (speaker,
    words quoted)."""
    from detente.evaluation.polnear import Attribution, PolnearArticle
    from detente.read.sources import RawArticle
    from detente.record import Article, Quote, Record, Speaker

    start = ANNOTATED.index("the talks were useful")
    envoy = Attribution("the talks were useful", "said", "The envoy", ((start, start + 21),))
    article = PolnearArticle("talks", RawArticle(text=CODED, source="talks.txt"), (envoy,), ANNOTATED)
    quotes = tuple(
        Quote(
            text=words,
            start=CODED.index(words),
            end=CODED.index(words) + len(words),
            kind="indirect",
            speaker=Speaker(actor=None, name=name, mention=None),
            cue="said",
        )
        for name, words in said
    )
    return article, Record(article=Article(id="talks", text=CODED), quotes=quotes)


def test_brat_ranges_of_a_discontinuous_span() -> None:
    from detente.evaluation.polnear import brat_ranges

    assert brat_ranges("Content 315 448;463 553") == ((315, 448), (463, 553))


def test_polnear_quotes_find_contents_by_the_words_where_they_stand() -> None:
    """The critic's quote has three of the four words of the envoy's statement, elsewhere: it is
    not the envoy's, and counts against precision; the envoy's own quote is found, its speaker right."""
    from detente.evaluation.polnear import score_polnear

    table, _ = score_polnear([polnear_case(("critic", "the talks were a waste"))])  # type: ignore[list-item]
    assert table.accuracies["found"].correct == 0 and table.accuracies["quote_precision"].correct == 0
    both = polnear_case(("critic", "the talks were a waste"), ("envoy", "the talks were useful"))
    table, _ = score_polnear([both])  # type: ignore[list-item]
    found, speaker, precision = (table.accuracies[k] for k in ("found", "speaker_accuracy", "quote_precision"))
    assert (found.correct, found.total, speaker.correct, precision.correct, precision.total) == (1, 1, 1, 1, 2)
