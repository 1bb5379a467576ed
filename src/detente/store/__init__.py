"""The store: one door to the DuckDB database."""
