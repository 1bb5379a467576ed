"""Events coded with a PETRARCH-1 verb dictionary (flat word patterns, a user's own names)."""

from __future__ import annotations

from detente.events.verbs import load_verbs

from .coding import petrarch_1_events


def test_a_petrarch_1_verb_dictionary_is_read_and_coded_as_it_is() -> None:
    from detente.options import Options
    from detente.pipeline.extract import extract

    from ..conftest import shared_path

    directory = shared_path("suites", "petrarch")
    verbs = load_verbs(directory)
    assert len(verbs.blocks) > 200 and not verbs.packaged  # no markers, synsets between blocks
    record = extract(
        "T\n\nArnor will abandon full economic ties with Gondor almost five years after crowds trashed its embassy.",
        published="1995-01-01",
        options=Options(dictionaries=directory),
    )
    # its own test codes, no intention rule of Détente's applied: "- * &TIETYPES TIES [902]"
    assert [(e.source.code, e.target.code if e.target else None, e.cameo) for e in record.events] == [
        ("ARN", "GON", "902")
    ]


def test_petrarch_1_takes_the_nearest_actors_and_needs_a_target() -> None:
    from detente.options import Options
    from detente.pipeline.extract import extract

    from ..conftest import shared_path

    options = Options(dictionaries=shared_path("suites", "petrarch"))
    record = extract(
        "T\n\nArnor believes Dagolath and Osgiliath can cope with a decrease in water.",
        published="1995-01-01",
        options=options,
    )
    # the target is the first actor after the verb, though it is the subject of another clause, and
    # the actors joined to it (PETRARCH's own validation record codes both)
    found = {(e.source.code, e.target.code if e.target else None) for e in record.events}
    assert found == {("ARN", "DAG"), ("ARN", "OSG")}
    alone = extract("T\n\nArnor believes in the future.", published="1995-01-01", options=options)
    assert alone.events == ()  # no target, no event


def test_petrarch_1_actors_coded_as_several_and_agents_of_a_users_own() -> None:
    # THE_SHIRE [FRO/BIL/SAM] and LORIEN [ELR/GAL]: one event per pair of codes
    shire = petrarch_1_events("The Shire is about to restore full diplomatic ties with Lorien.")
    assert shire == {(s, t, "064") for s in ("FRO", "BIL", "SAM") for t in ("ELR", "GAL")}
    # MAIN_OPPOSITION_GROUP [~MOP]: an agent code the packaged tables do not know still composes
    assert petrarch_1_events("Arnor is about to restore full diplomatic ties with Gondor's main opposition group.") == {
        ("ARN", "GONMOP", "064")
    }
    # adjectives joined by "and" are one actor's, not two actors
    sentence = "Ithilen's awful and evil minister Calimehtar warned of the Prince of Dol Amroth."
    warned = petrarch_1_events(sentence, "1999-08-09")
    assert warned == {("ITHGOV", "DOL", "160")}
    # a country word as the parser's "nmod" of a role, and a capitalised role after a country word
    restored = petrarch_1_events(
        "Arnor is about to restore full diplomatic ties with the Gondor main opposition group."
    )
    assert restored == {("ARN", "GONMOP", "064")}
    condemned = petrarch_1_events("The Calenardhon Minister of Silly Walks condemned an attack by Osgiliath soldiers.")
    assert ("CALGOV", "OSGMIL", "122") in condemned


def test_petrarch_1_prefers_a_pattern_with_marks_and_reads_a_passive_in_word_order() -> None:
    # "% * DIPLOMATIC" [064:064] over "* DIPLOMATIC" (as large, but marked): the actors named before
    # the verb code each other
    renewed = petrarch_1_events("Old rivals Rohan and Gondor have renewed diplomatic ties.")
    assert renewed == {("ROH", "GON", "064"), ("GON", "ROH", "064")}
    # no parse in PETRARCH-1: a passive with no agent is source before the verb, target after it
    assert petrarch_1_events("Arnor was criticized over its dispute with Osgiliath.") == {("ARN", "OSG", "121")}


def test_a_users_dictionary_names_win_and_compound_marks_code_each_other() -> None:
    # PETR.Validate.actors.txt codes Kuwait KUW (the packaged tables say KWT): the user's dictionary wins
    kuwait = petrarch_1_events("The Kuwait government is about to restore full ties with Libya.")
    assert ("KUWGOV", "LBY", "064") in kuwait
    # "- % * [030:030]": the actors named before the verb agree with each other
    agree = petrarch_1_events("The Philippines and France agree that disputes should be settled by arbitration.")
    assert {("PHL", "FRA", "030"), ("FRA", "PHL", "030")} <= agree


def test_petrarch_1_targets_stay_in_the_verbs_clause() -> None:
    text = "Arnor will restore ties with Gondor after Calenardhon crowds burned down its embassy, a Bree official said."
    assert not [t for t in petrarch_1_events(text) if t[2] == "222"]
