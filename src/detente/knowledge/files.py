"""Loading the package's data files (dictionaries, patterns, codebooks).

Knowledge lives in versioned files under ``detente/data`` and is read with
``importlib.resources``, never from the working directory. Loaders are cached: each file is
parsed once per process.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["agencies", "agency_by_alias", "data_text", "toml_data", "tsv_rows", "word_list"]


def data_text(name: str) -> str:
    return resources.files("detente").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@cache
def toml_data(name: str) -> dict[str, Any]:
    return tomllib.loads(data_text(name))


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of a one-word-per-line data file; lines starting with ``#`` are comments."""
    lines = data_text(name).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def tsv_rows(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file; lines starting with ``#`` are comments."""
    lines = [line for line in data_text(name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass(frozen=True)
class Agency:
    name: str
    aliases: tuple[str, ...]
    country: str


@cache
def agencies() -> tuple[Agency, ...]:
    return tuple(
        Agency(
            name=row["name"],
            aliases=tuple(a for a in (row["aliases"] or "").split("|") if a),
            country=row["country"],
        )
        for row in tsv_rows("agencies.tsv")
    )


@cache
def agency_by_alias() -> dict[str, Agency]:
    """Every spelling of every agency (its name too) to the agency."""
    table: dict[str, Agency] = {}
    for agency in agencies():
        for alias in (agency.name, *agency.aliases):
            table[alias] = agency
    return table
