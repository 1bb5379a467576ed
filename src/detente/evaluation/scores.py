"""Counts and the figures computed from them: precision, recall, F1 and accuracy."""

from __future__ import annotations

from dataclasses import dataclass, field

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["Accuracy", "Macro", "Score", "Table"]


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
class Macro:
    """Figures per article, averaged over articles (macro-averaged): an article with many events
    weighs no more than one with few. An article where both sides are empty scores 1."""

    articles: list[Score] = field(default_factory=list)

    def add_sets(self, system: set[object], gold: set[object]) -> None:
        score = Score()
        score.add_sets(system, gold)
        self.articles.append(score)

    @property
    def precision(self) -> float:
        return mean([s.precision if s.tp + s.fp else float(not s.fn) for s in self.articles])

    @property
    def recall(self) -> float:
        return mean([s.recall if s.tp + s.fn else float(not s.fp) for s in self.articles])

    @property
    def f1(self) -> float:
        return mean([s.f1 if s.tp else float(not s.fp + s.fn) for s in self.articles])


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


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
    macros: dict[str, Macro] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        """Flat ``component.row.figure`` names and values, as the gate pins them."""
        out: dict[str, float] = {}
        for name, s in self.scores.items():
            for figure, value in (("precision", s.precision), ("recall", s.recall), ("f1", s.f1)):
                out[f"{self.key}.{name}.{figure}"] = value
        for name, m in self.macros.items():
            for figure, value in (("precision", m.precision), ("recall", m.recall), ("f1", m.f1)):
                out[f"{self.key}.{name}.{figure}"] = value
        for name, a in self.accuracies.items():
            out[f"{self.key}.{name}"] = a.value
        return out
