# The book's two commands (see README.md):
#   make book   install what the build needs, then build the site into _build/html
#   make test   install what the tests need, then run every test (lint, unit, build, browser)
# Both are idempotent. Python packages go into a virtual environment, .venv/, so the book
# never disturbs the machine's own Python; stamps in .venv/ skip installs whose inputs did
# not change.

SYSTEM_PYTHON ?= python3
VENV ?= .venv
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip
JUPYTER_BOOK := $(VENV)/bin/jupyter-book
STAMPS := $(VENV)/.stamps
BUILD_FLAGS := -n -W --keep-going

.PHONY: book test setup-book setup-test vendor lint serve bench lab clean

book: setup-book
	$(JUPYTER_BOOK) build . $(BUILD_FLAGS)

test: setup-test lint
	$(PYTHON) -m pytest

setup-book: $(STAMPS)/python-book

setup-test: setup-book $(STAMPS)/python-test $(STAMPS)/chromium

$(PYTHON):
	$(SYSTEM_PYTHON) -m venv $(VENV)

$(STAMPS)/python-book: $(PYTHON) requirements.txt code/pyproject.toml
	$(PIP) install --disable-pip-version-check -r requirements.txt
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/python-test: requirements-test.txt $(STAMPS)/python-book
	$(PIP) install --disable-pip-version-check -r requirements-test.txt
	@mkdir -p $(STAMPS) && touch $@

# Third-party browser code (MathJax, the ipywidgets HTML manager) comes from the npm
# registry, pinned by package-lock.json, and is copied into _vendor/ to be served by the
# site itself. Every build does this by itself when _vendor/ is missing or stale (the
# book's Sphinx extension runs _ext/book_assets.py); this target does it without a build.
vendor: $(STAMPS)/python-book
	$(PYTHON) _ext/book_assets.py

# Debian's Chromium for the browser tests; the test tool never downloads a browser.
$(STAMPS)/chromium: scripts/ensure_chromium.sh
	bash scripts/ensure_chromium.sh
	@mkdir -p $(STAMPS) && touch $@

lint: $(STAMPS)/python-test
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .

# View the built site at http://127.0.0.1:8000 (no network needed).
serve:
	$(PYTHON) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

bench: setup-book
	$(PYTHON) benchmarks/bench_pages.py

# Open the chapters as notebooks (MyST Markdown, read by Jupytext) in JupyterLab.
lab: setup-book
	$(PIP) install --disable-pip-version-check jupyterlab==4.6.6
	$(VENV)/bin/jupyter lab

clean:
	rm -rf _build _vendor $(VENV) node_modules
