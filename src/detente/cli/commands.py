"""The ``detente`` command: parses input, calls one library function, formats the result."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import DetenteError, StoreError
from ..knowledge.petrarch import convert
from ..options import Options
from ..pipeline.coding import Crash
from ..pipeline.extract import process
from ..pipeline.ingest import Summary, ingest
from ..read.sources import read_paths
from ..record import Failure, Record, json_schema_text
from ..store.database import DEFAULT_DB, EXPORT_FORMATS, Store, open_store
from . import console

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["entry", "main"]

DEFAULT_SHARED = os.environ.get("DETENTE_SHARED", "../shared")
# The dyad table has ten columns: narrower than this, rich folds them into unreadable stubs.
DYAD_WIDTH = 140

err = Console(stderr=True)
out = Console(highlight=False)

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    help="The DuckDB store file.",
    type=click.Path(dir_okay=False),
)


@click.group()
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.version_option(package_name="detente")
def main(verbose: int) -> None:
    """Détente: news about international relations turned into event data."""
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


dictionaries_option = click.option(
    "--dictionaries",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A PETRARCH/TABARI dictionary directory (*.actors.txt, *.agents.txt) to use instead of Phoenix.",
)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that do not give one.")
@dictionaries_option
def extract(paths: tuple[str, ...], fmt: str, published: str | None, dictionaries: Path | None) -> None:
    """Print the record of every article in PATHS (files, directories, or - for stdin); no store."""
    coded = crashed = 0
    for outcome in process(read_paths(paths), published=published, options=Options(dictionaries)):
        if isinstance(outcome, Record):
            coded += 1
            click.echo(outcome.to_json() if fmt == "json" else console.record_text(outcome))
        elif isinstance(outcome, Crash | Failure):
            failure = outcome.failure if isinstance(outcome, Crash) else outcome
            crashed += isinstance(outcome, Crash)
            err.print(f"[red]failed[/red] {failure.reason}: {failure.detail}", highlight=False)
    if coded == 0 or crashed:
        raise click.ClickException(f"{coded} article(s) coded, {crashed} crashed")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that do not give one.")
@dictionaries_option
def explain(paths: tuple[str, ...], published: str | None, dictionaries: Path | None) -> None:
    """Show, sentence by sentence, the parse, the actors and why each event was or was not coded."""
    from ..events.explain import explain_record
    from ..pipeline.extract import extract_parsed

    for item in read_paths(paths):
        if isinstance(item, Failure):
            err.print(f"[red]failed[/red] {item.reason}: {item.detail}", highlight=False)
            continue
        record, doc = extract_parsed(item, published=published, options=Options(dictionaries))
        click.echo(f"# {record.article.source}: {record.article.title}")
        for line in explain_record(record, doc, dictionaries):
            click.echo(line)


@main.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Coding processes.")
@dictionaries_option
def ingest_command(paths: tuple[str, ...], db: str, workers: int, dictionaries: Path | None) -> None:
    """Code every article in PATHS and store the records in the DuckDB store."""
    with open_store(db) as store, progress_bar() as update:
        summary = ingest(store, paths, progress=update, workers=workers, options=Options(dictionaries))
    print_summary(summary, db)
    if not summary.ok:
        raise click.ClickException(
            "no article was processed"
            if summary.processed == 0
            else f"{summary.crashed} article(s) crashed the pipeline"
        )


@main.command()
@db_option
def summary(db: str) -> None:
    """What the store holds: articles by outlet and month, credits, skipped and failed inputs."""
    with open_store(db, read_only=True) as store:
        for table in console.store_tables(store):
            out.print(table)


@main.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("--table", default="events", show_default=True, help="Table for csv and parquet.")
@click.option("-o", "--output", default="-", show_default=True, help="Output file (- for stdout).")
@db_option
def export(fmt: str, table: str, output: str, db: str) -> None:
    """Write the store's records (jsonl) or one of its tables (csv, parquet)."""
    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet cannot go to stdout: give --output FILE")
    with open_store(db, read_only=True) as store:
        store.export(fmt, "/dev/stdout" if output == "-" else output, table=table)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 32),
    help="Processes answering requests (one per core); each keeps its own snapshot of the store.",
)
def serve(db: str, host: str, port: int, workers: int) -> None:
    """Serve the REST API (OpenAPI at /docs) and the dashboard (at /) over the store."""
    try:
        from ..serve import serve as run
    except ImportError as exc:
        raise click.ClickException(
            f"the service needs FastAPI and uvicorn: pip install 'detente[api]' ({exc})"
        ) from exc
    try:
        run(db, host, port, workers)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
def schema() -> None:
    """Print the JSON Schema of the extraction record."""
    click.echo(json_schema_text(), nl=False)


@main.command()
@db_option
def failures(db: str) -> None:
    """Inputs that were rejected, and why."""
    with open_store(db, read_only=True) as store:
        rows = store.failures()
    table = Table("source", "reason", "detail", title=f"{len(rows)} failure(s)")
    for f in rows:
        table.add_row(f.source, f.reason, f.detail)
    out.print(table)


def iso_day(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``--from``/``--to`` day as YYYY-MM-DD, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is no day; give one as YYYY-MM-DD (2023-06-30)", param=param) from None


@main.command()
@click.argument("a", required=False)
@click.argument("b", required=False)
@click.option("--from", "start", callback=iso_day, help="First day (YYYY-MM-DD).")
@click.option("--to", "end", callback=iso_day, help="Last day (YYYY-MM-DD).")
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@click.option("--ordered", is_flag=True, help="Only events from A to B (default: both ways).")
@db_option
def dyad(a: str | None, b: str | None, start: str | None, end: str | None, freq: str, ordered: bool, db: str) -> None:
    """The series of events between countries A and B (ISO3; without them, the pair with the most
    events), its shifts and the events behind them."""
    from ..analysis.series import explain_shifts

    with open_store(db, read_only=True) as store:
        a, b = chosen_pair(store, a, b, db)
        periods, shifts = explain_shifts(store, a, b, freq, start, end, ordered)
    wide = Console(highlight=False, width=max(out.width, DYAD_WIDTH))
    for table in console.dyad_tables(a.upper(), b.upper(), periods, shifts):
        wide.print(table)


@main.command(name="report")
@click.argument("a", required=False)
@click.argument("b", required=False)
@click.option("--from", "start", callback=iso_day, help="First day (YYYY-MM-DD).")
@click.option("--to", "end", callback=iso_day, help="Last day (YYYY-MM-DD).")
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@click.option("-o", "--output", default="report.html", show_default=True, type=click.Path(dir_okay=False))
@db_option
def report_command(
    a: str | None, b: str | None, start: str | None, end: str | None, freq: str, output: str, db: str
) -> None:
    """Write a self-contained HTML report on countries A and B (default: the most covered pair)."""
    from ..analysis.report import render_report

    with open_store(db, read_only=True) as store:
        a, b = chosen_pair(store, a, b, db)
        Path(output).write_text(render_report(store, a, b, freq, start, end), encoding="utf-8")
    err.print(f"report on {a.upper()}–{b.upper()} written to {output}")


def chosen_pair(store: Store, a: str | None, b: str | None, db: str) -> tuple[str, str]:
    """The countries asked for, or the pair with the most events between them."""

    if a and b:
        return a, b
    pair = store.most_covered_pair()
    if pair is None:
        raise click.ClickException(f"{db} holds no event between two countries")
    return pair


@main.group()
def dictionaries() -> None:
    """PETRARCH/TABARI dictionaries."""


@dictionaries.command(name="convert")
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
def convert_dictionaries(source: Path, out: Path) -> None:
    """Convert the actor and agent files of SOURCE into Détente's JSON Lines in OUT."""
    actors, agents = convert(source, out)
    err.print(f"{actors:,} actor records and {agents:,} agent phrases written to {out}")


@main.command(name="eval")
@click.option(
    "--shared", default=DEFAULT_SHARED, show_default=True, type=click.Path(file_okay=False), help="The shared data."
)
@click.option("--docs", type=click.Path(dir_okay=False), help="Also write the tables to this Markdown file.")
@click.option(
    "--explain",
    is_flag=True,
    help="Show each missed or extra gold/dev event with its sentence, then every other component's misses"
    " (actors, quotes, dates, amounts, PolNeAR, textacy).",
)
@click.option("--pin", is_flag=True, help="Raise the floors to the current scores and pin the gold (needs --why).")
@click.option("--why", help="Why the floors move: recorded beside them.")
def eval_command(shared: str, docs: str | None, explain: bool, pin: bool, why: str | None) -> None:
    """Score the pipeline against the gold sets in ../shared and check the quality gate."""
    from ..evaluation import evaluate, gate
    from ..evaluation.markdown import explain_events, quality_markdown

    if pin and not why:
        raise click.UsageError("--pin needs --why: every move of the floors says why")
    evaluation = evaluate(Path(shared))
    for table in evaluation.tables:
        out.print(*console.score_tables(table))
    if explain:
        for line in explain_events(evaluation):
            click.echo(line)
        for component, misses in sorted(evaluation.misses.items()):
            click.echo(f"== {component}: {len(misses)} missed, extra or wrong")
            for miss in misses:
                click.echo(f"   {miss}")
    floors = gate.load_floors() if not pin or gate.FLOORS_FILE.exists() else gate.Floors()
    if pin:
        moved = gate.pin(evaluation.metrics(), evaluation.digests, floors, why or "")
        gate.save_floors(floors)
        err.print(f"{len(moved)} floor(s) raised; gold pinned in {gate.FLOORS_FILE}")
    problems = gate.check(evaluation.metrics(), evaluation.digests, floors)
    if docs:
        Path(docs).write_text(quality_markdown(evaluation, problems, "detente eval --docs " + docs), encoding="utf-8")
    for problem in problems:
        err.print(f"[red]gate[/red] {problem}", highlight=False)
    if problems:
        raise click.ClickException(f"the quality gate fails: {len(problems)} problem(s)")


@main.command(name="bench")
@click.option(
    "--shared", default=DEFAULT_SHARED, show_default=True, type=click.Path(file_okay=False), help="The shared data."
)
@click.option("--words", default=150_000, show_default=True, type=click.IntRange(1), help="Words of text per run.")
@click.option("--repeat", default=3, show_default=True, type=click.IntRange(1), help="Repetitions (medians reported).")
@click.option("--dyad-events", default=1_000_000, show_default=True, type=click.IntRange(1), help="Synthetic events.")
@click.option("--docs", type=click.Path(dir_okay=False), help="Also write the figures to this Markdown file.")
def bench_command(shared: str, words: int, repeat: int, dyad_events: int, docs: str | None) -> None:
    """Speed and memory of the pipeline against spaCy alone on the same texts, in one run."""
    from ..evaluation.bench import bench_markdown, run_bench

    if not Path(shared, "corpus").is_dir():
        raise click.ClickException(f"{shared}/corpus is absent: the bench reads real articles from ../shared")
    bench = run_bench(Path(shared), words=words, repeat=repeat, dyad_events=dyad_events)
    command = f"detente bench --words {words} --repeat {repeat} --dyad-events {dyad_events}"
    text = bench_markdown(bench, command)
    click.echo(text)
    if docs:
        Path(docs).write_text(text, encoding="utf-8")


@contextmanager
def progress_bar() -> Iterator[Callable[[Summary], None]]:
    """A live count of the run on stderr, gone when it ends (the summary stays)."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("reading", total=None)

        def update(summary: Summary) -> None:
            progress.update(task, description=console.progress_line(summary))

        yield update


def print_summary(summary: Summary, db: str) -> None:
    err.print(console.summary_text(summary, db), highlight=False)


def entry() -> None:
    """The console script: library errors become one line and exit status 1."""
    try:
        main()
    except DetenteError as exc:
        err.print(f"[red]error[/red]: {exc}", highlight=False)
        sys.exit(1)
