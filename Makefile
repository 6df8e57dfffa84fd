# Two commands: `make run` (set up, then code the example articles) and `make test`.
#
# The bootstrap never trusts the pip that python3.11 bundles: that pip (23.2.1 on a stock
# 3.11.7) only installs the hash-pinned installer uv from requirements-bootstrap.lock, and uv
# then installs requirements.lock exactly (`uv pip sync`, hash-checked, extras such as
# lxml[html_clean] resolved, compiled to bytecode at install time: where PYTHONDONTWRITEBYTECODE
# is set, every start-up would otherwise compile spaCy from source again; the project's own
# modules are compiled too, here and before `make run`, for the same reason). The stamp records the
# hashes of the lock files and pyproject.toml; a marker left by an interrupted install makes the
# next run start again from an empty venv.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MARKER := $(VENV)/.installing
INPUTS := requirements-bootstrap.lock requirements.lock pyproject.toml
UV := $(BIN)/uv
UV_ENV := UV_PYTHON=$(BIN)/python UV_NO_PROGRESS=1

.PHONY: run test bench lock clean

$(STAMP): $(INPUTS)
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found: install Python 3.11 or run 'make PYTHON=/path/to/python3.11 run'"; exit 2; }
	@if [ -e $(MARKER) ] || [ ! -x $(BIN)/python ]; then \
		echo "creating $(VENV)"; rm -rf $(VENV) && mkdir -p $(VENV) && touch $(MARKER) && $(PYTHON) -m venv $(VENV); \
	else touch $(MARKER); fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-bootstrap.lock
	$(UV_ENV) $(UV) pip sync --quiet --require-hashes --compile-bytecode requirements.lock
	$(UV_ENV) $(UV) pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q src/tacitus
	@sha256sum $(INPUTS) > $(STAMP)
	@rm -f $(MARKER)

run: $(STAMP)
	@$(BIN)/python -m compileall -q src/tacitus
	$(BIN)/tacitus code examples/ --format table
	@mkdir -p out
	@$(BIN)/tacitus ingest examples/ --db out/examples.duckdb 2>/dev/null || { echo "error: could not store the examples in out/examples.duckdb"; exit 1; }
	@echo "Browse these events (search, evidence, timelines, map): $(BIN)/tacitus serve --db out/examples.duckdb --open"

test: $(STAMP)
	$(BIN)/python -m pytest tests

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

# Re-pin requirements.in (and the installer) with hashes for every platform's wheels.
lock: $(STAMP)
	$(UV_ENV) $(UV) pip compile --quiet --python-version 3.11 --generate-hashes requirements-bootstrap.in -o requirements-bootstrap.lock
	$(UV_ENV) $(UV) pip compile --quiet --python-version 3.11 --generate-hashes requirements.in -o requirements.lock

clean:
	rm -rf $(VENV) build src/*.egg-info
