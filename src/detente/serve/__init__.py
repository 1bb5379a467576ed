"""The service: a REST API and a dashboard over a snapshot of the store (``detente serve``)."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import StoreError
from ..store.snapshot import Snapshots
from .app import STORE_VARIABLE, create_app

# The module's public names.
__all__ = ["Snapshots", "create_app", "serve"]


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the service on ``host:port`` until stopped: uvicorn, in ``workers`` processes that
    share the port, each answering from a snapshot of its own (one Python process holds one
    core at a time when it runs Python, so a second uses the second core)."""
    import uvicorn

    if not Path(db).is_file():
        raise StoreError(f"no store at {db}: create one with `detente ingest PATH --db {db}`")
    options = {"host": host, "port": port, "log_level": "info", "access_log": False}
    if workers == 1:
        uvicorn.run(create_app(db), **options)  # type: ignore[arg-type]
        return
    os.environ[STORE_VARIABLE] = str(Path(db).resolve())
    uvicorn.run("detente.serve.app:from_environment", factory=True, workers=workers, **options)  # type: ignore[arg-type]
