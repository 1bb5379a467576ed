"""Shared fixtures: the ../shared data (skipped with a clear message when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DETENTE_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or a skip saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests need ../shared beside the repository")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"
