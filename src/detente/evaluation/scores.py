"""Counts and the figures computed from them: precision, recall, F1 and accuracy."""

from __future__ import annotations

from dataclasses import dataclass, field

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["Accuracy", "Score", "Table"]


@dataclass
class Score:
    """Matches between a system's output and the gold, summed over articles (micro-averaged)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def add_sets(self, system: set[object], gold: set[object]) -> None:
        self.add(len(system & gold), len(system - gold), len(gold - system))

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.correct += right
        self.total += 1

    @property
    def value(self) -> float:
        return ratio(self.correct, self.total)


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class Table:
    """One component's figures: rows of scores and of accuracies, and notes on what they mean."""

    title: str
    key: str
    scores: dict[str, Score] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        """Flat ``component.row.figure`` names and values, as the gate pins them."""
        out: dict[str, float] = {}
        for name, s in self.scores.items():
            for figure, value in (("precision", s.precision), ("recall", s.recall), ("f1", s.f1)):
                out[f"{self.key}.{name}.{figure}"] = value
        for name, a in self.accuracies.items():
            out[f"{self.key}.{name}"] = a.value
        return out
