"""Readers: every input format becomes the same ``RawArticle`` (or a ``Failure``).

Formats: ``.txt`` (raw scraped text, first line the headline, optional ``---`` front
matter), ``.html`` (main text and metadata by trafilatura), ``.json`` / ``.jsonl``
(fields ``id, title, published, outlet, url, text`` taken as given), WARC crawls
(``.warc``, ``.warc.gz``), directories (recursive) and standard input (``-``).

A reader never raises for bad input: it yields a ``Failure`` with a reason code and
goes on with the next file, line or record.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..record import Failure
from .deep_html import LXML_MAX_DEPTH, deep_page_text
from .sanitize import safe, short

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["RawArticle", "read_path", "read_paths", "read_txt"]

log = logging.getLogger(__name__)

# A long news article is ~100 KB of text and a heavy news page 2-3 MB of HTML; anything
# over 20 MB in one article is a dump, not an article, and would stall the parser.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
# NUL bytes never occur in text; looking at the first 8 KB is how git and grep decide too.
BINARY_SNIFF_BYTES = 8192

# What trafilatura finds on a page with no story is a menu or a cookie notice: well under
# the two sentences (~200 characters) of the shortest news brief.
MIN_HTML_ARTICLE_CHARS = 200

JSON_FIELDS = ("id", "title", "published", "outlet", "url", "text", "language")


@dataclass(frozen=True)
class RawArticle:
    """An article as read, before cleaning. ``id`` is None when the source gives none."""

    text: str
    source: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    dek: str | None = None
    byline: str | None = None
    # True when the text is already the main text of a page (HTML, WARC), so the
    # headline is not repeated as its first line.
    extracted: bool = False
    warnings: tuple[str, ...] = field(default=())
    # The language when the source states it (ISO 639-1); otherwise it is detected.
    language: str | None = None


Item = RawArticle | Failure


def read_paths(paths: Iterable[str]) -> Iterator[Item]:
    """Read every path (file, directory or ``-``) in turn."""
    for path in paths:
        yield from read_path(path)


def read_path(path: str) -> Iterator[Item]:
    if path == "-":
        yield from read_stdin()
        return
    p = Path(path)
    if p.is_dir():
        yield from read_directory(p)
    else:
        yield from read_file(p)


def read_directory(root: Path) -> Iterator[Item]:
    """Every file below ``root``, in a stable order; hidden files and folders are passed over."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield from read_file(Path(dirpath) / name)


Reader = Callable[[IO[bytes], str], Iterator[Item]]


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffix, reader in READERS:
        if name.endswith(suffix):
            return reader
    return None


def read_file(path: Path) -> Iterator[Item]:
    """The articles of one file, or its failure: only a regular file is opened (a named pipe
    would block the run for ever, a device never end)."""
    source = safe(str(path))
    try:
        stream = open_regular(path, source)
        reader = reader_for(path)
        if reader is None:
            stream.close()
            raise InputError(
                "unsupported-type", f"{source}: unsupported file type; use .txt, .html, .json, .jsonl or .warc"
            )
    except InputError as exc:
        yield Failure(source=source, reason=exc.reason, detail=exc.message)
        return
    with stream:
        yield from guarded(reader, stream, source)


def open_regular(path: Path, source: str) -> IO[bytes]:
    """The file opened for reading when it is a regular file (a link is followed); a missing
    file or dangling link is ``not-found``, a link loop or a denied read ``unreadable``, and a
    pipe, socket or device ``not-a-file``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a pipe must not wait for a writer
    except FileNotFoundError:
        raise InputError("not-found", f"{source}: no such file or directory") from None
    except OSError as exc:
        raise InputError("unreadable", f"{source}: {exc.strerror}") from None
    kind = os.fstat(fd).st_mode
    if not stat.S_ISREG(kind):
        os.close(fd)
        what = "a directory" if stat.S_ISDIR(kind) else "a named pipe" if stat.S_ISFIFO(kind) else "no regular file"
        raise InputError("not-a-file", f"{source}: {what} (a socket, pipe or device is not read)")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_stdin() -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    yield from guarded(sniff_reader(data), io.BytesIO(data), "<stdin>")


def sniff_reader(data: bytes) -> Reader:
    """Pick a reader for unnamed input (stdin) from its first bytes."""
    head = data.lstrip()[:64]
    if head.startswith(b"WARC/") or data[:2] == b"\x1f\x8b":
        return read_warc
    if head.startswith((b"<", b"\xef\xbb\xbf<")):
        return read_html
    if head.startswith(b"["):
        return read_json
    if head.startswith(b"{"):
        return read_jsonl
    return read_txt


def guarded(reader: Reader, stream: IO[bytes], source: str) -> Iterator[Item]:
    """Run a reader, turning an ``InputError`` into a ``Failure`` for this source, and anything
    else it raises (a library's own error on input it was not made for) into a
    ``pipeline-error``: the run goes on either way."""
    try:
        yield from reader(stream, source)
    except InputError as exc:
        yield Failure(source=source, reason=exc.reason, detail=exc.message)
    except Exception as exc:  # a bad input must never take the run down
        log.exception("%s: the reader failed", source)
        detail = short(f"{source}: read stage raised {type(exc).__name__}: {exc}")
        yield Failure(source=source, reason="pipeline-error", detail=detail)


def read_limited(stream: IO[bytes], source: str) -> bytes:
    """The whole of a one-article input, refusing one over the size limit unread."""
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError("too-large", f"{source}: over the {MAX_ARTICLE_BYTES}-byte limit for one article")
    return data


def decode_text(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Bytes to text: refuse empty and binary input, replace invalid UTF-8 and say so."""
    if not data.strip():
        raise InputError("empty", f"{source}: empty file")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError("binary", f"{source}: binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        if looks_binary(text[:BINARY_SNIFF_BYTES]):
            raise InputError("binary", f"{source}: binary content (mostly bytes that are no UTF-8 text)") from None
        warning = f"invalid UTF-8 at byte {exc.start}: decoded with replacement characters"
        log.warning("%s: %s", source, warning)
        return text, (warning,)


# Text in a single-byte encoding read as UTF-8 loses its accented letters (a few in a hundred);
# random or compressed bytes come out over half replacement and control characters.
BINARY_SHARE = 0.25
NOT_TEXT = re.compile("[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f]")


def looks_binary(sample: str) -> bool:
    """Whether decoded bytes are more replacement and control characters than text could be."""
    return len(NOT_TEXT.findall(sample)) > BINARY_SHARE * max(len(sample), 1)


# --- plain text -----------------------------------------------------------------------


def read_txt(stream: IO[bytes], source: str) -> Iterator[Item]:
    text, warnings = decode_text(read_limited(stream, source), source)
    meta, body = split_front_matter(text)
    lines = body.strip().splitlines()
    if not lines:
        raise InputError("empty", f"{source}: no text after the front matter")
    title = meta.get("title") or lines[0].strip()
    rest = "\n".join(lines[1:]) if "title" not in meta else "\n".join(lines)
    if not rest.strip():
        raise InputError("no-article", f"{source}: a headline with no article text")
    yield RawArticle(
        text=rest,
        source=source,
        id=meta.get("id"),
        title=title,
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        warnings=warnings,
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``---``-delimited ``key: value`` lines at the top of a text file, as in Markdown."""
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    meta: dict[str, str] = {}
    for line in text[3:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip()
    return meta, text[end + 4 :]


# --- HTML ------------------------------------------------------------------------------


def read_html(stream: IO[bytes], source: str) -> Iterator[Item]:
    html, warnings = decode_text(read_limited(stream, source), source)
    yield html_article(html, source, None, warnings)


def html_article(html: str, source: str, url: str | None, warnings: tuple[str, ...] = ()) -> RawArticle:
    """Main text and metadata of a news page (trafilatura)."""
    from trafilatura import bare_extraction

    doc = bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    meta: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = longest_text(meta.get("text"), json_ld_article_body(html))
    if not text or len(text.strip()) < MIN_HTML_ARTICLE_CHARS:
        return deep_article(html, source, url, warnings)
    return RawArticle(
        text=text,
        source=source,
        title=meta.get("title"),
        published=meta.get("date"),
        outlet=meta.get("sitename"),
        url=meta.get("url") or url,
        dek=meta.get("description"),
        byline=meta.get("author"),
        extracted=True,
        warnings=warnings,
    )


def deep_article(html: str, source: str, url: str | None, warnings: tuple[str, ...]) -> RawArticle:
    """The text of a page nested deeper than lxml reads, else ``no-article``."""
    text, title, depth = deep_page_text(html)
    if depth <= LXML_MAX_DEPTH or len(text) < MIN_HTML_ARTICLE_CHARS:
        raise InputError("no-article", f"{source}: no article text found in the HTML (menus and boilerplate only)")
    warning = f"nested {depth} levels deep, past what lxml reads: the page's text was read without trafilatura"
    return RawArticle(text=text, source=source, title=title, url=url, extracted=True, warnings=(*warnings, warning))


def longest_text(extracted: str | None, article_body: str | None) -> str | None:
    """The page's JSON-LD articleBody when it is clearly longer than what trafilatura found.

    Some sites render the story with JavaScript and ship it whole only in their JSON-LD
    ``articleBody``; trafilatura then sees a fragment. A body 1.5x longer than the fragment
    is taken (a teaser in the JSON-LD is shorter and loses).
    """
    if article_body and len(article_body) > JSON_LD_BODY_RATIO * len(extracted or ""):
        return article_body
    return extracted


JSON_LD_BODY_RATIO = 1.5
JSON_LD_SCRIPT = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def json_ld_article_body(html: str) -> str | None:
    """The longest ``articleBody`` in the page's JSON-LD blocks, if any."""
    bodies: list[str] = []
    for block in JSON_LD_SCRIPT.findall(html):
        try:
            collect_article_bodies(json.loads(block), bodies)
        except json.JSONDecodeError:
            continue
    return max(bodies, key=len) if bodies else None


def collect_article_bodies(value: Any, bodies: list[str]) -> None:
    if isinstance(value, dict):
        body = value.get("articleBody")
        if isinstance(body, str) and body.strip():
            bodies.append(body.strip())
        for child in value.values():
            collect_article_bodies(child, bodies)
    elif isinstance(value, list):
        for child in value:
            collect_article_bodies(child, bodies)


# --- JSON ------------------------------------------------------------------------------


def read_json(stream: IO[bytes], source: str) -> Iterator[Item]:
    """A ``.json`` file: one article object, or a list of them."""
    text, _ = decode_text(read_limited(stream, source), source)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("invalid-json", f"{source}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    objects = value if isinstance(value, list) else [value]
    if not objects:
        raise InputError("empty", f"{source}: an empty JSON list, no article in it")
    for n, obj in enumerate(objects, start=1):
        where = source if len(objects) == 1 else f"{source}#{n}"
        yield guarded_json_article(obj, where)


def read_jsonl(stream: IO[bytes], source: str) -> Iterator[Item]:
    """JSON Lines: one article per line; a bad line is a failure with its line number."""
    seen_any = False
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{source}:{lineno}"
        try:
            if len(raw) > MAX_ARTICLE_BYTES:
                raise InputError("too-large", f"{where}: line over the {MAX_ARTICLE_BYTES}-byte limit")
            text, _ = decode_text(raw, where)
            obj = json.loads(text)
        except InputError as exc:
            yield Failure(source=where, reason=exc.reason, detail=exc.message)
            continue
        except json.JSONDecodeError as exc:
            yield Failure(
                source=where,
                reason="invalid-json",
                detail=f"{where}: line {lineno} is not JSON: {exc.msg}",
            )
            continue
        yield guarded_json_article(obj, where)
    if not seen_any:
        raise InputError("empty", f"{source}: empty file")


def guarded_json_article(obj: Any, source: str) -> Item:
    try:
        return json_article(obj, source)
    except InputError as exc:
        return Failure(source=source, reason=exc.reason, detail=exc.message)


def json_article(obj: Any, source: str) -> RawArticle:
    if not isinstance(obj, dict):
        raise InputError("invalid-json", f"{source}: expected an object with a 'text' field")
    text = json_string(obj.get("text"), "text", source)
    if not text or not text.strip():
        raise InputError("no-article", f"{source}: the object has no 'text'")
    field = {k: json_string(obj.get(k), k, source) for k in JSON_FIELDS}
    return RawArticle(
        text=text,
        source=source,
        id=field["id"],
        title=field["title"],
        published=field["published"],
        outlet=field["outlet"],
        url=field["url"],
        extracted=True,
        language=language_code(field["language"]),
    )


def json_string(value: Any, name: str, source: str) -> str | None:
    """A field's text: a string, or an integer id (feeds number their items); any other value
    (an object, a list, true) is no article field, and the line is refused with the field named."""
    if value is None or isinstance(value, str):
        return value
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    kind = type(value).__name__.replace("dict", "an object").replace("list", "a list")
    raise InputError("invalid-json", f"{source}: the field '{name}' must be a string, not {kind}")


def language_code(value: str | None) -> str | None:
    """A stated language kept only when it is an ISO 639-1 code ("en"); anything else is detected."""
    code = (value or "").strip().lower()
    return code if re.fullmatch(r"[a-z]{2}", code) else None


# --- WARC ------------------------------------------------------------------------------


def read_warc(stream: IO[bytes], source: str) -> Iterator[Item]:
    """HTML responses (and text resources) in a WARC crawl, each one article.

    A gzipped crawl is decompressed here, as a stream, not by warcio: so that what is not a WARC
    is refused on its first bytes, a decompression bomb is stopped (``too-large``), and a cut-off
    member is ``invalid-warc: truncated`` rather than a partial article.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    data = warc_stream(stream, source)
    found = 0
    try:
        for record in ArchiveIterator(data):
            item = warc_item(record, source)
            if item is not None:
                found += 1
                yield item
    except InputError:
        raise
    except ArchiveLoadFailed as exc:
        raise InputError("invalid-warc", short(f"{source}: not a readable WARC file: {exc}")) from None
    except Exception as exc:  # warcio meets a malformed record with whatever its code then raises
        detail = f"{source}: a malformed WARC record ({type(exc).__name__}: {exc})"
        raise InputError("invalid-warc", short(detail)) from None
    if not found:
        raise InputError("invalid-warc", f"{source}: no HTML response or text resource in the WARC file")


def warc_stream(stream: IO[bytes], source: str) -> IO[bytes]:
    """The crawl's bytes, gunzipped when gzipped; refused unless they begin as a WARC does.

    The stream given to warcio answers each read with what it has (no read-ahead buffer): so
    the records before a cut are read, and the cut is reported on the read that meets it."""
    head = stream.read(2)
    data: IO[bytes] = Gunzip(stream, head, source) if head == b"\x1f\x8b" else Prefixed(stream, head)  # type: ignore[assignment]
    start = read_exactly(data, len(WARC_MAGIC))
    if start != WARC_MAGIC:
        more = start + data.read(11)
        raise InputError("invalid-warc", f"{source}: not a WARC file (it begins {more!r}, not 'WARC/')")
    return Prefixed(data, start)  # type: ignore[return-value]


def read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = b""
    while len(data) < size:
        more = stream.read(size - len(data))
        if not more:
            break
        data += more
    return data


WARC_MAGIC = b"WARC/"
GUNZIP_CHUNK = 1 << 16
# Web pages gzip to a fifth or a tenth of their size, a crawl's records a little better; data
# that inflates over 100 times is a decompression bomb, not a crawl.
MAX_INFLATION = 100
# No line of a WARC record (a header, a line of HTML) is longer than an article may be.
MAX_LINE_BYTES = MAX_ARTICLE_BYTES


class Prefixed(io.RawIOBase):
    """A stream with the bytes already read from it put back in front."""

    def __init__(self, stream: IO[bytes], head: bytes) -> None:
        self.stream, self.head = stream, head

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.head or self.stream.read(len(buffer))
        self.head = b""
        buffer[: len(data)] = data
        return len(data)


class Gunzip(io.RawIOBase):
    """A gzip stream of one or more members, decompressed as it is read, with the caps above."""

    def __init__(self, stream: IO[bytes], head: bytes, source: str) -> None:
        self.stream, self.source = stream, source
        self.pending = head  # compressed bytes not yet given to the decompressor
        self.inflater = zlib.decompressobj(wbits=31)
        self.compressed = len(head)
        self.inflated = 0
        self.since_newline = 0
        self.in_member = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inflate(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def inflate(self, size: int) -> bytes:
        while True:
            if not self.pending:
                self.pending = self.stream.read(GUNZIP_CHUNK)
                self.compressed += len(self.pending)
                if not self.pending:
                    if self.in_member:  # said once; the reader then sees the end of the data
                        self.in_member = False
                        raise InputError("invalid-warc", f"{self.source}: truncated (the gzip stream is cut off)")
                    return b""
            if self.inflater.eof:  # the next member
                self.inflater = zlib.decompressobj(wbits=31)
            self.in_member = True
            try:
                data = self.inflater.decompress(self.pending, size)
            except zlib.error as exc:
                raise InputError("invalid-warc", f"{self.source}: corrupt gzip data ({exc})") from None
            self.pending = self.inflater.unconsumed_tail or self.inflater.unused_data
            if self.inflater.eof:
                self.in_member = False
            if data:
                self.check(data)
                return data

    def check(self, data: bytes) -> None:
        self.inflated += len(data)
        if self.inflated > max(MAX_ARTICLE_BYTES, MAX_INFLATION * self.compressed):
            raise InputError(
                "too-large",
                f"{self.source}: inflates over {MAX_INFLATION} times its compressed size (a decompression bomb)",
            )
        newline = data.rfind(b"\n")
        self.since_newline = len(data) - newline - 1 if newline >= 0 else self.since_newline + len(data)
        if self.since_newline > MAX_LINE_BYTES:
            raise InputError("too-large", f"{self.source}: a line over {MAX_LINE_BYTES} bytes: no WARC record")


def warc_item(record: Any, source: str) -> Item | None:
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
    headers = record.http_headers or record.rec_headers
    ctype = (headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype and "text/plain" not in ctype:
        return None
    try:
        body = read_limited(record.content_stream(), where)
        if getattr(record.raw_stream, "limit", 0) > 0:  # the file ends before the record does
            raise InputError("invalid-warc", f"{where}: truncated (the record is cut off)")
        if "html" in ctype:
            html, warnings = decode_text(body, where)
            return html_article(html, where, url, warnings)
        return next(iter(read_txt(io.BytesIO(body), where)))
    except InputError as exc:
        return Failure(source=where, reason=exc.reason, detail=exc.message)


READERS: tuple[tuple[str, Reader], ...] = (
    (".txt", read_txt),
    (".html", read_html),
    (".htm", read_html),
    (".jsonl", read_jsonl),
    (".ndjson", read_jsonl),
    (".json", read_json),
    (".warc", read_warc),
    (".warc.gz", read_warc),
)
