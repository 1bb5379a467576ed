"""The REST API, served for real (uvicorn on 127.0.0.1): every endpoint answers, the OpenAPI
schema validates, bad parameters get 422, a missing id 404, an oversized body 413."""

from __future__ import annotations

import httpx
import pytest

from detente.evaluation.bench_api import running_service
from detente.serve.app import MAX_BODY_BYTES
from detente.store.database import open_store

from .conftest import PAYLOAD_TITLE, Service


def test_api_health_says_which_snapshot(service: Service) -> None:
    health = service.get("/health").json()
    assert health["status"] == "ok" and health["snapshot"] >= 1 and health["articles"] == 26 + 14


def test_api_series_is_the_stores_own(service: Service) -> None:
    """The snapshot's table of series gives what `detente dyad` computes from the store."""
    with open_store(service.db, read_only=True) as store:
        expected = store.dyad_periods("IND", "RUS", "week")
    periods = service.get("/dyads/RUS/IND/series", freq="week").json()["periods"]
    assert [(p["start"], p["events"], p["stories"], p["by_type"]) for p in periods] == [
        (p.start, p.events, p.stories, p.by_type) for p in expected
    ]


def test_api_workers_each_answer_from_a_snapshot(service: Service) -> None:
    """`detente serve --workers 2`: two processes share the port (running_service waits until
    both have answered /health), and answer alike."""
    with running_service(service.db, workers=2) as url:
        # each on a new connection, which either process may take
        pages = [httpx.get(url + "/events", params={"pair": "IND,RUS", "limit": 5}).json() for _ in range(6)]
    assert all(p == pages[0] for p in pages) and len(pages[0]["items"]) == 5
    assert pages[0] == service.get("/events", pair="IND,RUS", limit=5).json()


def test_api_openapi_schema_validates_and_lists_every_endpoint(service: Service) -> None:
    from openapi_spec_validator import validate

    schema = service.get("/openapi.json").json()
    validate(schema)
    assert set(schema["paths"]) >= {
        "/health", "/articles", "/articles/{article_id}", "/events", "/dyads", "/dyads/{a}/{b}/series",
        "/dyads/{a}/{b}/shifts", "/network", "/quotes", "/speakers", "/stories/{story_id}", "/extract",
    }  # fmt: skip
    assert service.get("/docs").status_code == 200


def test_api_articles_page_and_one_article_as_extract_gives_it(service: Service) -> None:
    first = service.get("/articles", limit=5).json()
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    second = service.get("/articles", limit=5, offset=5).json()
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    record = service.get("/articles/coop-0").json()
    assert record["article"]["id"] == "coop-0" and record["events"] and record["story_id"]
    assert set(record) >= {"article", "actors", "quotes", "events", "dates", "tone"}


def test_api_events_filters_and_each_event_has_its_sentence_trigger_and_rule(service: Service) -> None:
    events = service.get("/events", pair="IND,RUS", **{"from": "2024-01-01", "to": "2024-12-31"}).json()["items"]
    assert events and all({e["source_country"], e["target_country"]} == {"IND", "RUS"} for e in events)
    for e in events:
        sentence, start, end = (
            e["sentence"],
            e["trigger_start"] - e["sentence_start"],
            e["trigger_end"] - e["sentence_start"],
        )
        assert sentence[start:end] == e["trigger_text"] and e["rule"]
        assert "2024-01-01" <= e["date"][:10] <= "2024-12-31"
    conflict = service.get("/events", source="RUS", target="IND", quad_class=4, **{"from": "2024-01-01"}).json()
    conflict3 = service.get("/events", source="RUS", target="IND", quad_class=3, **{"from": "2024-01-01"}).json()
    assert all(e["quad_class"] in (3, 4) for e in conflict["items"] + conflict3["items"])
    assert conflict["items"] + conflict3["items"]
    blame = service.get("/events", cameo="11").json()["items"]
    assert blame and all(e["cameo"].startswith("11") for e in blame)
    asserted = service.get("/events", claimed="false").json()["items"]
    assert asserted and all(e["claimed_by"] is None for e in asserted)
    outlet = service.get("/events", outlet="Test Wire", limit=1000).json()["items"]
    assert outlet and all(e["outlet"] == "Test Wire" for e in outlet)
    story = outlet[0]["story_id"]
    assert {e["story_id"] for e in service.get("/events", story=story).json()["items"]} == {story}


def test_api_dyads_series_and_shifts_are_those_of_detente_dyad(service: Service) -> None:
    pairs = service.get("/dyads").json()["items"]
    assert (pairs[0]["a"], pairs[0]["b"]) == ("IND", "RUS")
    series = service.get("/dyads/IND/RUS/series", freq="week").json()
    assert series["periods"] and all(-1 <= p["index"] <= 1 for p in series["periods"])
    shifts = service.get("/dyads/ind/rus/shifts", freq="week").json()["shifts"]
    assert shifts and shifts[-1]["period"]["start"] >= "2024-03-01" and shifts[-1]["z"] < 0
    assert shifts[-1]["events"]
    month = service.get("/dyads/IND/RUS/series", freq="month", **{"from": "2024-01-01", "to": "2024-01-31"}).json()
    assert [p["start"] for p in month["periods"]] == ["2024-01-01"]


def test_api_network_quotes_speakers_and_stories(service: Service) -> None:
    network = service.get("/network", **{"from": "2024-01-01"}).json()
    assert {"IND", "RUS"} <= {n["id"] for n in network["nodes"]} and network["edges"][0]["stories"] > 0
    quotes = service.get("/quotes", speaker="Lavrov").json()["items"]
    assert quotes and all("Lavrov" in q["speaker_name"] for q in quotes)
    russian = service.get("/quotes", country="RUS").json()["items"]
    assert russian and all(q["speaker_country"] == "RUS" for q in russian)
    every = service.get("/quotes", limit=1000).json()["items"]
    percent = service.get("/quotes", q="%", limit=1000).json()["items"]  # % is no wildcard: matched literally
    assert len(percent) < len(every) and all("%" in q["text"] for q in percent)
    worded = service.get("/quotes", q="relations").json()["items"]
    assert worded and all("relations" in q["text"].lower() for q in worded)
    speakers = service.get("/speakers").json()["items"]
    assert speakers and speakers[0]["quotes"] >= speakers[-1]["quotes"]
    story_id = service.get("/articles/coop-1").json()["story_id"]
    story = service.get(f"/stories/{story_id}").json()
    assert story["articles"][0]["id"] == "coop-1" and story["outlets"] == ["Test Wire"]


def test_api_extract_codes_one_posted_article(service: Service) -> None:
    body = {"text": "India and Russia signed an agreement on oil in Moscow on Monday, officials said.", "title": "Oil"}
    response = httpx.post(service.url + "/extract", json={**body, "published": "2024-05-06"}, timeout=60)
    assert response.status_code == 200
    record = response.json()
    assert record["article"]["title"] == "Oil" and record["events"]
    assert service.get("/health").json()["articles"] == 40  # nothing stored


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/events", {"limit": 1001}),
        ("/events", {"limit": 0}),
        ("/events", {"quad_class": 5}),
        ("/events", {"source": "India"}),
        ("/events", {"from": "last week"}),
        ("/events", {"pair": "IND"}),
        ("/events", {"cameo": "abc"}),
        ("/events", {"modality": "rumoured"}),
        ("/articles", {"offset": -1}),
        ("/dyads/IND/RUS/series", {"freq": "year"}),
        ("/dyads/INDIA/RUS/series", {}),
        ("/quotes", {"country": "1234"}),
    ],
)
def test_api_bad_parameters_get_422_with_the_reason(service: Service, path: str, params: dict[str, object]) -> None:
    response = service.get(path, **params)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid-parameters" and body["detail"][0]["where"].startswith(("query", "path"))
    assert "Traceback" not in response.text


@pytest.mark.parametrize("path", ["/articles/no-such-article", "/stories/no-such-story", "/no/such/route"])
def test_api_missing_id_is_404_as_json(service: Service, path: str) -> None:
    response = service.get(path)
    assert response.status_code == 404 and response.json()["error"] == "not-found"


def test_api_oversized_body_is_413(service: Service) -> None:
    big = {"text": "India and Russia met. " * (MAX_BODY_BYTES // 20)}
    response = httpx.post(service.url + "/extract", json=big, timeout=60)
    assert response.status_code == 413 and response.json()["error"] == "too-large"

    def chunks():  # no Content-Length: the limit holds on what is read
        for _ in range(MAX_BODY_BYTES // 4096 + 2):
            yield b" " * 4096

    streamed = httpx.post(service.url + "/extract", content=chunks(), timeout=60)
    assert streamed.status_code == 413


@pytest.mark.parametrize(
    "body",
    [b"not json", b'{"title": "no text"}', b'{"text": ""}', b'{"text": 5}', b"[]", b'{"text": "   \\n  "}'],
)
def test_api_extract_bad_input_is_422(service: Service, body: bytes) -> None:
    response = httpx.post(service.url + "/extract", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]


def test_api_strings_from_articles_come_back_as_data(service: Service) -> None:
    record = service.get("/articles/payload").json()
    assert record["article"]["title"] == PAYLOAD_TITLE
    page = service.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
