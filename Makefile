# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo/aksansi-demo.sqlite3

.PHONY: demo test bench lint clean catalogs messages

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The compiled message catalogs (.mo, not committed) from the .po files; see the README.
catalogs: $(STAMP)
	$(BIN)/python scripts/messages.py compile

# Re-extract every message from the code, update the id/en catalogs, compile them and
# list what still needs an Indonesian translation.
messages: $(STAMP)
	$(BIN)/python scripts/messages.py

demo: $(STAMP) catalogs
	$(BIN)/python -m compileall -q cli.py commands states workflow documents jobs
	PATH="$(CURDIR)/$(BIN):$$PATH" bash scripts/demo.sh "$(DEMO_DB)"

test: $(STAMP) catalogs
	$(BIN)/python -m pytest -q

bench: $(STAMP) catalogs
	$(BIN)/python -m compileall -q cli.py commands states workflow documents jobs
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo build *.egg-info
