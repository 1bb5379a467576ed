"""Text made safe where it enters: every string an article carries can be encoded and stored.

A JSON line may carry a lone surrogate (``"\\udc00"`` is valid JSON), a file name one from a
file system's undecodable bytes; neither can be written as UTF-8, so hashing or storing the
article would raise. Control characters (NUL, escape, the C1 range of mis-decoded Windows text)
are no part of any text and confuse every reader after. Both are replaced or removed here, and
the article says so in its warnings.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import Any

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["safe", "sanitize", "sanitized", "short"]

SURROGATES = re.compile("[\ud800-\udfff]")
# C0 controls but tab, line feed and carriage return; DEL; the C1 controls.
CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Vertical tab and form feed separate lines or pages: they become line breaks, not nothing.
BREAKS = re.compile("[\x0b\x0c]")
REPLACEMENT = "\ufffd"


def sanitize(text: str) -> tuple[str, list[str]]:
    """The text with lone surrogates replaced (U+FFFD) and control characters removed, and a
    warning for each kind found."""
    warnings: list[str] = []
    text, surrogates = SURROGATES.subn(REPLACEMENT, text)
    if surrogates:
        warnings.append(f"{surrogates} lone surrogate code point(s) replaced with U+FFFD")
    text, controls = CONTROLS.subn("", text)
    if controls:
        warnings.append(f"{controls} control character(s) (NUL and others) removed")
    text = BREAKS.sub("\n", text)
    return text, warnings


# A failure's detail is for a person to read: an exception or a reader's message quoting its input
# (a gzip bomb's billion characters) is cut to this length.
MAX_DETAIL_CHARS = 500


def short(detail: str) -> str:
    """A failure's detail within ``MAX_DETAIL_CHARS``, saying how much was left out."""
    if len(detail) <= MAX_DETAIL_CHARS:
        return detail
    return f"{detail[:MAX_DETAIL_CHARS]}… ({len(detail) - MAX_DETAIL_CHARS} more characters)"


def safe(text: str) -> str:
    """A short string (a path, a failure's detail) with what cannot be stored replaced."""
    return CONTROLS.sub("", SURROGATES.sub(REPLACEMENT, text))


def sanitized(raw: Any) -> Any:
    """A raw article (``sources.RawArticle``) with every string field sanitized; what was changed is
    in its warnings."""
    changes: dict[str, str] = {}
    warnings = list(raw.warnings)
    for field in fields(raw):
        value = getattr(raw, field.name)
        if isinstance(value, str):
            clean, found = sanitize(value)
            if clean != value:
                changes[field.name] = clean
                warnings += found if field.name == "text" else [f"{field.name}: {w}" for w in found]
    if not changes:
        return raw
    return replace(raw, **changes, warnings=tuple(warnings))
