# include_top Atlas. The two commands a fresh machine needs:
#   make serve   set up .venv and serve the site on http://127.0.0.1:8000/include-top-atlas/
#   make test    set up .venv (and Debian's chromium + fonts-nanum) and run every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PYTHONPATH := $(CURDIR)/scripts
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0

.PHONY: serve test build generate check system-deps docs-venv benchmark

$(VENV)/.installed: requirements.txt requirements-docs.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --strict

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

generate: $(VENV)/.installed
	$(BIN)/python -m atlas generate

check: $(VENV)/.installed
	$(BIN)/python -m atlas generate --check

system-deps:
	bash scripts/system-deps.sh

test: $(VENV)/.installed system-deps
	$(BIN)/python -m atlas generate --check
	$(BIN)/python -m pytest

benchmark: $(VENV)/.installed
	$(BIN)/python -m atlas.benchmark

.PHONY: benchmark-experiment
benchmark-experiment: $(VENV)/.installed
	$(BIN)/python -m atlas.experiment.benchmark
