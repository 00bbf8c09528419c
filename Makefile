# Skill Radar. `make demo` builds the warehouse from the bundled real data and serves the
# dashboard; `make test` runs the whole suite. Both bootstrap uv and the locked environment.

SHELL := /bin/bash
.DEFAULT_GOAL := help
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
DATA_DIR := $(or $(SKILLRADAR_DATA_DIR),$(CURDIR)/.skillradar)
export DAGSTER_HOME := $(DATA_DIR)/dagster_home
APT_PACKAGES := chromium chromium-driver

.PHONY: help env browsers demo refresh serve dev test lint format eval bench bench-scale clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

env: .venv/.synced  ## Create the locked environment (installs uv with pip if missing)

.venv/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || \
		python3 -m pip install --quiet "uv==$(UV_VERSION)" || \
		python3 -m pip install --quiet --user --break-system-packages "uv==$(UV_VERSION)"
	$(UV) sync --locked --compile-bytecode
	@touch $@

browsers:  ## Install Debian chromium for the browser tests (apt-get, when root and missing)
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ]; then \
		echo "Installing $(APT_PACKAGES) with apt-get for the browser tests…"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null; \
	else \
		echo "The browser tests need Debian chromium: sudo apt-get install $(APT_PACKAGES)" >&2; exit 1; \
	fi

demo: env  ## Build the warehouse through Dagster and serve the dashboard at http://127.0.0.1:8050
	$(UV) run skillradar demo

refresh: env  ## Materialize every asset (incremental) and publish a snapshot
	$(UV) run skillradar refresh

serve: env  ## Serve the dashboard on the last published snapshot
	$(UV) run skillradar serve

dev: env  ## Open the Dagster UI at http://127.0.0.1:3000
	@mkdir -p "$(DAGSTER_HOME)" && [ -f "$(DAGSTER_HOME)/dagster.yaml" ] || cp pipelines/deploy/dagster.yaml "$(DAGSTER_HOME)/dagster.yaml"
	$(UV) run dagster dev -m pipelines.definitions -h 127.0.0.1 -p 3000

test: env browsers  ## Run the whole suite: unit, integration (Dagster) and end-to-end (Chromium)
	$(UV) run pytest

lint: env  ## ruff and mypy
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy

format: env  ## Apply ruff's fixes and formatting
	$(UV) run ruff check --fix .
	$(UV) run ruff format .

eval: env  ## Precision, recall and F1 of the extractor on the hand-labelled dev sets
	$(UV) run python -m pipelines.evaluate

bench: env  ## Extraction docs/s, MB/s, ratio to tokenizer, RSS (50k resampled real postings); refresh time
	$(UV) run python -m pipelines.bench

bench-scale: env  ## Full + incremental refresh on a resampled corpus: make bench-scale N=50000 WEEK=20000
	$(UV) run python -m pipelines.bench_scale $(or $(N),50000) $(or $(WEEK),20000)

clean:  ## Delete the built warehouse (keeps the environment)
	rm -rf "$(DATA_DIR)"
