# Two commands do all set-up on a fresh machine (see README.md):
#   make run    create .venv, install the project, run the main job on samples/ -> outputs/
#   make test   create .venv, install the project with its test extras, run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test bench browser clean-outputs

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip   # pip 23.2 cannot resolve some extras
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/python -m pipeline run samples/ --out outputs/

test: $(BIN)/.installed browser
	$(BIN)/python -m pytest

# Debian's Chromium for the audit page's browser tests (playwright drives it; its own browser
# download is never used).  Installed when we may (root or password-less sudo); otherwise those
# tests skip with a reason, unless PIPELINE_REQUIRE_BROWSER=1 (set by .ci/run) makes them fail.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: chromium is not installed; the audit page's browser tests will be skipped"; fi; }

bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_clean.py

clean-outputs:
	rm -rf outputs/current outputs/versions outputs/.staging outputs/.lock
