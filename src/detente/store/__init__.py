"""The store: one door to the DuckDB database.

``database`` holds the connection, migrations (``migrations/*.sql``) and the one writer; ``sql``
the text of every query; ``rows`` flattens records into table rows; ``stories`` groups retold
articles. No SQL lives outside this package. The modules inside are internal.
"""

from .database import DEFAULT_DB, EXPORT_FORMATS, Period, Store, migrations, open_store

__all__ = ["DEFAULT_DB", "EXPORT_FORMATS", "Period", "Store", "migrations", "open_store"]
