# include_top Atlas. The two commands a fresh machine needs:
#   make serve   set up .venv and serve the site on http://127.0.0.1:8000/include-top-atlas/
#   make test    set up .venv (and Debian's chromium + fonts-nanum) and run every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PYTHONPATH := $(CURDIR)/scripts
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build generate check system-deps docs-venv benchmark

REQUIREMENTS := requirements.txt requirements-docs.txt constraints.txt
# The stamp is named after the requirements' content, not their dates: a fresh clone
# (new mtimes) with an already installed venv does not reinstall.
INSTALLED := $(VENV)/.installed-$(shell cat $(REQUIREMENTS) | sha256sum | cut -c1-16)

$(INSTALLED):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

serve: $(INSTALLED)
	$(BIN)/mkdocs serve --strict

build: $(INSTALLED)
	$(BIN)/mkdocs build --strict

generate: $(INSTALLED)
	$(BIN)/python -m atlas generate

check: $(INSTALLED)
	$(BIN)/python -m atlas generate --check

system-deps:
	bash scripts/system-deps.sh

test: $(INSTALLED) system-deps
	$(BIN)/python -m atlas generate --check
	$(BIN)/python -m pytest

benchmark: $(INSTALLED)
	$(BIN)/python -m atlas.benchmark
	$(BIN)/python -m atlas.bench_svg
	$(BIN)/python -m atlas.bench_notebooks
	$(BIN)/python -m atlas.experiment.benchmark
