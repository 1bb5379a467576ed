from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.knowledge.files import data_text
from detente.record import (
    Actor,
    Amount,
    Article,
    Credit,
    DateRef,
    Event,
    EventActor,
    Mention,
    Plover,
    Quote,
    Record,
    Removal,
    Span,
    Speaker,
    Tone,
    json_schema,
    json_schema_text,
)

texts = st.text(max_size=40)
opt_texts = st.none() | texts
ints = st.integers(min_value=0, max_value=10**6)
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
mentions = st.builds(Mention, start=ints, end=ints, text=texts)
event_actors = st.builds(EventActor, actor=opt_texts, country=opt_texts, sector=texts, code=texts, text=texts)

records = st.builds(
    Record,
    article=st.builds(
        Article,
        id=texts,
        title=opt_texts,
        credits=st.lists(st.builds(Credit, agency=texts, role=st.sampled_from(["wire", "cited"])), max_size=3).map(
            tuple
        ),
        text=texts,
        removed=st.lists(st.builds(Removal, text=texts, reason=texts), max_size=3).map(tuple),
        warnings=st.lists(texts, max_size=2).map(tuple),
    ),
    actors=st.lists(
        st.builds(
            Actor,
            id=texts,
            name=texts,
            kind=texts,
            country=opt_texts,
            sector=texts,
            role=opt_texts,
            code=texts,
            mentions=st.lists(mentions, max_size=2).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
    quotes=st.lists(
        st.builds(
            Quote,
            text=texts,
            start=ints,
            end=ints,
            kind=st.sampled_from(["direct", "indirect"]),
            speaker=st.none() | st.builds(Speaker, actor=opt_texts, name=opt_texts, mention=st.none() | mentions),
            cue=opt_texts,
        ),
        max_size=2,
    ).map(tuple),
    events=st.lists(
        st.builds(
            Event,
            source=event_actors,
            target=st.none() | event_actors,
            cameo=texts,
            goldstein=floats,
            quad_class=st.integers(1, 4),
            plover=st.builds(Plover, type=texts, mode=opt_texts, context=st.lists(texts, max_size=2).map(tuple)),
            modality=st.sampled_from(["asserted", "intended", "hypothetical"]),
            negated=st.booleans(),
            claimed_by=opt_texts,
            date=opt_texts,
            date_text=opt_texts,
            sentence=st.builds(Span, start=ints, end=ints),
            trigger=mentions,
            rule=texts,
            confidence=floats,
        ),
        max_size=2,
    ).map(tuple),
    dates=st.lists(st.builds(DateRef, text=texts, value=opt_texts, start=ints, end=ints), max_size=2).map(tuple),
    amounts=st.lists(
        st.builds(Amount, text=texts, value=floats, unit=texts, kind=texts, start=ints, end=ints), max_size=2
    ).map(tuple),
    themes=st.lists(texts, max_size=3).map(tuple),
    tone=st.none() | st.builds(Tone, score=floats, positive=floats, negative=floats),
)


@settings(max_examples=150, deadline=None)
@given(records)
def test_record_json_round_trip_is_lossless(record: Record) -> None:
    assert Record.from_json(record.to_json()) == record
    assert Record.from_dict(record.to_dict()) == record


def test_record_json_has_every_schema_md_field() -> None:
    record = Record(article=Article(id="x", text="body"))
    data = json.loads(record.to_json())
    for field in ("schema_version", "article", "actors", "quotes", "events", "dates", "amounts", "themes", "tone"):
        assert field in data
    for field in ("id", "title", "dek", "outlet", "credits", "url", "published", "language", "text", "removed"):
        assert field in data["article"]
    assert data["schema_version"] == "1"


def test_record_schema_file_equals_the_one_generated_from_code() -> None:
    assert data_text("record.schema.json") == json_schema_text(), "run `make schema` and commit the file"


def test_record_schema_describes_the_event_contract() -> None:
    defs = json_schema()["$defs"]
    assert set(defs["Event"]["required"]) >= {"source", "target", "cameo", "plover", "modality", "rule", "sentence"}
    assert set(defs["Event"]["properties"]["modality"]["enum"]) == {"asserted", "intended", "hypothetical"}
