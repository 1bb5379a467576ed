"""What the event codes mean: the CAMEO → PLOVER table, Goldstein values and quad classes
(``../shared/ontology`` converted into ``data/events``), each read once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..knowledge.files import data_text
from ..record import Plover

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["QUAD_BY_ROOT", "goldstein_of", "plover_of"]

STATEMENT_ROOTS = {"01": "STATEMENT", "02": "REQUEST"}


QUAD_BY_ROOT = {
    **dict.fromkeys(["01", "02", "03", "04", "05"], 1),
    **dict.fromkeys(["06", "07", "08"], 2),
    **dict.fromkeys(["09", "10", "11", "12", "13"], 3),
    **dict.fromkeys([f"{n}" for n in range(14, 21)], 4),
}


@dataclass(frozen=True)
class Ontology:
    plover: dict[str, tuple[str, str | None, tuple[str, ...]]]
    goldstein: dict[str, float]


@cache
def ontology() -> Ontology:
    plover: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    for line in data_text("events/cameo_plover.txt").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?", line)
        if m:
            mode = (m.group(3) or "").strip() or None
            context = tuple(c.strip() for c in re.split(r"[;,]", m.group(4) or "") if c.strip())
            plover.setdefault(m.group(1), (m.group(2), mode, context))
    goldstein = {}
    for line in data_text("events/goldstein.tsv").splitlines()[1:]:
        code, _, value = line.partition("\t")
        if value.strip():
            goldstein[code.strip()] = float(value)
    return Ontology(plover, goldstein)


def plover_of(code: str) -> Plover:
    table = ontology().plover
    for prefix in (code, code[:3], code[:2]):
        if prefix in table:
            kind, mode, context = table[prefix]
            return Plover(type=kind, mode=mode, context=context)
    return Plover(type=STATEMENT_ROOTS.get(code[:2], "STATEMENT"))


def goldstein_of(code: str) -> float:
    table = ontology().goldstein
    return next((table[p] for p in (code, code[:3], code[:2]) if p in table), 0.0)
