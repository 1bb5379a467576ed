"""A store built from the examples and articles written for these tests, and the real service
(`detente serve`, uvicorn) over it on a free port of 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from detente.evaluation.bench_api import running_service

from ..conftest import EXAMPLES

DETENTE = [sys.executable, "-m", "detente"]

# Twelve weeks of cooperation between India and Russia, then a week of conflict: a shift. Each
# article is written for these tests and told in its own words, so that each is its own story.
COOPERATION = (
    "India and Russia signed an agreement on nuclear energy cooperation in New Delhi on Monday.",
    "Russian President Vladimir Putin praised Indian Prime Minister Narendra Modi for his leadership.",
    "India and Russia held talks in Moscow on expanding their trade in fertilisers and grain.",
    "Russia agreed to supply more crude oil to India under a long-term contract, officials said.",
    "Indian Foreign Minister Subrahmanyam Jaishankar met Russian Foreign Minister Sergei Lavrov in Moscow.",
    "India and Russia pledged to deepen their defence cooperation during a visit to New Delhi.",
    "Russia welcomed India's proposal for a new shipping corridor through Iran to the Baltic.",
    "India thanked Russia for sending humanitarian assistance after the floods in Assam.",
    "India and Russia agreed to hold joint naval exercises in the Bay of Bengal in the spring.",
    "Russia and India signed a memorandum on space research and the training of astronauts.",
    "Indian and Russian officials met in Vladivostok to discuss investment in the Far East.",
    "Russia offered India help to build two more reactors at Kudankulam, the agency reported.",
)
CONFLICT = (
    "Russia accused India of breaking its promise on the purchase of helicopters and condemned the decision. "
    "India rejected the accusation and criticised Moscow for its remarks."
)
# Strings a browser would run if the page put them in as HTML.
PAYLOAD_TITLE = '<script>alert("title")</script> India <img src=x onerror=alert(1)> Russia'
PAYLOAD_TEXT = (
    'India and Russia signed a deal <script>alert("text")</script> on oil in Moscow, officials said. '
    '"<img src=x onerror=alert(3)> We will cooperate with India," said Sergei Lavrov. '
    'Details are at javascript:alert(4) and <a href="javascript:alert(5)">here</a>.'
)


def week(n: int) -> str:
    """The Monday of week ``n`` of 2024, from 1 January."""
    return (date(2024, 1, 1) + timedelta(weeks=n)).isoformat()


def written_articles() -> list[dict[str, str]]:
    articles = [
        {
            "id": f"coop-{n}",
            "title": f"India and Russia, week {n}",
            "published": week(n),
            "outlet": "Test Wire",
            "text": text,
        }
        for n, text in enumerate(COOPERATION)
    ]
    articles.append(
        {
            "id": "conflict",
            "title": "Russia and India fall out",
            "published": week(len(COOPERATION)),
            "outlet": "Test Wire",
            "text": CONFLICT,
        }
    )
    articles.append(
        {"id": "payload", "title": PAYLOAD_TITLE, "published": week(3), "outlet": "<b>Outlet</b>", "text": PAYLOAD_TEXT}
    )
    return articles


def write_feed(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


@dataclass
class Service:
    url: str
    db: Path

    def get(self, path: str, **params: object) -> httpx.Response:
        return httpx.get(self.url + path, params=params, timeout=30)


@pytest.fixture(scope="package")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("service")
    db = root / "service.duckdb"
    feed = write_feed(root / "test-articles.jsonl", written_articles())
    subprocess.run([*DETENTE, "ingest", str(EXAMPLES), str(feed), "--db", str(db)], check=True, capture_output=True)
    return db


@pytest.fixture(scope="package")
def service(store_db: Path) -> Iterator[Service]:
    with running_service(store_db) as url:
        yield Service(url, store_db)
