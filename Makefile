# kg — set-up, tests and demo. Every target installs what it needs itself.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  := out/store

.PHONY: install test demo bench browser-deps server-deps clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium and its driver, for the browser tests (needs root or sudo; skipped if present).
browser-deps:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { SUDO=$$(command -v sudo || true); $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

# Virtuoso 7 for the remote-store tests (needs root or sudo; skipped if virtuoso-t is on PATH).
server-deps:
	@command -v virtuoso-t >/dev/null || \
	  { SUDO=$$(command -v sudo || true); $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq virtuoso-opensource-7-bin >/dev/null; }

test: install browser-deps server-deps
	$(BIN)/python -m pytest

demo: install
	rm -rf $(STORE)
	$(BIN)/kg build data/corpus --store $(STORE)
	$(BIN)/kg query -f queries/alliances-by-domain.rq --store $(STORE)
	$(BIN)/kg view --store $(STORE) --out out/graph.html
	$(BIN)/kg export --store $(STORE) --format graphml --out out/graph.graphml
	@echo "wrote out/graph.html and out/graph.graphml"

bench: install browser-deps
	$(BIN)/python bench/run.py
	$(BIN)/python bench/view_bench.py
	$(BIN)/python bench/html_bench.py

clean:
	rm -rf out .pytest_cache
