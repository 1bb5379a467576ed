"""Dyad series counted once per story, shifts found against the trailing window, event exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from detente.analysis.series import dyad_series, explain_shifts, find_shifts, sparkline
from detente.pipeline.ingest import ingest
from detente.store.database import open_store

# Written for this test: twelve weeks of cooperation between India and Russia, then a week of
# accusations, each week a differently worded story, plus a second outlet's copy of one story.
COOPERATION = [
    "India praised Russia for its support in week {n}, officials in both capitals said on the record.",
    "Russia thanked India for the warm welcome its delegation received during talks in week {n}.",
    "Russia praised India for its steady support on energy issues in week {n}, the ministry said.",
]
CONFLICT = "India accused Russia of breaking the arms contract and criticized Russia over repeated delays."


def write_weeks(path: Path) -> None:
    start = dt.date(2023, 1, 2)
    rows = []
    for week in range(13):
        day = (start + dt.timedelta(weeks=week)).isoformat()
        text = CONFLICT if week == 12 else COOPERATION[week % 3].format(n=week)
        rows.append({"id": f"w{week}", "text": text, "published": day, "title": f"Week {week}", "outlet": "Wire A"})
    rows.append(
        {"id": "copy", "text": CONFLICT, "published": rows[-1]["published"], "title": "Copy", "outlet": "Paper B"}
    )
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    feed, db = tmp_path / "weeks.jsonl", tmp_path / "weeks.duckdb"
    write_weeks(feed)
    with open_store(db) as store:
        ingest(store, [str(feed)])
    return db


def test_dyad_series_counts_a_story_once(store_path: Path) -> None:
    with open_store(store_path, read_only=True) as store:
        periods = dyad_series(store, "IND", "RUS", "week")
    last = periods[-1]
    assert len(periods) == 13 and all(p.index > 0 for p in periods[:12])
    assert last.conflict == last.events and last.stories == 1 and last.articles == 2  # two copies, one story


def test_the_known_shift_is_found_with_its_events(store_path: Path) -> None:
    with open_store(store_path, read_only=True) as store:
        periods, shifts = explain_shifts(store, "IND", "RUS", "week")
    assert [s.period.start for s in shifts] == [periods[-1].start]
    (shift,) = shifts
    assert shift.z < 0 and {e["plover_type"] for e in shift.events} == {"ACCUSE"}
    assert all("accused" in e["sentence"] or "criticized" in e["sentence"] for e in shift.events)
    assert all(e["copies"] == 2 for e in shift.events)


def test_no_shift_in_a_steady_series() -> None:
    assert find_shifts([]) == []
    assert sparkline([0.0, 1.0]) == "▁█"


def test_events_export_as_gdelt_and_plover(store_path: Path, tmp_path: Path) -> None:
    with open_store(store_path, read_only=True) as store:
        store.export("gdelt", str(tmp_path / "events.tsv"))
        store.export("plover", str(tmp_path / "events.jsonl"))
        n = store.count("events")
    rows = [line.split("\t") for line in (tmp_path / "events.tsv").read_text().splitlines()]
    assert len(rows) == n and all(len(r) == 61 for r in rows)
    accusation = next(r for r in rows if r[26] == "112")
    assert (accusation[7], accusation[17], accusation[29], accusation[33]) == ("IND", "RUS", "3", "2")  # 2 articles
    plover = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert {e["event_type"] for e in plover} >= {"ACCUSE"} and all(e["text"] for e in plover)


def test_the_most_covered_pair(store_path: Path) -> None:

    with open_store(store_path, read_only=True) as store:
        assert store.most_covered_pair() == ("IND", "RUS")
