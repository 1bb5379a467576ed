"""The pipeline: raw article to record, one at a time or in batches, in worker processes, into the store.

``extract`` cleans and codes articles, ``coding`` is what a worker runs on a chunk (language,
parse, ``annotate``), ``workers`` the process pool, ``ingest`` a run into the store. The modules
inside are internal.
"""

from .extract import extract, extract_many, extract_parsed, process
from .ingest import Summary, ingest

__all__ = ["Summary", "extract", "extract_many", "extract_parsed", "ingest", "process"]
