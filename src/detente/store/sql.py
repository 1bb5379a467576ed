"""The store's SQL text: every query over the tables, in one place (``database.Store`` runs them).

The schema is in the numbered migrations beside this module; ``database.py`` holds no SQL but
the transaction words (BEGIN, COMMIT, ROLLBACK).
"""

from __future__ import annotations

from ..errors import StoreError

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "EVENT_DAY_OF_E",
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
    "TYPES",
    "WRITTEN_COLUMNS",
    "check_frequency",
    "dyad_params",
    "dyad_sql",
    "pair_filter",
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

DYAD_EVENTS = f"""
WITH dyad AS (
    SELECT e.*, coalesce(s.story_id, e.article_id) AS story_id, a.outlet, a.tone AS article_tone,
           date_trunc('{{freq}}', {EVENT_DAY}) AS period
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN stories s ON s.article_id = e.article_id
    WHERE {{pair}} AND {EVENT_DAY} IS NOT NULL {{window}}
), once AS (  -- one event per story: the same source, target and code told by many articles
    SELECT period, story_id, source_country, target_country, cameo,
           any_value(quad_class) AS quad_class, any_value(plover_type) AS plover_type,
           any_value(goldstein) AS goldstein, list(DISTINCT article_id) AS article_ids,
           avg(article_tone) AS tone
    FROM dyad GROUP BY ALL
)
"""

PERIODS = (
    DYAD_EVENTS
    + """
SELECT period::VARCHAR, count(*) AS events, count(DISTINCT story_id) AS stories,
       len(list_distinct(flatten(list(article_ids)))) AS articles,
       count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
       count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
       avg(goldstein) AS goldstein, avg(tone) AS tone,
       count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
       count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
FROM once GROUP BY period ORDER BY period
"""
)

TYPES = (
    DYAD_EVENTS
    + """
SELECT period::VARCHAR, coalesce(plover_type, '?'), count(*) FROM once GROUP BY ALL ORDER BY 1, 3 DESC, 2
"""
)

TOP_EVENTS = (
    DYAD_EVENTS
    + """
SELECT d.period::VARCHAR, d.source_country, d.target_country, d.cameo, d.plover_type, d.goldstein,
       d.modality, d.claimed_by, a.title, a.outlet, substr(a.text, d.sentence_start + 1,
       d.sentence_end - d.sentence_start) AS sentence, d.article_id, d.rule,
       count(*) OVER (PARTITION BY d.story_id, d.cameo, d.source_country, d.target_country) AS copies
FROM dyad d JOIN articles a ON a.id = d.article_id
WHERE d.period = $period::TIMESTAMP
QUALIFY row_number() OVER (
    PARTITION BY d.story_id, d.cameo, d.source_country, d.target_country ORDER BY d.article_id) = 1
ORDER BY abs(d.goldstein) DESC, copies DESC LIMIT $limit
"""
)


def pair_filter(ordered: bool) -> str:
    forward = "(e.source_country = $a AND e.target_country = $b)"
    return forward if ordered else f"({forward} OR (e.source_country = $b AND e.target_country = $a))"


def window_filter(start: str | None, end: str | None) -> str:
    clauses = []
    if start:
        clauses.append(f"AND {EVENT_DAY} >= $start::DATE")
    if end:
        clauses.append(f"AND {EVENT_DAY} <= $end::DATE")
    return " ".join(clauses)


def check_frequency(freq: str) -> None:
    if freq not in SERIES_FREQUENCIES:
        raise StoreError(f"unknown frequency {freq!r}: use one of {', '.join(SERIES_FREQUENCIES)}")


def dyad_sql(sql: str, freq: str, ordered: bool, start: str | None, end: str | None) -> str:
    check_frequency(freq)
    return (
        sql.replace("{freq}", freq)
        .replace("{pair}", pair_filter(ordered))
        .replace("{window}", window_filter(start, end))
    )


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

BROWSE_EVENTS = """
SELECT e.article_id, e.event_no, e.source_country, e.source_text, e.target_country, e.target_text,
       e.cameo, e.quad_class, e.goldstein, e.plover_type, e.modality, e.negated, e.claimed_by,
       e.date, e.rule, e.confidence, e.trigger_start, e.trigger_end, e.trigger_text,
       e.sentence_start, e.sentence_end,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
       a.title, a.outlet, a.published::VARCHAR AS published, s.story_id
FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN stories s ON s.article_id = e.article_id
WHERE {where}
ORDER BY e.date DESC NULLS LAST, e.article_id, e.event_no
LIMIT ? OFFSET ?
"""

BROWSE_PAIRS = """
SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
       count(*) AS events, count(DISTINCT coalesce(s.story_id, e.article_id)) AS stories,
       avg(goldstein) AS goldstein
FROM events e LEFT JOIN stories s ON s.article_id = e.article_id
WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country
  AND length(source_country) = 3 AND length(target_country) = 3 {window}
GROUP BY 1, 2
ORDER BY stories DESC, events DESC, a, b
LIMIT ? OFFSET ?
"""

BROWSE_NETWORK_TONE = """
SELECT least(e.source_country, e.target_country) AS a, greatest(e.source_country, e.target_country) AS b,
       avg(a.tone) AS tone
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.source_country IS NOT NULL AND e.target_country IS NOT NULL AND e.source_country <> e.target_country
  {window}
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
