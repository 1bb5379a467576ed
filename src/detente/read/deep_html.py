"""Pages nested deeper than lxml builds a tree for: their text, read by a streaming parser.

libxml2 (under lxml, under trafilatura) stops building the tree at 256 levels of nesting, so a
story inside 300 nested ``div`` elements comes out empty and the page would be ``no-article``.
Python's own ``html.parser`` keeps no tree: it reads any depth in time linear in the page. It is
used only when trafilatura finds no text and the page is that deep; it keeps the text of every
element but scripts, styles and page furniture (navigation, header, footer, forms).
"""

from __future__ import annotations

from html.parser import HTMLParser

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["LXML_MAX_DEPTH", "deep_page_text"]

LXML_MAX_DEPTH = 255

SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg"})
BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article"})
VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"})


class PageText(HTMLParser):
    """The text of a page's body and its title, with the deepest nesting seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.open: list[str] = []
        self.depth = 0
        self.skipping = 0

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag in VOID:
            return
        self.open.append(tag)
        self.depth = max(self.depth, len(self.open))
        self.skipping += tag in SKIPPED

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag in self.open[-8:]:  # a close tag closes its element and the unclosed ones inside it
            while self.open:
                closed = self.open.pop()
                self.skipping -= closed in SKIPPED
                if closed == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "title":
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def deep_page_text(html: str) -> tuple[str, str | None, int]:
    """(text, title, depth) of a page; the text's paragraphs one per line."""
    page = PageText()
    page.feed(html)
    page.close()
    lines = (" ".join(line.split()) for line in "".join(page.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(page.title).split()) or None
    return text, title, page.depth
