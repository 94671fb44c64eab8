# One command per task; README, .ci/run and the GitHub workflows use the same ones.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Snippet outputs outlive a build here (keyed by snippet text, data files and package
# versions); a fresh clone has none, so CI and deploys run every snippet.
export NOTES_CACHE := .cache/exec

.DEFAULT_GOAL := help
.PHONY: help setup serve build test unit lint bench versions clean

help:  ## List the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-6s %s\n", $$1, $$2}'

# pip byte-compiles every installed module on one core; compileall does it on all of
# them (a fresh venv took 158-174 s instead of 172-197 s here). Like pip, it leaves a
# file this Python cannot compile (one of torch's test helpers) to fail if imported.
$(BIN)/mkdocs: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile -r requirements.txt
	$(BIN)/python -m compileall -qq -j 0 $(VENV)/lib || true
	touch $@

setup: $(BIN)/mkdocs  ## Create .venv and install the pinned requirements (done by every command)

serve: setup  ## Live-reloading site on http://127.0.0.1:8000/ (both languages)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup  ## Strict build of both languages into site/
	$(BIN)/mkdocs build --strict

# ruff's settings live here, not in a config file, to keep the top level as designed:
# pyflakes, pycodestyle errors, import order and bugbear; ruff format's 88 columns.
RUFF_RULES := --select E4,E7,E9,F,W,I,B --ignore B905

lint: setup  ## ruff on snippets, scripts and tests
	$(BIN)/ruff check $(RUFF_RULES) snippets scripts tests
	$(BIN)/ruff format --check snippets scripts tests

# The audit tools (Lighthouse, axe-core, the Nu HTML Checker, linkinator), pinned by
# tests/audit/package-lock.json.
AUDIT_TOOLS := tests/audit/node_modules/.package-lock.json
$(AUDIT_TOOLS): tests/audit/package-lock.json
	npm ci --prefix tests/audit --no-audit --no-fund --loglevel=error
	touch $@

# The tests that build no site: execution, the search worker, the prose, the strings, the matrix.
UNIT := tests/test_exec.py tests/test_search_segment.py tests/test_prose.py tests/test_strings.py tests/test_matrix.py \
	tests/test_units.py

unit: setup  ## The fast tests that need no build (seconds)
	$(BIN)/python -m pytest $(UNIT) -q

test: lint $(AUDIT_TOOLS)  ## The whole suite: lint, the fast tests first, snippets, strict build, built HTML, browser, audits
	$(BIN)/python -m pytest $(UNIT) -q -x
	$(BIN)/python -m pytest tests -ra --durations=12 $(addprefix --ignore=,$(UNIT))

bench: setup  ## Time cold, warm and render-only builds and running the snippets
	$(BIN)/python scripts/bench_build.py

versions: setup  ## Run every snippet on PyTorch releases (downloads them): make versions TORCH=2.6.0; BISECT=1 bisects their differences
	$(BIN)/python scripts/versions.py $(if $(BISECT),--bisect) $(TORCH)

clean:  ## Remove the built site and caches, the snippet outputs included (keeps .venv, node_modules)
	rm -rf site .cache .pytest_cache .ruff_cache
