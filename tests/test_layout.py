"""The package's layout: stage packages, few top-level modules, no import cycle, a typed public API."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import detente

PACKAGE = Path(detente.__file__).parent
# The stages a reader should see in the folder list (the brief's STYLE.md names them).
STAGE_PACKAGES = ("read", "knowledge", "actors", "quotes", "events", "facts", "pipeline", "store", "analysis", "cli")
MOST_TOP_LEVEL_MODULES = 12
SQL_WORDS = ("SELECT ", "INSERT INTO", "CREATE TABLE", "COPY (", "DELETE FROM", "UPDATE ")


def module_name(path: Path) -> str:
    parts = ["detente", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imported(path: Path, name: str, known: dict[str, Path]) -> set[str]:
    """The package's modules that ``path`` imports, anywhere in it (inside functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in known else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {f for f in found if f in known and f != name}


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of the graph, or [] when it has none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node], _ = 1, stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node], _ = 2, stack.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(path, name, known) for name, path in known.items()}


def test_layout_has_a_package_per_stage() -> None:
    for stage in STAGE_PACKAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage


def test_layout_keeps_few_modules_at_the_top() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MOST_TOP_LEVEL_MODULES, top


def test_layout_has_no_import_cycle() -> None:
    assert cycle(import_graph()) == []


def test_layout_cycle_finder_finds_one() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]


def test_layout_keeps_all_sql_in_the_store() -> None:
    """One door to the database: SQL text only in ``store/sql.py``, a connection only in ``detente.store``."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        inside = path.relative_to(PACKAGE).parts[0] == "store"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""
            sql = any(word in text for word in SQL_WORDS) and path != PACKAGE / "store" / "sql.py"
            if sql or (not inside and isinstance(node, ast.Attribute) and node.attr in ("con", "query")):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_layout_gives_no_two_classes_one_name() -> None:
    seen: dict[str, list[str]] = {}
    for name, path in modules().items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                seen.setdefault(node.name, []).append(name)
    assert {n: where for n, where in seen.items() if len(where) > 1} == {}


def test_layout_public_api_names_what_a_user_needs() -> None:
    needed = {"extract", "extract_many", "ingest", "open_store", "Options", "Record", "Event", "Quote", "Failure"}
    assert needed <= set(detente.__all__)
    assert all(hasattr(detente, name) for name in detente.__all__)


@pytest.mark.parametrize("stage", [*STAGE_PACKAGES, "evaluation"])
def test_layout_stage_package_exports_its_entry_points(stage: str) -> None:
    package = importlib.import_module(f"detente.{stage}")
    assert package.__all__ and all(hasattr(package, name) for name in package.__all__)


@pytest.mark.parametrize("name", sorted(modules()))
def test_layout_every_module_all_names_what_it_has(name: str) -> None:
    if name == "detente.__main__":
        pytest.skip("__main__ runs the command line when imported")
    module = importlib.import_module(name)
    assert [n for n in getattr(module, "__all__", []) if not hasattr(module, n)] == []
