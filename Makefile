# Two commands do all the set-up on a fresh machine: `make extract` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := extract

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
OUT := outputs
GOLD_DOCS = $(OUT)/gold-docs/extractions.jsonl
# Keep BLAS single-threaded: a second thread slows GiNZA's parser (see bench/README.md).
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1

.PHONY: extract test goldens evaluate tables review gold-docs bench bench-corpus bench-corpus-sample lint typecheck clean

# The pinned packages, then this checkout itself, editable and without dependencies (they are all in
# the lock): the `jpextract` command in .venv/bin, running the code of this checkout.
$(VENV)/.runtime: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	$(PIP) install -r requirements-dev.lock
	touch $@

## extract: run the pipeline on raw/ -> outputs/extractions.jsonl, outputs/manifest.json (token rows: add --tokens)
extract: $(VENV)/.runtime
	$(PY) -m pipeline extract raw -o $(OUT)/extractions.jsonl

## test: unit, property and regression tests (fixtures in tests/fixtures)
test: $(VENV)/.dev
	$(PY) -m pytest -q

## goldens: rewrite the byte-identical snapshots (tests/fixtures/expected) and store missing parses; review the diff
goldens: $(VENV)/.dev
	$(PY) -m pytest -q --update-goldens

## evaluate: extract the gold documents (tests/fixtures/raw), score them against tests/fixtures/gold -> outputs/scores.json
evaluate: gold-docs
	$(PY) -m pipeline evaluate $(GOLD_DOCS) --gold tests/fixtures/gold -o $(OUT)/scores.json

## tables: outputs/extractions.jsonl -> outputs/tables/ (Parquet, CSV and jpextract.duckdb with views)
tables: extract
	$(PY) -m pipeline export $(OUT)/extractions.jsonl -o $(OUT)/tables --format parquet,csv,duckdb

## review: extract the gold documents (tests/fixtures/raw) -> outputs/review.html, diffed against their gold
review: gold-docs
	$(PY) -m pipeline review $(GOLD_DOCS) --gold tests/fixtures/gold -o $(OUT)/review.html

# The documents the gold fixtures annotate (not raw/: most gold documents are not in it); cheap to
# repeat, the parses come from the cache.
gold-docs: $(VENV)/.runtime
	$(PY) -m pipeline extract tests/fixtures/raw -o $(GOLD_DOCS)

## bench: speed, side by side (reads ../shared/corpora when present)
bench: $(VENV)/.dev
	$(PY) bench/run.py

## bench-corpus: the whole Diet corpus cold then warm, 2 workers -> bench/last.json (both cores, tens of minutes)
bench-corpus: $(VENV)/.dev
	$(PY) bench/corpus.py --workers 2 --json bench/last.json

## bench-corpus-sample: the same on every 100th speech (1%, a few minutes)
bench-corpus-sample: $(VENV)/.dev
	$(PY) bench/corpus.py --workers 2 --every 100

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check pipeline tests bench tools

typecheck: $(VENV)/.dev
	$(VENV)/bin/mypy

clean:
	rm -rf $(OUT)/*.jsonl $(OUT)/*.json $(OUT)/gold-docs .pytest_cache .mypy_cache .ruff_cache
