from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from detente.errors import StoreError
from detente.pipeline.extract import extract
from detente.record import Article, Credit, Failure, Record, Removal
from detente.store.database import migrations, open_store


def record(id_: str, **article: object) -> Record:
    base = {"text": f"Body of {id_}.", "published": "2023-02-27", "outlet": "Example"}
    return Record(article=Article(id=id_, **{**base, **article}))  # type: ignore[arg-type]


def test_store_migrations_are_numbered_and_applied_once(db: Path) -> None:
    assert [v for v, _, _ in migrations()] == list(range(1, len(migrations()) + 1))
    with open_store(db) as store:
        assert store.migrate() == []
    with open_store(db) as store:
        assert store.query("SELECT count(*) FROM schema_migrations") == [(len(migrations()),)]


def test_store_has_a_table_for_each_kind_of_finding(db: Path) -> None:
    with open_store(db) as store:
        tables = {t for (t,) in store.query("SELECT table_name FROM duckdb_tables()")}
    assert {"articles", "actors", "mentions", "quotes", "events", "dates", "amounts", "failures"} <= tables


def test_store_write_is_idempotent_by_article_id(db: Path) -> None:
    with open_store(db) as store:
        assert store.write([record("a"), record("b"), record("a")]) == {"a", "b"}
        assert store.write([record("a"), record("c")]) == {"c"}
        assert store.count("articles") == 3
        assert store.query("SELECT count(DISTINCT id) FROM articles") == [(3,)]


def test_store_keeps_the_record_losslessly(db: Path) -> None:
    r = record("a", credits=(Credit(agency="ANI", role="wire"),), removed=(Removal(text="[x_y]", reason="shortcode"),))
    with open_store(db) as store:
        store.write([r])
        assert list(store.records()) == [r]
        assert store.query("SELECT agency, role FROM credits") == [("ANI", "wire")]
        assert store.query("SELECT published::VARCHAR FROM articles") == [("2023-02-27",)]


def test_store_batch_is_all_or_nothing(db: Path) -> None:
    bad = Record(article=Article(id="bad", text="x"), status=None)  # type: ignore[arg-type]  # NOT NULL
    with open_store(db) as store:
        with pytest.raises(duckdb.Error):
            store.write([record("good"), bad])
        assert store.count("articles") == 0


def test_store_records_failures_once_per_source_and_reason(db: Path) -> None:
    f = Failure(source="x.txt", reason="empty", detail="x.txt: empty file")
    with open_store(db) as store:
        store.write([], [f])
        store.write([], [f])
        assert store.failures() == [f]


def test_store_exports_jsonl_csv_and_parquet(db: Path, tmp_path: Path) -> None:
    with open_store(db) as store:
        store.write([record("a", credits=(Credit(agency="PTI", role="cited"),)), record("b")])
        store.export("jsonl", str(tmp_path / "r.jsonl"))
        store.export("csv", str(tmp_path / "c.csv"), table="credits")
        store.export("parquet", str(tmp_path / "a.parquet"), table="articles")
    lines = (tmp_path / "r.jsonl").read_text().splitlines()
    assert [json.loads(x)["article"]["id"] for x in lines] == ["a", "b"]
    assert (tmp_path / "c.csv").read_text().splitlines() == ["article_id,agency,role", "a,PTI,cited"]
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 2


def test_store_refuses_an_unknown_table(db: Path) -> None:
    with open_store(db) as store, pytest.raises(StoreError, match="unknown table"):
        store.count("articles; DROP TABLE articles")


def test_store_flattens_dates_amounts_themes_and_tone(db: Path) -> None:
    text = "Trade reached USD 30 billion last year. Exports of oil and imports of machinery rose on Monday."
    coded = extract("Ties\n" + text, published="2023-02-27")
    with open_store(db) as store:
        store.write([coded])
        assert list(store.records()) == [coded]
        assert store.query("SELECT value, unit, kind FROM amounts") == [(30e9, "USD", "money")]
        assert store.query("SELECT text, value FROM dates ORDER BY date_no") == [
            ("last year", "2022"),
            ("Monday", "2023-02-27"),
        ]
        assert store.query("SELECT theme, triggers FROM themes") == [("TRADE", 3)]
        assert store.count("theme_triggers") == len(coded.theme_triggers) > 0
        tone = coded.tone
        assert tone is not None
        assert store.query("SELECT tone, tone_positive, tone_negative, word_count FROM articles") == [
            (tone.score, tone.positive, tone.negative, tone.words)
        ]


def test_store_dyad_counts_either_direction_by_period(db: Path) -> None:
    with open_store(db) as store:
        events = [
            ("IND", "RUS", 1, "2023-02-27"),
            ("RUS", "IND", 3, "2023-03"),
            ("RUS", "USA", 3, "2023-02-28"),
            ("RUS", "IND", 1, "2023-03-01/2023-03-02"),
        ]
        for n, (source, target, quad, date) in enumerate(events):
            store.query(
                "INSERT INTO events (article_id, event_no, source_country, target_country, cameo, quad_class, date)"
                " VALUES ('a', ?, ?, ?, '042', ?, ?)",
                [n, source, target, quad, date],
            )
        rows = store.dyad_counts("IND", "RUS", "month")
    assert [(str(p)[:10], q, n) for p, q, n, _ in rows] == [
        ("2023-02-01", 1, 1),
        ("2023-03-01", 1, 1),
        ("2023-03-01", 3, 1),
    ]
    with pytest.raises(StoreError, match="unknown frequency"), open_store(db) as store:
        store.dyad_counts("IND", "RUS", "fortnight")


def test_store_dyad_types_order_ties_by_name(db: Path) -> None:
    """Types with as many events in a period come in name order, run after run."""
    with open_store(db) as store:
        store.query("INSERT INTO articles (id, status, text, content_hash, record) VALUES ('a', 'coded', '', '', '{}')")
        for n, kind in enumerate(["SUPPORT", "AGREE", "SUPPORT", "AGREE", "CONSULT", "REQUEST"]):
            store.query(
                "INSERT INTO events (article_id, event_no, source_country, target_country, cameo, quad_class,"
                " plover_type, date) VALUES ('a', ?, 'IND', 'RUS', ?, 1, ?, '2023-01-10')",
                [n, f"0{n + 1}", kind],
            )
        periods = store.dyad_periods("IND", "RUS", "week")
    assert [list(p.by_type) for p in periods] == [["AGREE", "SUPPORT", "CONSULT", "REQUEST"]]
