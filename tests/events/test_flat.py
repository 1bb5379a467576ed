"""PETRARCH-1 flat patterns: adjacency, multi-word synset members, source and target marks."""

from __future__ import annotations

from detente.events.flat import flat_match, read_flat
from detente.nlp import load_pipeline

SYNSETS = (("&NEGAUX", frozenset({"DID N'T", "WILL NOT", "REALLY DID NOT"})), ("&TIES", frozenset({"ECONOMIC"})))


def match(pattern: str, sentence: str, verb: str):  # type: ignore[no-untyped-def]
    flat = read_flat(pattern, SYNSETS)
    assert flat is not None
    doc = load_pipeline()(sentence)
    token = next(t for t in doc if t.text == verb)
    return doc, flat_match(doc, token, flat)


def test_words_after_the_verb_in_order_with_gaps_and_adjacency() -> None:
    assert match("* OVER EFFORTS", "Bree will clash bitterly over the efforts of Eriador.", "clash")[1] is not None
    assert match("* EFFORTS OVER", "Bree will clash bitterly over the efforts of Eriador.", "clash")[1] is None
    # "_" joins words that must be adjacent
    assert match("* MEMOS_ON_&TIES", "Bree welcomed memos on economic issues.", "welcomed")[1] is not None
    assert match("* MEMOS_ON_&TIES", "Bree welcomed memos, not on economic issues.", "welcomed")[1] is None


def test_a_multi_word_synset_member_before_the_verb_and_its_negation() -> None:
    doc, found = match("&NEGAUX * OVER EFFORTS", "Bree didn't clash over the efforts of Eriador.", "clash")
    assert found is not None and found.negates(doc)
    # "WAS_ *": the word right before the verb
    assert match("+ WAS_ *", "Eriador was shot.", "shot")[1] is not None
    assert match("+ WAS_ *", "Eriador was then shot.", "shot")[1] is None


def test_marks_point_where_source_and_target_are() -> None:
    _doc, found = match("+ WAS_ * DEAD IN $", "An Eriadorian was shot dead in Osgiliath on Monday.", "shot")
    assert found is not None
    assert found.marks["+"] == (2, -1)  # the target: looked for backwards from "was" (token 2)
    assert found.marks["$"] == (6, 1)  # the source: looked for forwards from the word after "in"
    # an unknown synset never matches
    assert read_flat("* &NOSUCH", SYNSETS) is None


def test_synset_members_of_several_words_are_read_whole() -> None:
    from detente.events.verbs import read_verbs

    lines = ["&NEGAUX", "+DID N'T   # a contraction", "+WILL NOT", "+CURRENCY_"]
    verbs = read_verbs([*lines, "--- CLASH [223] ---", "CLASH"])
    assert verbs.synsets["&NEGAUX"] == frozenset({"DID N'T", "WILL NOT", "CURRENCY"})


def test_a_synset_joined_to_a_word_is_read_and_a_code_marked_uncertain_codes_nothing() -> None:
    from detente.events.verbs import read_pattern

    synsets = {"&TIETYPES": frozenset({"ECONOMIC"})}
    pattern = read_pattern(" * &TIETYPES_MEMOS FROM [911]", synsets)
    assert pattern is not None and pattern.after[0].words == (frozenset({"ECONOMIC"}), frozenset({"MEMOS", "MEMOSES"}))


def test_a_synset_named_with_a_trailing_underscore_is_found_without_it() -> None:
    from detente.events.verbs import read_verbs

    lines = ["&PREPOSIT1_", "+ON", "+AGAINST", "--- ACT [100] ---", "ACT"]
    verbs = read_verbs([*lines, "- * &PREPOSIT1 RESOLUTION [102]"])
    assert verbs.synsets["&PREPOSIT1"] >= {"ON", "AGAINST"}
    assert [p.code for p in verbs.blocks["ACT"].patterns] == ["102"]
