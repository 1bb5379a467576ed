"""The store's SQL text: every query over the tables, in one place (``database.Store`` runs them).

The schema is in the numbered migrations beside this module; ``database.py`` holds no SQL but
the transaction words (BEGIN, COMMIT, ROLLBACK).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "EVENT_DAY_OF_E",
    "EVENT_ROWS",
    "CREATE_SERVE_EVENTS",
    "WARM_SNAPSHOT",
    "QUIET",
    "BROWSE_EVENTS_ORDER",
    "SERVE_EVENTS",
    "SERVE_PAGES",
    "BROWSE_ARTICLE_COUNT",
    "BROWSE_RECORD",
    "BROWSE_ARTICLES",
    "BROWSE_EVENTS",
    "BROWSE_PAIRS",
    "BROWSE_NETWORK_TONE",
    "BROWSE_QUOTES",
    "BROWSE_SPEAKERS",
    "BROWSE_STORY",
    "ALL_FAILURES",
    "ALL_RECORDS",
    "ALL_ROWS",
    "APPLIED_MIGRATIONS",
    "COPY_QUERY",
    "COUNT_ROWS",
    "CREATE_MIGRATIONS",
    "DYAD_COUNTS",
    "EMPTY_ROWS",
    "EVENT_EXPORTS",
    "INSERT_BATCH",
    "MOST_COVERED_PAIR",
    "OVERVIEW_QUERIES",
    "PAIR_QUOTES",
    "PERIODS",
    "RECORD_FAILURE",
    "RECORD_MIGRATION",
    "SERIES_FREQUENCIES",
    "STORED_HASHES",
    "STORY_SIGNATURES",
    "SYNTHETIC_ARTICLES",
    "SYNTHETIC_EVENTS",
    "SYNTHETIC_STORIES",
    "TOP_EVENTS",
    "SERVED_PERIODS",
    "SERVE_SERIES_ROWS",
    "SERVE_PERIODS",
    "CREATE_SERVE_PERIODS",
    "WRITTEN_COLUMNS",
    "check_frequency",
    "dyad_params",
    "dyad_sql",
    "pair_filter",
    "serve_periods_sql",
    "CHECKPOINT",
    "attach_sql",
]

SERIES_FREQUENCIES = ("day", "week", "month")
# An event's date is ISO 8601 at its precision ("2023-03-01", "2023-09", a range): it counts
# from its first day.
EVENT_DAY = """TRY_CAST(CASE length(split_part(date, '/', 1))
    WHEN 4 THEN left(date, 4) || '-01-01' WHEN 7 THEN left(date, 7) || '-01' ELSE left(date, 10) END AS DATE)"""
# The same, of the events table's date under the alias ``e``.
EVENT_DAY_OF_E = EVENT_DAY.replace("date", "e.date")
DYAD_COUNTS = f"""
    SELECT date_trunc('{{freq}}', {EVENT_DAY}) AS period, quad_class, count(*) AS events, avg(goldstein) AS goldstein
    FROM events
    WHERE ((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))
      AND {EVENT_DAY} IS NOT NULL
    GROUP BY ALL ORDER BY period, quad_class
"""


# Events as GDELT 2.0 event rows (61 tab-separated columns, no header), one per event; the counts
# are per story (how many articles carried it), geography is left empty (not coded yet).
GDELT_COLUMNS = """
    hash(e.article_id || '#' || e.event_no) % 9007199254740991 AS GLOBALEVENTID,
    strftime(d.day, '%Y%m%d') AS SQLDATE, strftime(d.day, '%Y%m') AS MonthYear, year(d.day) AS "Year",
    round(year(d.day) + (dayofyear(d.day) - 1) / 365.0, 4) AS FractionDate,
    e.source_code AS Actor1Code, e.source_text AS Actor1Name, e.source_country AS Actor1CountryCode,
    NULL AS Actor1KnownGroupCode, NULL AS Actor1EthnicCode, NULL AS Actor1Religion1Code, NULL AS Actor1Religion2Code,
    e.source_sector AS Actor1Type1Code, NULL AS Actor1Type2Code, NULL AS Actor1Type3Code,
    e.target_code AS Actor2Code, e.target_text AS Actor2Name, e.target_country AS Actor2CountryCode,
    NULL AS Actor2KnownGroupCode, NULL AS Actor2EthnicCode, NULL AS Actor2Religion1Code, NULL AS Actor2Religion2Code,
    e.target_sector AS Actor2Type1Code, NULL AS Actor2Type2Code, NULL AS Actor2Type3Code,
    1 AS IsRootEvent, e.cameo AS EventCode, left(e.cameo, 3) AS EventBaseCode, left(e.cameo, 2) AS EventRootCode,
    e.quad_class AS QuadClass, e.goldstein AS GoldsteinScale,
    count(*) OVER story AS NumMentions, count(DISTINCT a.outlet) OVER story AS NumSources,
    count(*) OVER story AS NumArticles, a.tone AS AvgTone,
    NULL AS Actor1Geo_Type, NULL AS Actor1Geo_FullName, NULL AS Actor1Geo_CountryCode, NULL AS Actor1Geo_ADM1Code,
    NULL AS Actor1Geo_ADM2Code, NULL AS Actor1Geo_Lat, NULL AS Actor1Geo_Long, NULL AS Actor1Geo_FeatureID,
    NULL AS Actor2Geo_Type, NULL AS Actor2Geo_FullName, NULL AS Actor2Geo_CountryCode, NULL AS Actor2Geo_ADM1Code,
    NULL AS Actor2Geo_ADM2Code, NULL AS Actor2Geo_Lat, NULL AS Actor2Geo_Long, NULL AS Actor2Geo_FeatureID,
    NULL AS ActionGeo_Type, NULL AS ActionGeo_FullName, NULL AS ActionGeo_CountryCode, NULL AS ActionGeo_ADM1Code,
    NULL AS ActionGeo_ADM2Code, NULL AS ActionGeo_Lat, NULL AS ActionGeo_Long, NULL AS ActionGeo_FeatureID,
    strftime(a.ingested_at, '%Y%m%d%H%M%S') AS DATEADDED, coalesce(a.url, a.source) AS SOURCEURL
"""
EVENT_FROM = f"""
    FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN stories s ON s.article_id = e.article_id,
    LATERAL (SELECT {EVENT_DAY} AS day) d
"""
GDELT_EXPORT = f"""SELECT {GDELT_COLUMNS} {EVENT_FROM}
    WINDOW story AS (PARTITION BY coalesce(s.story_id, e.article_id), e.source_country, e.target_country, e.cameo)
    ORDER BY d.day, e.article_id, e.event_no"""
PLOVER_EXPORT = f"""SELECT e.article_id || '-' || e.event_no AS id, d.day::VARCHAR AS date,
    e.plover_type AS event_type, e.plover_mode AS mode, e.plover_context AS context,
    e.source_text AS actor1, e.source_country AS actor1_country, e.source_sector AS actor1_role,
    e.target_text AS actor2, e.target_country AS actor2_country, e.target_sector AS actor2_role,
    e.cameo AS cameo, e.goldstein AS goldstein, e.modality AS modality, e.negated AS negated,
    e.claimed_by AS claimed_by, coalesce(s.story_id, e.article_id) AS story,
    a.outlet AS source, a.url AS url, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS text,
    e.rule AS rule, e.confidence AS confidence
    {EVENT_FROM} ORDER BY d.day, e.article_id, e.event_no"""
EVENT_EXPORTS = {
    "gdelt": (GDELT_EXPORT, "FORMAT csv, DELIMITER '\t', HEADER false"),
    "plover": (PLOVER_EXPORT, "FORMAT json"),
}

OVERVIEW_QUERIES = {
    "status": "SELECT status, coalesce(skip_reason, ''), count(*) FROM articles GROUP BY ALL ORDER BY 3 DESC",
    "outlets": "SELECT coalesce(outlet, '(none)'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15",
    "months": (
        "SELECT coalesce(strftime(published, '%Y-%m'), '(no date)'), count(*) FROM articles GROUP BY 1 ORDER BY 1"
    ),
    "credits": "SELECT agency, role, count(*) FROM credits GROUP BY ALL ORDER BY 3 DESC, 1 LIMIT 15",
    "removals": "SELECT reason, count(*) FROM removals GROUP BY 1 ORDER BY 2 DESC",
    "actors": (
        "SELECT name, coalesce(country, ''), sector, count(DISTINCT article_id) FROM actors"
        " WHERE kind <> 'country' GROUP BY ALL ORDER BY 4 DESC, 1 LIMIT 12"
    ),
    "countries": (
        "SELECT country, count(DISTINCT article_id) FROM actors WHERE country IS NOT NULL"
        " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 12"
    ),
    "speakers": (
        "SELECT coalesce(speaker_name, '(unattributed)'), kind, count(*) FROM quotes"
        " GROUP BY ALL ORDER BY 3 DESC, 1 LIMIT 12"
    ),
    "themes": "SELECT theme, count(*) FROM themes GROUP BY 1 ORDER BY 2 DESC, 1",
    "stories": (
        "SELECT any_value(a.title ORDER BY a.published), count(*), count(DISTINCT a.outlet) FROM stories s"
        " JOIN articles a ON a.id = s.article_id GROUP BY s.story_id HAVING count(*) > 1 ORDER BY 2 DESC LIMIT 10"
    ),
    "failures": "SELECT reason, count(*) FROM failures GROUP BY 1 ORDER BY 2 DESC",
}


# --- the dyad series: events of a pair of countries per period, once per story ---

# An event's pair of countries in order (none without both: DuckDB's least() passes over a NULL).
PAIR_END = "CASE WHEN e.source_country IS NOT NULL AND e.target_country IS NOT NULL"
PAIR_END += " THEN {end}(e.source_country, e.target_country) END"
# An event with what the series and the pages read of its article and story: its first day,
# its pair of countries in order, its story (the article's own id when it has none), outlet and tone.
EVENT_ROWS_COLUMNS = f"""
    e.*, {EVENT_DAY_OF_E} AS day,
    {PAIR_END.format(end="least")} AS pair_a, {PAIR_END.format(end="greatest")} AS pair_b,
    coalesce(s.story_id, e.article_id) AS story_key, s.story_id, a.outlet, a.tone AS article_tone"""
EVENT_ROWS_JOINS = """
    FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN stories s ON s.article_id = e.article_id"""
# The store's events as such rows, computed when read.
EVENT_ROWS = f"(SELECT {EVENT_ROWS_COLUMNS} {EVENT_ROWS_JOINS})"
# What ``GET /events`` gives of each event, in order.
SERVE_EVENT_FIELDS = (
    "article_id", "event_no", "source_country", "source_text", "target_country", "target_text",
    "cameo", "quad_class", "goldstein", "plover_type", "modality", "negated", "claimed_by",
    "date", "rule", "confidence", "trigger_start", "trigger_end", "trigger_text",
    "sentence_start", "sentence_end", "sentence", "title", "outlet", "published", "story_id",
)  # fmt: skip
# Newest first: by day, then by the date at its precision, then in the article's order.
EVENTS_NEWEST_FIRST = "day DESC NULLS LAST, date DESC NULLS LAST, article_id, event_no"
# A snapshot's copy of them (``store/snapshot.py``), stored once with the article's title, date
# and the event's sentence, and each event as ``GET /events`` gives it, as JSON (``item``: a page
# is read as one column, not converted field by field). Rows are in order of pair, then newest
# first: a pair's events in a date range are read from a few row groups (DuckDB skips the others
# by their min/max), and are stored in the order a page gives them.
SERVE_EVENTS = "serve_events"
CREATE_SERVE_EVENTS = f"""
CREATE TABLE {SERVE_EVENTS} AS
SELECT *, to_json(struct_pack({", ".join(f"{f} := {f}" for f in SERVE_EVENT_FIELDS)}))::VARCHAR AS item
FROM (
    SELECT {EVENT_ROWS_COLUMNS}, a.title, a.published::VARCHAR AS published,
           substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
    {EVENT_ROWS_JOINS}
)
ORDER BY pair_a NULLS LAST, pair_b NULLS LAST, {EVENTS_NEWEST_FIRST}
"""
# Its events as a snapshot's page file has them (``store/pages.py``): in the order stored, the
# day as days since 1970, the JSON followed by a comma.
SERVE_PAGES = f"""
SELECT pair_a, pair_b, (day - DATE '1970-01-01')::INTEGER AS day_number, item || ',' AS item
FROM {SERVE_EVENTS}
"""

# Series are grouped by the pair's two columns ({a}, {b}): in order (pair_a, pair_b) for either
# way, source and target for one way. A query for one pair filters on them; a snapshot's table of
# every pair's series (SERVE_PERIODS) groups by them.
DYAD_EVENTS = """
WITH dyad AS (
    SELECT e.*, e.{a} AS ka, e.{b} AS kb, date_trunc('{freq}', e.day) AS period
    FROM {rows} e
    WHERE {pair} AND e.day IS NOT NULL {window}
), once AS (  -- one event per story: the same source, target and code told by many articles
    SELECT ka, kb, period, story_key, source_country, target_country, cameo,
           any_value(quad_class) AS quad_class, any_value(plover_type) AS plover_type,
           any_value(goldstein) AS goldstein, list(DISTINCT article_id) AS article_ids,
           avg(article_tone) AS tone
    FROM dyad GROUP BY ALL
)
"""
# A period of a series: its events once per story, by quad class and by PLOVER type ('?' where none).
PERIOD_COLUMNS = """
       period::VARCHAR AS period, count(*) AS events, count(DISTINCT story_key) AS stories,
       len(list_distinct(flatten(list(article_ids)))) AS articles,
       count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
       count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
       avg(goldstein) AS goldstein, avg(tone) AS tone,
       count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
       count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
       histogram(coalesce(plover_type, '?')) AS by_type"""
PERIODS = DYAD_EVENTS + f"SELECT {PERIOD_COLUMNS} FROM once GROUP BY ka, kb, period ORDER BY period"

# A snapshot's series of every pair, at every frequency, either way and one way (``Store.prepare_serving``).
SERVE_PERIODS = "serve_periods"
CHECKPOINT = "CHECKPOINT"
SERIES_COLUMNS = {False: ("pair_a", "pair_b"), True: ("source_country", "target_country")}
CREATE_SERVE_PERIODS = f"""
CREATE TABLE {SERVE_PERIODS} (
    freq VARCHAR, ordered BOOLEAN, a VARCHAR, b VARCHAR, period VARCHAR, events BIGINT, stories BIGINT,
    articles BIGINT, cooperation BIGINT, conflict BIGINT, goldstein DOUBLE, tone DOUBLE,
    q1 BIGINT, q2 BIGINT, q3 BIGINT, q4 BIGINT, by_type MAP(VARCHAR, UBIGINT)
)
"""
INSERT_SERVE_PERIODS = (
    f"INSERT INTO {SERVE_PERIODS} "
    + DYAD_EVENTS
    + f"SELECT '{{freq}}', {{ordered}}, ka, kb, {PERIOD_COLUMNS}"
    + " FROM once GROUP BY ka, kb, period ORDER BY ka, kb, period"
)
# Every pair's whole series as ``GET /dyads/{a}/{b}/series`` gives its periods: a JSON array, one
# row a series. As ``Period``: the start's day, the types with the most events first, then by
# name, and the index (cooperation minus conflict over events) rounded to 4 decimals half to
# even on the exact ratio (``Period.shown_index``), in integers. Read once, into the snapshot's
# series file (``store/pages.py``): a table of it would only hold the same JSON again.
SERVE_SERIES_ROWS = f"""
WITH p AS (SELECT *, abs(cooperation - conflict) * 10000 AS n FROM {SERVE_PERIODS})
SELECT freq, ordered, a, b, to_json(list(struct_pack(
    start := period[:10], events := events, stories := stories, articles := articles,
    cooperation := cooperation, conflict := conflict, goldstein := goldstein, tone := tone,
    by_type := map_from_entries(list_transform(
        list_sort(list_transform(map_entries(by_type), lambda e: {{'n': -e.value::BIGINT, 'k': e.key}})),
        lambda e: {{'key': e.k, 'value': -e.n}})),
    by_quad := [q1, q2, q3, q4],
    index := CASE WHEN events = 0 THEN 0.0 ELSE sign(cooperation - conflict) * (
        n // events + CASE WHEN 2 * (n % events) > events
                             OR (2 * (n % events) = events AND (n // events) % 2 = 1) THEN 1 ELSE 0 END
    ) / 10000 END
) ORDER BY period))::VARCHAR AS periods
FROM p GROUP BY ALL
ORDER BY freq, ordered, a, b
"""
SERVED_PERIODS = f"""
SELECT * EXCLUDE (freq, ordered, a, b) FROM {SERVE_PERIODS}
WHERE freq = $freq AND ordered = $ordered AND a = $a AND b = $b ORDER BY period
"""

TOP_EVENTS = (
    DYAD_EVENTS
    + """
SELECT d.period::VARCHAR, d.source_country, d.target_country, d.cameo, d.plover_type, d.goldstein,
       d.modality, d.claimed_by, a.title, a.outlet, substr(a.text, d.sentence_start + 1,
       d.sentence_end - d.sentence_start) AS sentence, d.article_id, d.rule,
       count(*) OVER (PARTITION BY d.story_key, d.cameo, d.source_country, d.target_country) AS copies
FROM dyad d JOIN articles a ON a.id = d.article_id
WHERE d.period = $period::TIMESTAMP
QUALIFY row_number() OVER (
    PARTITION BY d.story_key, d.cameo, d.source_country, d.target_country ORDER BY d.article_id) = 1
ORDER BY abs(d.goldstein) DESC, copies DESC LIMIT $limit
"""
)


def pair_filter(ordered: bool) -> str:
    forward = "(e.source_country = $a AND e.target_country = $b)"
    return forward if ordered else f"({forward} OR (e.source_country = $b AND e.target_country = $a))"


def dyad_pair_filter(ordered: bool, rows: str) -> str:
    """The pair either way (or from ``$a`` to ``$b``): on a snapshot's SERVE_EVENTS by its pair
    in order, which its row groups are sorted by; on the store's events by their countries."""
    if rows != SERVE_EVENTS:
        return pair_filter(ordered)
    pair = "e.pair_a = least($a, $b) AND e.pair_b = greatest($a, $b)"
    return f"{pair} AND e.source_country = $a" if ordered else pair


def window_filter(start: str | None, end: str | None) -> str:
    clauses = []
    if start:
        clauses.append("AND e.day >= $start::DATE")
    if end:
        clauses.append("AND e.day <= $end::DATE")
    return " ".join(clauses)


def check_frequency(freq: str) -> None:
    if freq not in SERIES_FREQUENCIES:
        raise StoreError(f"unknown frequency {freq!r}: use one of {', '.join(SERIES_FREQUENCIES)}")


def dyad_sql(sql: str, freq: str, ordered: bool, start: str | None, end: str | None, rows: str = EVENT_ROWS) -> str:
    check_frequency(freq)
    a, b = SERIES_COLUMNS[ordered]
    return (
        sql.replace("{freq}", freq)
        .replace("{a}", a)
        .replace("{b}", b)
        .replace("{rows}", rows)
        .replace("{pair}", dyad_pair_filter(ordered, rows))
        .replace("{window}", window_filter(start, end))
    )


def attach_sql(path: Path, row_group_size: int) -> str:
    """Attach the store at ``path`` (a path the program chose, quoted here) and use it."""
    quoted = str(path).replace("'", "''")
    return f"ATTACH '{quoted}' AS snapshot (ROW_GROUP_SIZE {int(row_group_size)}); USE snapshot"


def serve_periods_sql(freq: str, ordered: bool) -> str:
    """Every pair's series at ``freq``, either way or one way, into ``SERVE_PERIODS``."""
    a, b = SERIES_COLUMNS[ordered]
    every_pair = f"e.{a} IS NOT NULL AND e.{b} IS NOT NULL"
    sql = INSERT_SERVE_PERIODS.replace("{pair}", every_pair).replace("{ordered}", str(ordered).upper())
    return dyad_sql(sql, freq, ordered, None, None, SERVE_EVENTS)


def dyad_params(a: str, b: str, start: str | None, end: str | None) -> dict[str, str]:
    values = {"a": a.upper(), "b": b.upper()}
    if start:
        values["start"] = start
    if end:
        values["end"] = end
    return values


PAIR_QUOTES = """
SELECT q.speaker_name, q.kind, q.text, a.title, a.outlet, a.published::VARCHAR AS published
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE q.article_id IN (SELECT DISTINCT e.article_id FROM events e WHERE {pair})
  AND q.speaker_name IS NOT NULL
ORDER BY a.published DESC NULLS LAST, q.quote_no LIMIT $limit
"""
MOST_COVERED_PAIR = """
SELECT least(source_country, target_country), greatest(source_country, target_country), count(*)
FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL
  AND source_country <> target_country AND length(source_country) = 3 AND length(target_country) = 3
GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1
"""


# --- synthetic events for `detente bench`: a dyad query over a million events ---

SYNTHETIC_EVENTS = """
INSERT INTO events
    (article_id, event_no, source_country, target_country, cameo, goldstein, quad_class, plover_type, date)
SELECT 'synthetic-' || (i // 5), i % 5,
       ['IND', 'RUS', 'USA', 'CHN', 'PAK', 'UKR', 'DEU', 'FRA'][1 + (hash(i) % 8)::INT],
       ['IND', 'RUS', 'USA', 'CHN', 'PAK', 'UKR', 'DEU', 'FRA'][1 + (hash(i + 7) % 8)::INT],
       '0' || (1 + i % 9)::VARCHAR, (hash(i) % 200)::DOUBLE / 10 - 10, 1 + (i % 4)::INT, 'CONSULT',
       strftime(DATE '2015-01-01' + ((hash(i) % 3650)::INT), '%Y-%m-%d')
FROM range(?) t(i)
"""


# Five events per synthetic article, and ten articles per story (the same story in ten outlets).
SYNTHETIC_ARTICLES = """
INSERT INTO articles (id, outlet, status, text, content_hash, record, tone)
SELECT 'synthetic-' || i, 'Outlet ' || (i % 40), 'coded', '', '', '{}', (hash(i) % 100)::DOUBLE / 10 - 5
FROM range(?) t(i)
"""
SYNTHETIC_STORIES = """
INSERT INTO stories SELECT 'synthetic-' || i, 'story-' || (i // 10), ''::BLOB FROM range(?) t(i)
"""


# --- the write path and the store's own reads ---

CREATE_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
)
APPLIED_MIGRATIONS = "SELECT version FROM schema_migrations"
RECORD_MIGRATION = "INSERT INTO schema_migrations (version, name) VALUES (?, ?)"
STORY_SIGNATURES = "SELECT article_id, story_id, signature FROM stories"
# An Arrow batch registered as ``_batch`` goes in whole; {table} and {columns} are the store's own names.
INSERT_BATCH = "INSERT INTO {table} ({columns}) SELECT {columns} FROM _batch"
# The columns a write fills: those without a default (ids and timestamps fill themselves).
WRITTEN_COLUMNS = (
    "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND column_default IS NULL ORDER BY column_index"
)
EMPTY_ROWS = "SELECT {columns} FROM {table} LIMIT 0"
RECORD_FAILURE = (
    "INSERT INTO failures (source, reason, detail) VALUES (?, ?, ?) "
    "ON CONFLICT (source, reason) DO UPDATE SET detail = excluded.detail, "
    "recorded_at = now()"
)
STORED_HASHES = "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?))"
COUNT_ROWS = "SELECT count(*) FROM {table}"
ALL_ROWS = "SELECT * FROM {table}"
ALL_RECORDS = "SELECT record FROM articles ORDER BY id"
ALL_FAILURES = "SELECT source, reason, detail FROM failures ORDER BY recorded_at, source"
COPY_QUERY = "COPY ({query}) TO '{path}' ({options})"


# --- browsing, for the service (store/browse.py) ---

BROWSE_ARTICLE_COUNT = "SELECT count(*) FROM articles"
BROWSE_RECORD = "SELECT a.record, s.story_id FROM articles a LEFT JOIN stories s ON s.article_id = a.id WHERE a.id = ?"

BROWSE_ARTICLES = """
SELECT a.id, a.title, a.outlet, a.url, a.published::VARCHAR AS published, a.language, a.status,
       a.skip_reason, a.tone, a.word_count, s.story_id,
       (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
FROM articles a LEFT JOIN stories s ON s.article_id = a.id
WHERE {where}
ORDER BY a.published DESC NULLS LAST, a.id
LIMIT ? OFFSET ?
"""

# DuckDB draws a progress bar on the terminal for a long query: not in a service's log.
QUIET = "SET enable_progress_bar = false"
# Every column of the tables a snapshot answers from, read once when it is taken, so that its
# blocks are in DuckDB's buffers before the first request (not read by the first hundred).
WARM_SNAPSHOT = f"""
{QUIET};
SELECT max(COLUMNS(*)) FROM {SERVE_EVENTS};
SELECT max(COLUMNS(*)) FROM {SERVE_PERIODS}
"""

# The pages of events and pairs read a snapshot's SERVE_EVENTS (the pair in order, the day).
# A page of events, as JSON. Those of one pair are read in the order they are stored, which is
# the page's (DuckDB keeps the order of insertion where a query has no ORDER BY); others are
# sorted ({order}).
BROWSE_EVENTS = f"""
SELECT e.item
FROM {SERVE_EVENTS} e
WHERE {{where}}
{{order}}
LIMIT ? OFFSET ?
"""
BROWSE_EVENTS_ORDER = f"ORDER BY {EVENTS_NEWEST_FIRST}"

BROWSE_PAIRS = f"""
SELECT pair_a AS a, pair_b AS b, count(*) AS events, count(DISTINCT story_key) AS stories,
       avg(goldstein) AS goldstein
FROM {SERVE_EVENTS} e
WHERE pair_a <> pair_b AND length(pair_a) = 3 AND length(pair_b) = 3 {{window}}
GROUP BY 1, 2
ORDER BY stories DESC, events DESC, a, b
LIMIT ? OFFSET ?
"""

BROWSE_NETWORK_TONE = f"""
SELECT pair_a AS a, pair_b AS b, avg(article_tone) AS tone
FROM {SERVE_EVENTS} e
WHERE pair_a <> pair_b {{window}}
GROUP BY 1, 2
"""

BROWSE_QUOTES = """
SELECT q.article_id, q.quote_no, q.text, q.kind, q.speaker_name, q.cue, q."start", q."end",
       ac.country AS speaker_country, a.title, a.outlet, a.published::VARCHAR AS published
FROM quotes q JOIN articles a ON a.id = q.article_id
LEFT JOIN actors ac ON ac.article_id = q.article_id AND ac.actor_id = q.speaker_actor
WHERE {where}
ORDER BY a.published DESC NULLS LAST, q.article_id, q.quote_no
LIMIT ? OFFSET ?
"""

BROWSE_SPEAKERS = """
SELECT q.speaker_name AS speaker, any_value(ac.country) AS country, count(*) AS quotes,
       count(DISTINCT q.article_id) AS articles
FROM quotes q LEFT JOIN actors ac ON ac.article_id = q.article_id AND ac.actor_id = q.speaker_actor
WHERE q.speaker_name IS NOT NULL
GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT ? OFFSET ?
"""

BROWSE_STORY = """
SELECT a.id, a.title, a.outlet, a.url, a.published::VARCHAR AS published
FROM stories s JOIN articles a ON a.id = s.article_id
WHERE s.story_id = ?
ORDER BY a.published NULLS LAST, a.id
"""
