# Two commands do all set-up on a fresh machine (see README.md):
#   make run    create .venv, install the project, run the main job on samples/ -> outputs/
#   make test   create .venv, install the project with its test extras, run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test bench clean-outputs

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip   # pip 23.2 cannot resolve some extras
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/python -m pipeline run samples/ --out outputs/

test: $(BIN)/.installed
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_clean.py

clean-outputs:
	rm -rf outputs/current outputs/versions outputs/.staging outputs/.lock
