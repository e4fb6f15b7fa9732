# The two commands of the README. Each sets everything up from scratch in .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test setup clean

setup: $(BIN)/kg

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(BIN)/kg

# Build the seed articles into the embedded store and write graph files, the HTML view and query results to out/
demo: setup
	rm -rf .pemilu-kg/demo-store
	$(BIN)/kg run seeds --out out --store .pemilu-kg/demo-store

# Run the test suite
test: setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out .pemilu-kg
