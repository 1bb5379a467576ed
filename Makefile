# The targets README and CI call. Each one sets up .venv itself on a fresh machine.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= detente.duckdb

.PHONY: install demo test eval bench fuzz reliability lint typecheck schema clean browser audit-db audit

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,api]'
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

# Hypothesis strategies over extract and the readers (tests/fuzzing.py): inputs tried, exceptions
# escaping, per-input time percentiles and the slowest inputs, written to docs/reliability.md.
FUZZ_INPUTS ?= 100000
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzzing --inputs $(FUZZ_INPUTS) --docs docs/reliability.md

# The other figures of docs/reliability.md: hostile inputs each in a fresh process (time, peak
# memory), and what the long-run tokenizing and the language rule fire on in ../shared/corpus.
reliability: $(STAMP)
	$(BIN)/python -m tests.reliability_figures --docs docs/reliability.md

# The corpus precision audit of the event rules (quality/audit/, scripts/audit_rules.py): a store of
# real news unseen by the gold, a sample of each rule family's events to judge by hand, the tally.
AUDIT_DB ?= audit.duckdb
audit-db: $(STAMP)
	rm -f $(AUDIT_DB) $(AUDIT_DB).wal
	$(BIN)/detente ingest ../shared/corpus/whitehouse-2022.jsonl ../shared/corpus/wikinews-2019.jsonl --db $(AUDIT_DB) --workers 2

audit: $(STAMP)
	$(BIN)/python scripts/audit_rules.py sample --db $(AUDIT_DB)
	$(BIN)/python scripts/audit_rules.py tally --db $(AUDIT_DB)

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy src/detente

schema: $(STAMP)
	$(BIN)/detente schema > src/detente/data/record.schema.json

clean:
	rm -rf $(VENV) build dist *.egg-info $(DB) $(DB).wal $(AUDIT_DB) $(AUDIT_DB).wal
