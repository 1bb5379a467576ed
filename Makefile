# The targets README and CI call. Each one sets up .venv itself on a fresh machine.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= detente.duckdb

.PHONY: install demo test eval bench lint typecheck schema clean browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB).wal
	$(BIN)/detente ingest examples --db $(DB)
	$(BIN)/detente summary --db $(DB)
	$(BIN)/detente dyad --freq month --db $(DB)
	$(BIN)/detente report --freq month --db $(DB) -o report.html

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# Debian's chromium for the report's browser test (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium could not be installed: the browser test will be skipped"

# Quality against the gold in ../shared; writes docs/quality.md and fails when the gate fails.
eval: $(STAMP)
	$(BIN)/detente eval --docs docs/quality.md

# Speed and memory against spaCy alone, in one run; writes docs/performance.md. Never part of `make test`.
bench: $(STAMP)
	$(BIN)/detente bench --docs docs/performance.md

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy src/detente

schema: $(STAMP)
	$(BIN)/detente schema > src/detente/data/record.schema.json

clean:
	rm -rf $(VENV) build dist *.egg-info $(DB) $(DB).wal
