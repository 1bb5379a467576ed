"""The quality gate: floors per metric, pinned beside the sha256 of the gold they were measured on.

``make test`` fails when a score falls below its floor, or when a gold file changed (or
appeared, or went) since the floors were pinned. Floors only move up: ``detente eval --pin
--why "..."`` raises each floor to the current score (rounded down to two decimals) and
records why; lowering one is a hand edit of the file, with its reason, in review.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DetenteError

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["Floors", "GateError", "check", "load_floors", "pin", "save_floors"]

FLOORS_FILE = Path(__file__).resolve().parents[3] / "quality" / "floors.toml"
# Scores are compared with this slack: summing floats in another order must not fail the gate.
TOLERANCE = 1e-9


class GateError(DetenteError):
    """The floors file is missing or malformed, or a pin would lower a floor."""


@dataclass
class Floors:
    gold: dict[str, str] = field(default_factory=dict)
    floors: dict[str, float] = field(default_factory=dict)
    unpinned: dict[str, str] = field(default_factory=dict)
    raised: list[dict[str, Any]] = field(default_factory=list)
    # Hand edits that lowered a floor, each with its reason (kept so that review sees them).
    lowered: list[dict[str, Any]] = field(default_factory=list)


def load_floors(path: Path = FLOORS_FILE) -> Floors:
    if not path.exists():
        raise GateError(f"{path} is absent: pin the floors with `detente eval --pin --why 'first floors'`")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Floors(
        gold=dict(data.get("gold", {})),
        floors={k: float(v) for k, v in data.get("floors", {}).items()},
        unpinned=dict(data.get("unpinned", {})),
        raised=list(data.get("raised", [])),
        lowered=list(data.get("lowered", [])),
    )


def check(metrics: dict[str, float], digests: dict[str, str], floors: Floors) -> list[str]:
    """Every way the current scores and gold break the pinned floors (empty when the gate passes)."""
    problems = [f"gold changed since the floors were pinned: {name}" for name in changed_gold(digests, floors.gold)]
    for name, floor in sorted(floors.floors.items()):
        if name not in metrics:
            problems.append(f"{name}: pinned at {floor:.2f} but no longer measured")
        elif metrics[name] + TOLERANCE < floor:
            problems.append(f"{name}: {metrics[name]:.4f} is below its floor {floor:.2f}")
    return problems


def changed_gold(digests: dict[str, str], pinned: dict[str, str]) -> list[str]:
    return sorted(n for n in set(digests) | set(pinned) if digests.get(n) != pinned.get(n))


def floor_of(score: float) -> float:
    return math.floor(score * 100 + TOLERANCE) / 100


def pin(metrics: dict[str, float], digests: dict[str, str], floors: Floors, why: str) -> list[str]:
    """Raise floors to the current scores and pin the gold; the names of the floors that moved."""
    lowered = [n for n, f in floors.floors.items() if n in metrics and floor_of(metrics[n]) < f]
    if lowered:
        raise GateError(f"floors only move up; these scores are below their floors: {', '.join(sorted(lowered))}")
    moved = [
        n for n in sorted(metrics) if n not in floors.unpinned and floor_of(metrics[n]) > floors.floors.get(n, -1.0)
    ]
    for name in moved:
        floors.floors[name] = floor_of(metrics[name])
    floors.gold = dict(digests)
    floors.raised.append({"date": dt.date.today().isoformat(), "why": why, "floors": moved})
    return moved


def save_floors(floors: Floors, path: Path = FLOORS_FILE) -> None:
    lines = [
        "# Quality floors: `make test` fails when a score falls below one, or when gold changed.",
        "# Floors only move up (`detente eval --pin --why ...`), each move with its reason below.",
        "",
        "[gold]",
        *(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in sorted(floors.gold.items())),
        "",
        "[floors]",
        *(f"{json.dumps(k)} = {v:.2f}" for k, v in sorted(floors.floors.items())),
        "",
        "# Measured but not gated, and why.",
        "[unpinned]",
        *(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in sorted(floors.unpinned.items())),
    ]
    for entry in floors.raised:
        lines += ["", "[[raised]]", f"date = {json.dumps(entry['date'])}", f"why = {json.dumps(entry['why'])}"]
        lines.append(f"floors = {json.dumps(entry['floors'])}")
    for entry in floors.lowered:
        lines += ["", "[[lowered]]", *(f"{key} = {json.dumps(value)}" for key, value in entry.items())]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
