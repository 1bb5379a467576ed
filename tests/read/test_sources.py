from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path

import pytest

from detente.read import sources
from detente.read.sources import RawArticle, read_path, read_paths
from detente.record import Failure

from ..conftest import EXAMPLES, shared_path
from ..pipeline.hostile import PARAGRAPHS, warc_record


def only(items: list[RawArticle | Failure]) -> RawArticle | Failure:
    assert len(items) == 1, items
    return items[0]


def test_sources_txt_first_line_is_the_headline() -> None:
    item = only(list(read_path(str(shared_path("corpus", "seed-india-russia-ties.txt")))))
    assert isinstance(item, RawArticle)
    assert item.title == "India-Russia ties ‘under stress’ amid West interference: Envoy"
    assert "Denis Alipov" in item.text and "Envoy\n" not in item.text[:10]


def test_sources_txt_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nnote: illustrative\npublished: 2023-05-01\nid: x1\n---\nHeadline here\n\nBody text.\n")
    item = only(list(read_path(str(path))))
    assert isinstance(item, RawArticle)
    assert (item.id, item.published, item.title, item.text.strip()) == (
        "x1",
        "2023-05-01",
        "Headline here",
        "Body text.",
    )


def test_sources_jsonl_takes_fields_as_given() -> None:
    items = list(read_path(str(shared_path("corpus", "wikinews-2019.jsonl"))))
    assert len(items) == 171 and all(isinstance(i, RawArticle) for i in items)
    first = items[0]
    assert isinstance(first, RawArticle)
    assert first.id == "wn2019-000" and first.published == "2019-01-04" and first.outlet == "Wikinews"


def test_sources_json_reads_an_object_or_a_list(tmp_path: Path) -> None:
    one = {"id": "a", "title": "T", "published": "2023-01-01", "outlet": "O", "url": None, "text": "Body."}
    (tmp_path / "one.json").write_text(json.dumps(one))
    (tmp_path / "many.json").write_text(json.dumps([one, {**one, "id": "b"}]))
    assert [i.id for i in read_path(str(tmp_path / "one.json"))] == ["a"]  # type: ignore[union-attr]
    assert [i.id for i in read_path(str(tmp_path / "many.json"))] == ["a", "b"]  # type: ignore[union-attr]


def test_sources_html_extracts_main_text_and_metadata() -> None:
    item = only(list(read_path(str(EXAMPLES / "pages" / "2023-03-14-usa-chn-aukus.html"))))
    assert isinstance(item, RawArticle)
    assert item.title == "China criticises AUKUS submarine deal"
    assert item.published == "2023-03-14" and item.outlet == "Pacific Dispatch"
    assert "arms race" in item.text and "Most read" not in item.text and "All rights reserved" not in item.text


def test_sources_warc_yields_each_html_response() -> None:
    items = list(read_path(str(EXAMPLES / "crawl.warc.gz")))
    assert [i.url for i in items if isinstance(i, RawArticle)] == [
        "https://example.org/news/2023/06/ind-rus-defence-dialogue",
        "https://example.org/news/2023/09/usa-chn-raimondo",
    ]


def test_sources_directory_is_read_recursively_in_a_stable_order() -> None:
    items = list(read_path(str(EXAMPLES)))
    assert all(isinstance(i, RawArticle) for i in items)
    assert len(items) == 26
    assert [i.source for i in items] == [i.source for i in read_path(str(EXAMPLES))]  # type: ignore[union-attr]


def test_sources_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b'{"id": "s1", "text": "Body from stdin."}\n')

    monkeypatch.setattr("sys.stdin", Stdin)
    item = only(list(read_path("-")))
    assert isinstance(item, RawArticle) and item.id == "s1" and item.source == "<stdin>:1"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("headline-only.txt", b"Just a headline\n", "no-article"),
        ("no-article.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "no-article"),
        ("bad.json", b'{"id": "a", "text": ', "invalid-json"),
        ("no-text.json", b'{"id": "a", "title": "T"}', "no-article"),
        ("notes.md", b"# not an article format", "unsupported-type"),
        ("bad.warc", b"WARC/1.0\r\nthis is not a warc record\r\n\r\n", "invalid-warc"),
        ("empty-list.json", b"[]", "empty"),
        ("object-id.json", b'{"id": {"nested": 1}, "text": "India and Russia met."}', "invalid-json"),
        ("list-title.json", b'{"title": ["a"], "text": "India and Russia met."}', "invalid-json"),
        ("bool-text.jsonl", b'{"text": true}\n', "invalid-json"),
        ("random.txt", bytes(range(128, 256)) * 20, "binary"),
        ("html.warc", b"<html><body>not a crawl</body></html>", "invalid-warc"),
        ("zeros.warc.gz", __import__("gzip").compress(b"\0" * 100_000), "invalid-warc"),
    ],
)
def test_sources_reject_bad_input_with_a_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    item = only(list(read_path(str(path))))
    assert isinstance(item, Failure)
    assert item.reason == reason and str(path) in item.detail


def test_sources_jsonl_bad_line_names_its_line_and_the_run_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": \n\n{"id": "c", "text": "Three."}\n')
    items = list(read_path(str(path)))
    assert [type(i).__name__ for i in items] == ["RawArticle", "Failure", "RawArticle"]
    failure = items[1]
    assert isinstance(failure, Failure)
    assert failure.reason == "invalid-json" and failure.source.endswith(":2") and "line 2" in failure.detail


def test_sources_invalid_utf8_is_replaced_and_said(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Headline\n\nThe minister visited S\u00e3o Paulo.".encode("latin-1"))
    item = only(list(read_path(str(path))))
    assert isinstance(item, RawArticle)
    assert "\ufffd" in item.text and item.warnings and "invalid UTF-8" in item.warnings[0]


def test_sources_refuse_a_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_ARTICLE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("Headline\n\n" + "word " * 100)
    item = only(list(read_path(str(path))))
    assert isinstance(item, Failure) and item.reason == "too-large"


def test_sources_missing_path_is_a_failure_not_a_crash() -> None:
    item = only(list(read_paths(["/nonexistent/article.txt"])))
    assert isinstance(item, Failure) and item.reason == "not-found"


def test_sources_non_string_field_is_named_in_the_failure(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": {"nested": 1}, "text": "India and Russia met."}\n{"id": 7, "text": "Japan met Korea."}\n')
    failure, article = list(read_path(str(path)))
    assert isinstance(failure, Failure) and "'id' must be a string, not an object" in failure.detail
    assert isinstance(article, RawArticle) and article.id == "7"  # an integer id is taken as its digits


@pytest.mark.parametrize("where", ["command line", "directory"])
def test_sources_link_loop_is_unreadable_wherever_it_is_met(tmp_path: Path, where: str) -> None:
    link = tmp_path / "loop.txt"
    link.symlink_to("loop.txt")
    item = only(list(read_path(str(link if where == "command line" else tmp_path))))
    assert isinstance(item, Failure) and item.reason == "unreadable" and "symbolic links" in item.detail


@pytest.mark.parametrize("where", ["command line", "directory"])
def test_sources_dangling_link_is_not_found_wherever_it_is_met(tmp_path: Path, where: str) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    item = only(list(read_path(str(link if where == "command line" else tmp_path))))
    assert isinstance(item, Failure) and item.reason == "not-found"


def test_sources_named_pipe_is_not_a_file_and_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    items: list[object] = []
    reader = threading.Thread(target=lambda: items.extend(read_path(str(tmp_path))), daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert not reader.is_alive(), "reading a directory holding a FIFO blocked"
    item = only(items)
    assert isinstance(item, Failure) and item.reason == "not-a-file"


@pytest.mark.parametrize("compressed", [True, False])
def test_sources_truncated_warc_keeps_the_records_before_the_cut_and_says_truncated(
    tmp_path: Path, compressed: bool
) -> None:
    import gzip

    body = "\n\n".join(PARAGRAPHS)
    one, two = warc_record("https://example.org/one", "One", body), warc_record("https://example.org/two", "Two", body)
    if compressed:
        whole = gzip.compress(one) + gzip.compress(two)
        data = whole[: len(gzip.compress(one)) + len(gzip.compress(two)) // 2]
    else:
        data = one + two[: len(two) - 200]
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(data)
    items = list(read_path(str(path)))
    assert isinstance(items[0], RawArticle) and items[0].url == "https://example.org/one"
    assert not [i for i in items[1:] if isinstance(i, RawArticle)]  # never the cut record, even in part
    assert any(isinstance(i, Failure) and i.reason == "invalid-warc" and "truncated" in i.detail for i in items)


def test_sources_gzip_bomb_that_looks_like_a_warc_is_too_large(tmp_path: Path) -> None:
    import zlib

    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    data = deflate.compress(b"WARC/1.0\r\n") + deflate.compress(b"a" * (200 * 2**20)) + deflate.flush()
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(data)
    item = only(list(read_path(str(path))))
    assert isinstance(item, Failure) and item.reason == "too-large" and len(item.detail) < 300


def test_sources_page_nested_past_lxml_is_read_with_a_warning(tmp_path: Path) -> None:
    text = "India and Russia agreed on Monday to expand their trade in fertilisers, officials said. " * 4
    path = tmp_path / "deep.html"
    path.write_text(f"<html><head><title>Deep</title></head><body>{'<div>' * 5000}<p>{text}</p></body></html>")
    item = only(list(read_path(str(path))))
    assert isinstance(item, RawArticle) and item.title == "Deep" and item.text.strip() == text.strip()
    assert "levels deep" in item.warnings[-1] and int(item.warnings[-1].split()[1]) > 5000
