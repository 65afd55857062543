# Two commands on a fresh clone: `make run` and `make test`. Each sets up .venv first.
# `make check` runs the linters (ruff, mypy, import-linter); `make bench` the benchmarks.
PYTHON ?= python3
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
# Developers get an editable install, so an edit shows at once. `make test EDITABLE=`
# (what .ci/run does) installs the package as a wheel would and tests that instead; the
# packaging test checks a freshly built wheel in both modes.
EDITABLE ?= -e
MODE := $(if $(EDITABLE),editable,wheel)
STAMP := $(VENV)/.installed-$(MODE)
ROOTS := briefing tui translate themes seeds
# a non-editable install is a copy: any change to the sources makes it stale
SOURCES := $(if $(EDITABLE),,$(shell find $(ROOTS) -type f -not -path '*/__pycache__/*' 2>/dev/null))
LAYOUT := build/layout

.PHONY: run test check check-ruff check-mypy check-imports bench clean

$(STAMP): pyproject.toml setup.py $(SOURCES)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "briefing needs Python >= 3.11; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(EDITABLE) '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/briefing $(ARGS)

# -P: the checkout's folder is not put on sys.path, so `import briefing` is the install
test: $(STAMP)
	$(BIN)/python -P -m pytest $(PYTEST_ARGS)

# Strict: any finding fails (`make -k check` runs all three and then fails). mypy and
# import-linter read the installed layout (tui/ and translate/ under briefing/) that
# .ci/layout.py links to the sources; mypy's report names the source files.
check: check-ruff check-mypy check-imports

check-ruff: $(STAMP)
	$(BIN)/ruff check --output-format concise .

check-mypy: $(STAMP)
	$(BIN)/python .ci/layout.py $(LAYOUT)
	set -o pipefail; $(BIN)/mypy | $(BIN)/python .ci/layout.py --sources $(LAYOUT)
	set -o pipefail; $(BIN)/mypy --follow-imports=silent tests/app/*.py | $(BIN)/python .ci/layout.py --sources $(LAYOUT)

check-imports: $(STAMP)
	$(BIN)/python .ci/layout.py $(LAYOUT)-imports
	cd $(LAYOUT)-imports && $(CURDIR)/$(BIN)/lint-imports $(CURDIR)/pyproject.toml --no-cache

# every script of bench/ that runs as a program (baselines.py and generate.py are helpers)
bench: $(STAMP)
	@for b in $$(grep -l '__name__ == "__main__"' bench/*.py); do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
