"""Packaging: the sdist and the wheel carry every data file and migration, and Détente installed
from the wheel (not editable) codes an article exactly as the editable install does.

The fresh venv gets only the wheel; the third-party libraries (spaCy, its model, DuckDB …) are
lent to it from the running environment by a path file, so the test needs no network. A path
file's directories are not site directories, so the editable install's own path file there is
not read: ``detente`` can only come from the wheel, which the test checks.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT, SHARED

PACKAGE = ROOT / "src" / "detente"
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE")
EXAMPLE = EXAMPLES / "scraped" / "2023-03-02-ind-rus-lavrov.txt"
SEED = SHARED / "corpus" / "seed-india-russia-ties.txt"


def package_files() -> set[str]:
    """Every file the package ships that is not Python source: data, migrations, py.typed."""
    return {
        "detente/" + p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc")
    }


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from it, of a copy of the project's sources."""
    work = tmp_path_factory.mktemp("packaging")
    project = work / "project"
    shutil.copytree(PACKAGE, project / "src" / "detente", ignore=shutil.ignore_patterns("__pycache__"))
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, project / name)
    out = work / "dist"
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(project)], cwd=work)
    return out


@pytest.fixture(scope="module")
def fresh(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with the wheel installed, not editable; the libraries lent by a path file."""
    env = tmp_path_factory.mktemp("venv") / "fresh"
    venv.EnvBuilder(with_pip=False).create(env)
    (wheel,) = dist.glob("*.whl")
    python = env / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)], cwd=env)
    purelib = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=env).strip()
    (Path(purelib) / "lent-libraries.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return env


def run(command: list[str], cwd: Path, isolated: bool = True) -> str:
    """``command``'s output; ``isolated`` keeps PYTHONPATH from leaking a source tree into the fresh venv."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" or not isolated}
    done = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_packaging_wheel_carries_every_data_file_and_migration(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    assert package_files() <= set(zipfile.ZipFile(wheel).namelist())


def test_packaging_sdist_carries_every_data_file_and_migration(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/src/", 1)[1] for name in archive.getnames() if "/src/" in name}
    assert package_files() <= names


def test_packaging_fresh_venv_imports_detente_from_the_wheel(fresh: Path) -> None:
    where = run([str(fresh / "bin" / "python"), "-c", "import detente; print(detente.__file__)"], cwd=fresh)
    assert Path(where.strip()).resolve().is_relative_to(fresh.resolve())


@pytest.mark.parametrize("article", [EXAMPLE, SEED], ids=["example", "seed"])
def test_packaging_wheel_extracts_the_record_the_editable_install_extracts(
    fresh: Path, article: Path, tmp_path: Path
) -> None:
    if not article.exists():
        pytest.skip(f"{article} is absent: the seed needs ../shared beside the repository")
    command = ["extract", str(article), "--format", "json", "--published", "2023-03-02"]
    installed = run([str(fresh / "bin" / "detente"), *command], cwd=tmp_path)
    editable = run([sys.executable, "-m", "detente", *command], cwd=tmp_path, isolated=False)
    record = json.loads(installed)
    assert record["events"] and record["actors"]
    assert record == json.loads(editable)


def test_packaging_wheel_ingests_into_a_store_with_its_migrations(fresh: Path, tmp_path: Path) -> None:
    exported = {}
    for name, detente in (
        ("installed", [str(fresh / "bin" / "detente")]),
        ("editable", [sys.executable, "-m", "detente"]),
    ):
        db = tmp_path / f"{name}.duckdb"
        isolated = name == "installed"
        run([*detente, "ingest", str(EXAMPLE), "--db", str(db)], cwd=tmp_path, isolated=isolated)
        lines = run([*detente, "export", "--format", "jsonl", "--db", str(db)], cwd=tmp_path, isolated=isolated)
        exported[name] = [json.loads(line) for line in lines.splitlines()]
    assert len(exported["installed"]) == 1 and exported["installed"][0]["events"]
    assert exported["installed"] == exported["editable"]
