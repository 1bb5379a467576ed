"""An ingest runs into the store while the API answers: no error on either side, and the API sees
the new articles once the ingest has committed (docs/service.md: the service reads snapshots)."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from pathlib import Path

import httpx

from detente.evaluation.bench_api import running_service

from ..conftest import EXAMPLES
from .conftest import DETENTE, Service


def test_ingest_while_the_api_answers(store_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    shutil.copyfile(store_db, db)
    with running_service(db) as url:
        service = Service(url, db)
        before = service.get("/health").json()
        failures: list[str] = []
        answered = 0
        done = threading.Event()

        def ask() -> None:
            nonlocal answered
            paths = ["/health", "/articles?limit=20", "/events?pair=IND,RUS", "/dyads", "/dyads/IND/RUS/series"]
            while not done.is_set():
                for path in paths:
                    response = httpx.get(service.url + path, timeout=30)
                    if response.status_code != 200:
                        failures.append(f"{path}: {response.status_code} {response.text[:200]}")
                    answered += 1

        clients = [threading.Thread(target=ask) for _ in range(4)]
        for client in clients:
            client.start()
        time.sleep(1)  # the clients are asking before the ingest starts, and while it runs
        corpus = [str(EXAMPLES / "feed.jsonl"), str(EXAMPLES / "scraped")]
        more = tmp_path / "more"
        more.mkdir()
        for n in range(40):  # new articles (new ids) beside the examples already stored
            (more / f"n{n}.txt").write_text(
                f"---\nid: new-{n}\npublished: 2024-06-{1 + n % 28:02d}\n---\nNew article {n}\n"
                f"India and Russia held talks number {n} in Moscow on trade and energy, officials said.\n",
                encoding="utf-8",
            )
        ingest = subprocess.run(
            [*DETENTE, "ingest", *corpus, str(more), "--db", str(db)], capture_output=True, text=True, timeout=600
        )
        deadline = time.monotonic() + 30
        seen = before["articles"]
        while time.monotonic() < deadline and seen < before["articles"] + 40:
            seen = service.get("/health").json()["articles"]
            time.sleep(0.3)
        done.set()
        for client in clients:
            client.join(timeout=60)
        assert ingest.returncode == 0, ingest.stderr[-2000:]
        assert failures == [] and answered > 20
        after = service.get("/health").json()
        assert after["articles"] == before["articles"] + 40 and after["snapshot"] > before["snapshot"]
        assert service.get("/articles/new-7").status_code == 200
