# Two commands do all the set-up:  make demo  (install, then clean the built-in example)
#                                  make test  (install with test extras, then run the tests)
# Both create .venv first. The demo installs the light package (no torch). The tests also check
# compatibility with argostranslate (the [argos] extra), which needs stanza, which needs torch: torch
# is pinned first there, as an unpinned torch pulls a multi-GB CUDA build. Elsewhere, point pip at
# PyTorch's CPU wheel index (PIP_EXTRA_INDEX_URL) to get the small CPU build of the same version.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
TORCH  ?= torch==2.13.0

.PHONY: demo test install install-test lint clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The compiled core is built by pip's build of the package: a change to its sources rebuilds it.
CORE_SOURCES = CMakeLists.txt $(wildcard src/core/*.cpp src/core/*.hpp)

$(VENV)/.installed: $(BIN)/python pyproject.toml $(CORE_SOURCES)
	$(BIN)/pip install -q -e ".[lingua]"
	@# An editable install leaves the package uncompiled; where PYTHONDONTWRITEBYTECODE is set,
	@# every run would compile it again (one-record `cleanprep detect`: 0.34 s instead of 0.38 s).
	$(BIN)/python -m compileall -q cleanprep
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml $(CORE_SOURCES)
	$(BIN)/pip install -q "$(TORCH)"
	$(BIN)/pip install -q -e ".[lingua,test,ray,argos]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/cleanprep demo -o demo-out

test: install-test
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check cleanprep tests benchmarks

clean-venv:
	rm -rf $(VENV)
