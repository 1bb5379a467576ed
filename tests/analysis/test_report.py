"""The HTML report opens in headless Chromium without errors (Debian's chromium, installed by make test)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from detente.analysis.report import render_report
from detente.store.database import open_store

from .test_series import store_path  # noqa: F401  (the fixture: a store with a known shift)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_is_self_contained_and_names_the_shift(store_path: Path) -> None:  # noqa: F811
    with open_store(store_path, read_only=True) as store:
        page = render_report(store, "IND", "RUS", "week")
    assert not re.search(r"<script[^>]+src=", page) and "Plotly.newPlot" in page  # the library is inline
    assert "ties under stress" in page and "accused Russia" in page


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is absent: `make test` installs it (make browser)")
def test_report_opens_in_headless_chromium(store_path: Path, tmp_path: Path) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    with open_store(store_path, read_only=True) as store:
        report = tmp_path / "report.html"
        report.write_text(render_report(store, "IND", "RUS", "week"), encoding="utf-8")
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(report.as_uri())
        page.wait_for_selector(".plotly-graph-div .main-svg")
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        charts = page.locator(".plotly-graph-div").count()
        browser.close()
    assert errors == [] and charts == 2
    assert (tmp_path / "report.png").stat().st_size > 10_000
