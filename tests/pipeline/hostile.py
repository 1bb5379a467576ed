"""Hostile inputs for the reliability tests, written by the tests themselves (no corpus text).

Each maker writes one input under a directory and returns its file name; ``GOOD`` articles are
written beside them. The article text is made of sentences written for these tests.
"""

from __future__ import annotations

import json
import os
import random
import zlib
from pathlib import Path

# Sentences written for these tests: a diplomatic story of the kind the pipeline codes.
PARAGRAPHS = (
    "India and Russia agreed on Monday to expand their trade in fertilisers, officials in both capitals said.",
    'Foreign Minister Subrahmanyam Jaishankar met Russian Foreign Minister Sergei Lavrov in Moscow. "We had a '
    'frank and useful conversation," Jaishankar told reporters after the meeting.',
    "China criticised the United States for new export controls on chips, saying they hurt global supply chains.",
    "Japan and South Korea held talks in Tokyo on security in the region and pledged to meet again next year.",
    "Pakistan accused India of violating the ceasefire along the Line of Control on Sunday.",
)


def story(chars: int) -> str:
    """Paragraphs of the story above, repeated to at least ``chars`` characters."""
    out: list[str] = []
    size = 0
    while size < chars:
        paragraph = PARAGRAPHS[len(out) % len(PARAGRAPHS)]
        out.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(out)


def good_articles(root: Path) -> dict[str, str]:
    """Good articles, by the id each is stored under (the .txt ones get a front-matter id)."""
    articles = {
        "good-1": "India and Russia agree to expand fertiliser trade",
        "good-2": "Japan and South Korea hold security talks",
    }
    for n, (article_id, title) in enumerate(articles.items()):
        body = "\n\n".join(PARAGRAPHS[n:] + PARAGRAPHS[:n])
        (root / f"{article_id}.txt").write_text(f"---\nid: {article_id}\n---\n{title}\n{body}\n", encoding="utf-8")
    return articles


def long_article(root: Path, chars: int = 1_050_000) -> str:
    (root / "long.txt").write_text(f"---\nid: long\n---\nA very long article\n{story(chars)}\n", encoding="utf-8")
    return "long.txt"


def surrogate_lines(root: Path) -> str:
    """JSON Lines with a lone surrogate escape (valid JSON) between good lines, and a line whose
    id is an object."""
    good = {"title": "India and Russia talk", "text": story(400)}
    lines = [
        json.dumps({"id": "line-1", **good}),
        '{"id": "line-2", "title": "Surrogate", "text": "Russia \\udc00 and India agreed to expand trade on Monday, '
        'officials in both capitals said on Tuesday."}',
        json.dumps({"id": "line-3", **good, "text": story(500)}),
        json.dumps({"id": {"nested": 1}, "text": story(300)}),
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "feed.jsonl"


def fifo(root: Path) -> str:
    os.mkfifo(root / "pipe.txt")
    return "pipe.txt"


def gzip_bomb(root: Path, megabytes: int = 1100) -> str:
    """A ``.warc.gz`` that is no WARC: about 1 MB of gzip inflating to ``megabytes`` of zeros."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    with (root / "bomb.warc.gz").open("wb") as out:
        for _ in range(megabytes):
            out.write(deflate.compress(chunk))
        out.write(deflate.flush())
    return "bomb.warc.gz"


def quote_marks(root: Path, marks: int = 6000) -> str:
    run = '"' * marks
    text = f"{story(300)}\n\n{run}\n\n{story(300)}"
    (root / "quotes.txt").write_text(f"---\nid: quotes\n---\nQuote marks\n{text}\n", encoding="utf-8")
    return "quotes.txt"


def long_token(root: Path, chars: int = 110_000) -> str:
    token = "http://" + "a/" * (chars // 2)
    text = f"{story(600)}\n\n{token}\n\n{story(300)}"
    (root / "token.txt").write_text(f"---\nid: token\n---\nA long token\n{text}\n", encoding="utf-8")
    return "token.txt"


def warc_record(url: str, title: str, body: str) -> bytes:
    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    html += "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</article></body></html>"
    payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode()
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode() + payload + b"\r\n\r\n"


def truncated_warc(root: Path) -> str:
    """Two gzip members, one record each; the file ends half-way through the second."""
    first = zlib.compressobj(9, zlib.DEFLATED, 31)
    second = zlib.compressobj(9, zlib.DEFLATED, 31)
    one = first.compress(warc_record("https://example.org/one", "India and Russia talk", story(800))) + first.flush()
    two = second.compress(warc_record("https://example.org/two", "Japan and Korea", story(900))) + second.flush()
    (root / "cut.warc.gz").write_bytes(one + two[: len(two) // 2])
    return "cut.warc.gz"


def empty_json_list(root: Path) -> str:
    (root / "empty.json").write_text("[]")
    return "empty.json"


def late_nul(root: Path) -> str:
    """A NUL byte well after the first 8 KB, where the binary check does not look."""
    text = story(9000) + "\0" + " " + story(200)
    (root / "nul.txt").write_text(f"---\nid: nul\n---\nLate NUL\n{text}\n", encoding="utf-8")
    return "nul.txt"


def random_bytes(root: Path) -> str:
    generator = random.Random(1)
    (root / "random.txt").write_bytes(bytes(generator.randrange(1, 256) for _ in range(4000)))
    return "random.txt"


def chinese(root: Path) -> str:
    (root / "chinese.txt").write_text(
        "中国与俄罗斯签署能源协议\n中国和俄罗斯周一在北京签署了一项关于能源合作的协议。双方表示将加强合作。\n"
    )
    return "chinese.txt"


def deep_html(root: Path, depth: int = 50_000) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = f"<html><head><title>Deep page</title></head><body>{'<div>' * depth}{paragraphs}{'</div>' * depth}"
    (root / "deep.html").write_text(page + "</body></html>")
    return "deep.html"


def symlink_loop(root: Path) -> str:
    os.symlink("loop.txt", root / "loop.txt")
    return "loop.txt"
