"""The dashboard in Debian's chromium (Playwright): pick a pair, click a shift, open an event's
article with its trigger highlighted, and screenshots; an article carrying script and
event-handler payloads runs no script."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import PAYLOAD_TITLE, Service

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is absent: `make test` installs it (make browser)"
)


@pytest.fixture
def page(service: Service) -> Iterator[tuple[Any, list[str], list[str]]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        opened = browser.new_page(viewport={"width": 1300, "height": 1000})
        errors: list[str] = []
        dialogs: list[str] = []
        opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        opened.on("pageerror", lambda e: errors.append(str(e)))
        opened.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        yield opened, errors, dialogs
        browser.close()


def test_dashboard_pair_shift_event_and_article(service: Service, page: Any, tmp_path: Path) -> None:
    tab, errors, dialogs = page
    tab.goto(service.url + "/")
    tab.wait_for_selector("body[data-ready=true]", timeout=30_000)
    tab.select_option("#pair", "IND,RUS")
    tab.wait_for_selector("#series .main-svg", timeout=30_000)
    shift = tab.locator("#shifts button.shift").last
    shift.wait_for(timeout=30_000)
    tab.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    shift.click()
    tab.wait_for_selector("#events li.event", timeout=30_000)
    assert "Events, 2024-" in tab.locator("#events-title").inner_text()
    sentence = tab.locator("#events li.event .sentence").first
    assert sentence.locator("mark.trigger").count() == 1
    tab.locator("#events li.event a.open").first.click()
    tab.wait_for_selector("#article-view:not([hidden]) #article-text span.trigger", timeout=30_000)
    assert tab.locator("#article-text span.actor").count() >= 2
    assert tab.locator("#article-title").inner_text()
    tab.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000 and (tmp_path / "article.png").stat().st_size > 10_000
    assert errors == [] and dialogs == []


def test_dashboard_network_and_quotes_by_speaker(service: Service, page: Any) -> None:
    tab, errors, dialogs = page
    tab.goto(service.url + "/#network")
    tab.wait_for_selector("#network circle", timeout=30_000)
    assert tab.locator("#network line").count() >= 1
    tab.goto(service.url + "/#speakers")
    tab.locator("#speakers button.speaker").first.click()
    tab.wait_for_selector("#quotes li q", timeout=30_000)
    assert errors == [] and dialogs == []


def test_dashboard_runs_no_script_from_an_article(service: Service, page: Any, tmp_path: Path) -> None:
    tab, errors, dialogs = page
    tab.goto(service.url + "/#article/payload")
    tab.wait_for_selector("#article-view:not([hidden]) #article-text span", timeout=30_000)
    assert tab.locator("#article-title").inner_text() == PAYLOAD_TITLE  # shown as text
    text = tab.locator("#article-text").inner_text()
    assert "<script>" in text and "onerror=alert(3)" in text and "javascript:alert(4)" in text
    assert tab.locator("#article-view script, #article-view img, #article-view a[href^=javascript]").count() == 0
    tab.goto(service.url + "/#speakers")
    tab.wait_for_selector("#speakers button.speaker", timeout=30_000)
    tab.goto(service.url + "/#pair")
    tab.select_option("#pair", "IND,RUS")
    tab.wait_for_selector("#series .main-svg", timeout=30_000)
    tab.wait_for_timeout(1000)  # what a payload would have run, it would have run by now
    tab.screenshot(path=str(tmp_path / "payload.png"), full_page=True)
    assert dialogs == [] and errors == []
