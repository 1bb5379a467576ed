"""The service: a REST API and a dashboard over a snapshot of the store (``detente serve``)."""

from __future__ import annotations

from ..store.snapshot import Snapshots
from .app import create_app

# The module's public names.
__all__ = ["Snapshots", "create_app", "serve"]


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the service on ``host:port`` until stopped (uvicorn, one process)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
