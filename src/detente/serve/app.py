"""The REST API and the dashboard: FastAPI over a snapshot of the store.

Routes only read their parameters (validated by FastAPI and pydantic), call one function of
``store.browse``, ``analysis.series`` or ``extract``, and return its result as JSON. The
store is read from a snapshot (``serve.snapshot``), opened read-only. No route takes SQL.
Each query has a time limit, after which its cursor is interrupted, and pages hold at most
1,000 rows. Results are cached per snapshot, which never changes once taken. Errors are JSON
with a reason, never a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
import orjson
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..analysis.series import explain_shifts
from ..errors import InputError
from ..record import Modality
from ..store import browse
from ..store.database import Period, Store
from ..store.snapshot import Snapshots
from .deadline import QueryDeadlines

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["MAX_BODY_BYTES", "STORE_VARIABLE", "create_app", "from_environment"]

log = logging.getLogger(__name__)

# A query over a million events answers in well under a second here; one that runs past this is
# interrupted and answered 503 rather than holding a worker thread.
QUERY_SECONDS = 10.0
# The body of POST /extract: a long news article is ~100 KB; five times that is plenty.
MAX_BODY_BYTES = 512 * 1024
MAX_PAGE = 1000
# DuckDB runs a query on every core: two at a time keep both busy without thrashing.
QUERY_SLOTS = max(2, os.cpu_count() or 2)
CACHED_RESULTS = 512
Country = Annotated[str, PathParam(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3 code")]
CountryQuery = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")]
From = Annotated[str | None, Query(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$", description="first day, YYYY-MM-DD")]
To = Annotated[str | None, Query(alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$", description="last day, YYYY-MM-DD")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Freq = Literal["day", "week", "month"]


class ExtractRequest(BaseModel):
    """One article for ``POST /extract``."""

    text: str = Field(min_length=1, description="The article's text (its first line is not taken as the headline)")
    title: str | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    id: str | None = None
    outlet: str | None = None
    url: str | None = None


class Cache:
    """Answers of one snapshot, least recently used dropped first; emptied when the snapshot changes."""

    def __init__(self, size: int = CACHED_RESULTS) -> None:
        self.size = size
        self.generation = 0
        self.results: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self.lock = threading.Lock()

    def lookup(self, generation: int, key: tuple[Any, ...]) -> bytes | None:
        with self.lock:
            if generation != self.generation:
                self.results.clear()
                self.generation = generation
            if key in self.results:
                self.results.move_to_end(key)
                return self.results[key]
        return None

    def keep(self, generation: int, key: tuple[Any, ...], value: bytes) -> None:
        with self.lock:
            if generation == self.generation:
                self.results[key] = value
                while len(self.results) > self.size:
                    self.results.popitem(last=False)


class JSONBody(Response):
    """A response whose body is JSON already encoded (and cached so)."""

    media_type = "application/json"


def encoded(value: Any) -> bytes:
    """``value`` as compact JSON (orjson: dates in ISO 8601, decimals as text, NaN as null)."""
    return orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS)


class Reader:
    """Answers a question from the cache on the event loop, or else runs its read in a worker
    thread, on a cursor of the current snapshot, with the query time limit, and keeps the answer
    as encoded JSON. Reads run ``QUERY_SLOTS`` at a time: more would only share the same cores,
    and a query's time limit counts from when it runs, not from when it waits."""

    def __init__(self, snapshots: Snapshots) -> None:
        self.snapshots = snapshots
        self.cache = Cache()
        self.workers = ThreadPoolExecutor(QUERY_SLOTS, thread_name_prefix="detente-read")
        self.deadlines = QueryDeadlines(QUERY_SECONDS)

    async def __call__(self, key: tuple[Any, ...], read: Callable[[duckdb.DuckDBPyConnection], Any]) -> JSONBody:
        generation = self.snapshots.current.generation
        body = self.cache.lookup(generation, key)
        if body is None:
            body = await asyncio.get_running_loop().run_in_executor(self.workers, self.answer, generation, key, read)
        return JSONBody(body)

    def answer(self, generation: int, key: tuple[Any, ...], read: Callable[[duckdb.DuckDBPyConnection], Any]) -> bytes:
        body = encoded(self.timed(read))
        self.cache.keep(generation, key, body)
        return body

    def timed(self, read: Callable[[duckdb.DuckDBPyConnection], Any]) -> Any:
        """The read on a cursor of its own (opened only when the cache has no answer)."""
        with self.snapshots.cursor() as cursor:
            try:
                with self.deadlines.watching(cursor):
                    return read(cursor)
            except duckdb.InterruptException as exc:
                limit = self.deadlines.seconds
                raise HTTPException(503, f"query-timeout: the query ran over {limit:g} s") from exc

    def close(self) -> None:
        self.workers.shutdown(wait=True)
        self.deadlines.close()


def found_or_404(found: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
    if found is None:
        raise HTTPException(404, f"not-found: no {what} {key!r}")
    return dict(found)


def json_items(items: list[str]) -> list[orjson.Fragment]:
    """Items already JSON, put into the answer as they are."""
    return [orjson.Fragment(item) for item in items]


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return page_of(items, len(items), limit, offset)


def page_of(items: Any, count: int, limit: int, offset: int) -> dict[str, Any]:
    """A page of ``count`` items (a list, or a JSON array already encoded)."""
    return {"items": items, "limit": limit, "offset": offset, "next_offset": offset + limit if count == limit else None}


def period_json(period: Period) -> dict[str, Any]:
    """A period's fields (a flat dataclass: its own dict, not ``asdict``'s deep copy) and index."""
    return {**vars(period), "index": period.shown_index()}


def create_app(db: str | Path, snapshots: Snapshots | None = None) -> FastAPI:
    """The service over the store at ``db`` (its snapshots are taken and watched while it runs)."""
    state: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        state["snapshots"] = snapshots or Snapshots(db)
        state["read"] = Reader(state["snapshots"])
        state["extracting"] = threading.Semaphore(2)
        yield
        state["read"].close()
        if snapshots is None:
            state["snapshots"].close()

    app = FastAPI(
        title="Détente",
        summary="Events, quotes and series of relations between countries, from news articles.",
        version="1",
        lifespan=lifespan,
    )
    add_errors(app)
    add_routes(app, state)
    add_dashboard(app)
    return app


# Where the worker processes of `detente serve --workers N` find the store.
STORE_VARIABLE = "DETENTE_SERVE_DB"


def from_environment() -> FastAPI:
    """The service over the store named by ``STORE_VARIABLE`` (one per worker process)."""
    return create_app(os.environ[STORE_VARIABLE])


def add_routes(app: FastAPI, state: dict[str, Any]) -> None:
    async def read(key: tuple[Any, ...], query: Callable[[duckdb.DuckDBPyConnection], Any]) -> JSONBody:
        """The JSON of ``query``'s answer on the current snapshot, from the cache when it is there."""
        reader: Reader = state["read"]
        return await reader(key, query)

    @app.get("/health", tags=["service"])
    async def health() -> JSONBody:
        """The service is up; which snapshot of the store it answers from, in which worker process."""
        generation, worker = state["snapshots"].current.generation, os.getpid()
        return await read(
            ("health",),
            lambda c: {"status": "ok", "snapshot": generation, "worker": worker, "articles": browse.article_count(c)},
        )

    @app.get("/articles", tags=["articles"])
    async def articles(
        limit: Limit = 100,
        offset: Offset = 0,
        outlet: str | None = None,
        start: From = None,
        end: To = None,
        q: Annotated[str | None, Query(max_length=200, description="words in the title")] = None,
    ) -> JSONBody:
        """Articles, newest first, with their counts of events and quotes."""
        key = ("articles", limit, offset, outlet, start, end, q)
        return await read(
            key, lambda c: page(browse.article_page(c, limit, offset, outlet, start, end, q), limit, offset)
        )

    @app.get("/articles/{article_id}", tags=["articles"])
    async def article(article_id: Annotated[str, PathParam(max_length=500)]) -> JSONBody:
        """One article's record, as `detente extract` gives it, with its story."""
        return await read(
            ("article", article_id), lambda c: found_or_404(browse.article_record(c, article_id), "article", article_id)
        )

    @app.get("/events", tags=["events"])
    async def events(
        limit: Limit = 100,
        offset: Offset = 0,
        source: CountryQuery = None,
        target: CountryQuery = None,
        pair: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3},[A-Za-z]{3}$", description="A,B: either way")] = None,
        type: Annotated[str | None, Query(pattern=r"^[A-Z_]{2,20}$", description="PLOVER type")] = None,
        cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or its prefix")] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
        start: From = None,
        end: To = None,
        story: Annotated[str | None, Query(max_length=500)] = None,
        modality: Modality | None = None,
        claimed: Annotated[bool | None, Query(description="true: claimed by a speaker; false: asserted")] = None,
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        article: Annotated[str | None, Query(max_length=500)] = None,
    ) -> JSONBody:
        """Events with their sentence, trigger offsets and rule, newest first."""
        where = browse.EventFilter(
            source=source.upper() if source else None,
            target=target.upper() if target else None,
            pair=tuple(pair.upper().split(",")) if pair else None,  # type: ignore[arg-type]
            type=type,
            cameo=cameo,
            quad_class=quad_class,
            start=start,
            end=end,
            story=story,
            modality=modality,
            claimed=claimed,
            outlet=outlet,
            article=article,
        )
        pair_only = where.pair_only()
        if pair_only is not None:  # from the snapshot's page file, without a query
            items, count = state["snapshots"].current.pages.page(*pair_only, start, end, limit, offset)
            return JSONBody(encoded(page_of(orjson.Fragment(items), count, limit, offset)))
        key = ("events", where, limit, offset)
        return await read(key, lambda c: page(json_items(browse.event_page(c, where, limit, offset)), limit, offset))

    @app.get("/dyads", tags=["series"])
    async def dyads(
        limit: Limit = 50,
        offset: Offset = 0,
        start: From = None,
        end: To = None,
    ) -> JSONBody:
        """Pairs of countries by volume: stories (each counted once), then events."""
        key = ("dyads", limit, offset, start, end)
        return await read(key, lambda c: page(browse.dyads(c, limit, offset, start, end), limit, offset))

    @app.get("/dyads/{a}/{b}/series", tags=["series"])
    async def series(
        a: Country, b: Country, freq: Freq = "week", start: From = None, end: To = None, ordered: bool = False
    ) -> JSONBody:
        """The pair's events per period, once per story (as `detente dyad`)."""
        a, b = a.upper(), b.upper()
        if start is None and end is None:  # the whole series, from the snapshot's file, without a query
            whole = state["snapshots"].current.series.series(a, b, freq, ordered)
            return JSONBody(encoded({"a": a, "b": b, "freq": freq, "periods": orjson.Fragment(whole)}))

        def body(c: duckdb.DuckDBPyConnection) -> dict[str, Any]:
            periods = Store.serving(c).dyad_periods(a, b, freq, start, end, ordered)
            return {"a": a, "b": b, "freq": freq, "periods": [period_json(p) for p in periods]}

        return await read(("series", a, b, freq, start, end, ordered), body)

    @app.get("/dyads/{a}/{b}/shifts", tags=["series"])
    async def shifts(
        a: Country, b: Country, freq: Freq = "week", start: From = None, end: To = None, ordered: bool = False
    ) -> JSONBody:
        """The periods whose cooperation–conflict index departs from the trailing ones, with the
        events that moved it most (as `detente dyad`)."""
        a, b = a.upper(), b.upper()

        def body(c: duckdb.DuckDBPyConnection) -> dict[str, Any]:
            _periods, found = explain_shifts(Store.serving(c), a, b, freq, start, end, ordered)
            shifted = [
                {"period": period_json(s.period), "z": round(s.z, 3), "baseline": s.baseline, "events": s.events}
                for s in found
            ]
            return {"a": a, "b": b, "freq": freq, "shifts": shifted}

        return await read(("shifts", a, b, freq, start, end, ordered), body)

    @app.get("/network", tags=["series"])
    async def network(limit: Annotated[int, Query(ge=1, le=500)] = 60, start: From = None, end: To = None) -> JSONBody:
        """Countries and the pairs between them by volume, with Goldstein and tone, for a date range."""
        return await read(("network", limit, start, end), lambda c: browse.network(c, limit, start, end))

    @app.get("/quotes", tags=["quotes"])
    async def quotes(
        limit: Limit = 100,
        offset: Offset = 0,
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        country: CountryQuery = None,
        q: Annotated[str | None, Query(max_length=200, description="words in the quote")] = None,
    ) -> JSONBody:
        """Quotes with their speaker and article, newest first."""
        country = country.upper() if country else None
        key = ("quotes", limit, offset, speaker, country, q)
        return await read(key, lambda c: page(browse.quote_page(c, limit, offset, speaker, country, q), limit, offset))

    @app.get("/speakers", tags=["quotes"])
    async def speakers(limit: Limit = 50, offset: Offset = 0) -> JSONBody:
        """Speakers by how many quotes there are of them."""
        return await read(("speakers", limit, offset), lambda c: page(browse.speakers(c, limit, offset), limit, offset))

    @app.get("/stories/{story_id}", tags=["articles"])
    async def story(story_id: Annotated[str, PathParam(max_length=500)]) -> JSONBody:
        """A story: the articles that tell it and their outlets."""
        return await read(("story", story_id), lambda c: found_or_404(browse.story(c, story_id), "story", story_id))

    @app.post(
        "/extract",
        tags=["extract"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": ExtractRequest.model_json_schema()}},
            }
        },
        responses={413: {"description": "body over the size limit"}, 422: {"description": "not an article"}},
    )
    async def extract_one(request: Request) -> Response:
        """One article in, its record out (nothing is stored)."""
        body = await limited_body(request)
        try:
            given = ExtractRequest.model_validate_json(body)
        except ValueError as exc:
            return error(422, "invalid-body", str(exc)[:500])
        record = await run_in_threadpool(extract_record, given, state["extracting"])
        return Response(record, media_type="application/json")


async def limited_body(request: Request) -> bytes:
    """The request's body, refused with 413 past ``MAX_BODY_BYTES`` whether or not it says its length."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HTTPException(413, f"too-large: the body is over {MAX_BODY_BYTES} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise HTTPException(413, f"too-large: the body is over {MAX_BODY_BYTES} bytes")
    return bytes(body)


def extract_record(given: ExtractRequest, slots: threading.Semaphore) -> str:
    """The record of one posted article (two at a time: each holds a core while it is parsed)."""
    from ..pipeline.extract import extract
    from ..read.sources import RawArticle

    raw = RawArticle(
        text=given.text,
        source="<POST /extract>",
        id=given.id,
        title=given.title,
        published=given.published,
        outlet=given.outlet,
        url=given.url,
    )
    with slots:
        try:
            return extract(raw).to_json()
        except InputError as exc:
            status = 500 if exc.reason in ("pipeline-error", "timeout") else 422
            raise HTTPException(status, f"{exc.reason}: {exc.message[:500]}") from exc


def error(status: int, reason: str, detail: str) -> JSONResponse:
    return JSONResponse({"error": reason, "detail": detail}, status_code=status)


def add_errors(app: FastAPI) -> None:
    """Every error as JSON with a reason (``{"error": "not-found", "detail": …}``), never a traceback."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        reason, _, detail = str(exc.detail).partition(": ")
        if not detail:
            reason, detail = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "error"), reason
        return error(exc.status_code, reason, detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg")} for e in exc.errors()
        ]
        return JSONResponse({"error": "invalid-parameters", "detail": problems}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("a request failed")
        return error(500, "internal-error", type(exc).__name__)


# The dashboard's page and assets ship in the package; Plotly's script comes from the plotly package.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def add_dashboard(app: FastAPI) -> None:
    static = Path(str(resources.files("detente.serve").joinpath("static")))

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(static / "dashboard.html", headers={"Content-Security-Policy": CSP})

    @app.get("/assets/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        import plotly

        path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
        return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    app.mount("/assets", StaticFiles(directory=static), name="assets")

    app.add_middleware(SecurityHeaders)


class SecurityHeaders:
    """Every response says its type is what it declares (no sniffing) and carries the CSP. A plain
    ASGI middleware: Starlette's ``BaseHTTPMiddleware`` costs a task and a stream per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Content-Security-Policy", CSP)
            await send(message)

        await self.app(scope, receive, with_headers)
