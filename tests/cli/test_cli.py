from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli.commands import main

from ..conftest import EXAMPLES, ROOT, shared_path

DETENTE = [sys.executable, "-m", "detente"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*DETENTE, *args], input=stdin, capture_output=True)


def test_cli_extract_seed_article_as_json() -> None:
    result = run("extract", str(shared_path("corpus", "seed-india-russia-ties.txt")), "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    article = record["article"]
    assert article["title"] == "India-Russia ties ‘under stress’ amid West interference: Envoy"
    assert article["outlet"] == "Asian Lite News"
    assert article["credits"] == [
        {"agency": "ANI", "role": "wire"},
        {"agency": "TASS", "role": "cited"},
        {"agency": "PTI", "role": "cited"},
    ]
    assert article["dek"].startswith("Russian envoy said US defence ties")
    assert "mc4wp_form" not in article["text"] and "ALSO READ" not in article["text"]
    assert {r["reason"] for r in article["removed"]} >= {"shortcode", "related-link"}


def test_cli_extract_several_articles_gives_json_lines() -> None:
    result = run("extract", str(EXAMPLES / "pages"))
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0 and len(lines) == 4
    assert all(json.loads(line)["schema_version"] == "1" for line in lines)


def test_cli_extract_reads_stdin_and_takes_a_publication_date() -> None:
    text = b"Headline\n\nThe ministers of India and Russia met in Delhi on Monday and agreed to meet again in May."
    result = run("extract", "-", "--published", "2023-02-27", stdin=text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["published"] == "2023-02-27"


def test_cli_extract_text_format_is_for_people() -> None:
    result = run("extract", str(EXAMPLES / "scraped" / "2023-03-02-ind-rus-lavrov.txt"), "--format", "text")
    out = result.stdout.decode()
    assert result.returncode == 0 and out.startswith("# Lavrov meets Jaishankar") and "removed (shortcode)" in out


def test_cli_exit_status_is_non_zero_when_nothing_was_processed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = run("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "s.duckdb"))
    assert result.returncode == 1
    assert b"no article was processed" in result.stderr and b"empty" in result.stderr


def test_cli_ingest_summary_export_and_failures(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "text": \n')
    result = run("ingest", str(EXAMPLES), str(tmp_path / "bad.jsonl"), "--db", db)
    assert result.returncode == 0, result.stderr
    summary = result.stderr.decode()
    assert re.search(r"stored\s+25", summary) and re.search(r"skipped\s+1 \(language:de: 1\)", summary)
    assert re.search(r"failed\s+1 \(invalid-json: 1\)", summary)
    assert b"invalid-json" in run("failures", "--db", db).stdout
    assert b"Eastern Ledger" in run("summary", "--db", db).stdout
    exported = run("export", "--format", "jsonl", "--db", db).stdout.decode().splitlines()
    assert len(exported) == 26
    assert run("export", "--format", "csv", "--table", "credits", "--db", db).stdout.startswith(b"article_id,agency")
    assert run("export", "--format", "parquet", "--db", db).returncode == 2  # parquet needs --output


def test_cli_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for name in main.commands:
        assert f"detente {name}" in readme, f"README does not document `detente {name}`"


@pytest.mark.parametrize("name", ["extract", "ingest", "summary", "export", "failures", "schema"])
def test_cli_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0 and result.output.startswith("Usage:")


@pytest.mark.parametrize("command", ["dyad", "report"])
@pytest.mark.parametrize(("option", "value"), [("--from", "2023-13-45"), ("--to", "next week"), ("--from", "")])
def test_cli_malformed_day_is_a_usage_error_not_a_traceback(
    tmp_path: Path, command: str, option: str, value: str
) -> None:
    result = CliRunner().invoke(main, [command, "IND", "RUS", option, value, "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "is no day" in result.output and "YYYY-MM-DD" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
