# The two commands of the README: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast install bench clean

# The inline screen is compiled at install (setup.py): a change to its sources rebuilds it.
$(STAMP): pyproject.toml setup.py $(wildcard src/majlis/screening/*.py)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	@echo "Installing Majlis and compiling its screen with mypyc: a minute or two the first time."
	$(BIN)/pip install --progress-bar on -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Run the demo newsroom on http://127.0.0.1:8000/ (SQLite file demo.db in this folder).
demo: $(STAMP)
	MAJLIS_DATABASE_URL=$${MAJLIS_DATABASE_URL:-sqlite:///demo.db} $(BIN)/majlis serve --demo

## Run the whole test suite (SQLite and PostgreSQL on 127.0.0.1:5432).
test: $(STAMP)
	$(BIN)/pytest

## The inner loop while editing: no browser, no PostgreSQL, no server processes.
test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not slow and not postgres"

## The screen's speed and instruction count (figures for docs/benchmarks.md).
bench: $(STAMP)
	$(BIN)/python bench/screen_speed.py
	$(BIN)/python bench/screen_instructions.py

clean:
	rm -rf $(VENV) build src/majlis/screening/*.so src/majlis_screening__mypyc*.so demo.db demo.db-wal demo.db-shm demo.db.writer-lock majlis.secret
