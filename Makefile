# hemicycle: `make` sets up .venv and builds every content/*.yaml into
# build/<stem>.pdf and build/<stem>.docx; `make test` runs the test suite.

# This Makefile itself, for the recursive calls (tests drive it from a scratch folder).
SELF := $(abspath $(firstword $(MAKEFILE_LIST)))
HERE := $(dir $(SELF))

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

CONTENT := $(wildcard content/*.yaml)
# make STRICT=1: a document with findings of `check` is not written.
STRICT_FLAG := $(if $(STRICT),--strict)
FORMATS ?= pdf docx
OUTPUTS := $(foreach f,$(FORMATS),$(CONTENT:content/%.yaml=build/%.$(f)))

# Overridable so that tests can drive this Makefile in a scratch folder.
HEMICYCLE ?= $(BIN)/hemicycle
SETUP     ?= $(STAMP) $(BYTECODE)
TEMPLATES ?= templates

# hemicycle's own code: a change rebuilds everything. Templates, fonts and
# data files are listed per document in the build/*.d files that
# `hemicycle build --depfile` writes: touching one template rebuilds exactly
# the documents that read it.
CODE ?= $(wildcard render/*.py render/*/*.py render/*/*/*.py render/*/*/*/*.py)
# hemicycle's modules compiled once after a change, so that a shell that sets
# PYTHONDONTWRITEBYTECODE does not compile them again on every run.
BYTECODE := $(VENV)/.compiled

# Debian packages: Pango for WeasyPrint, LibreOffice (with DejaVu, the only
# font its checks let it see, and its Python scripting) and poppler for the
# DOCX and PDF checks of the test suite, HarfBuzz's subsetter for speed.
DEBIAN_PACKAGES := python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
                   poppler-utils libreoffice-writer-nogui fonts-dejavu-core \
                   hyphen-fr hyphen-nl python3-uno

.PHONY: all documents html check test bench fuzz clean distclean deps schema corpus
.DELETE_ON_ERROR:

# Every document is built even when one fails (-k); make fails at the end.
all: | $(SETUP)
	@$(MAKE) -f $(SELF) --no-print-directory -k documents

documents: $(OUTPUTS)

# A browser preview of every document, next to the PDF and DOCX.
html: | $(SETUP)
	@$(MAKE) -f $(SELF) --no-print-directory -k FORMATS=html documents

# Every content file checked, one report (exit 1 on findings, 2 on invalid files).
check: | $(SETUP)
	$(HEMICYCLE) check $(CONTENT)

$(STAMP): pyproject.toml
	@sh $(HERE)tools/prerequisites.sh $(PYTHON) $(DEBIAN_PACKAGES)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(BYTECODE): $(CODE) | $(STAMP)
	$(BIN)/python -m compileall -q render
	@touch $@

build/%.pdf: content/%.yaml $(CODE) | $(SETUP)
	$(HEMICYCLE) build $< --format pdf --out build --templates $(TEMPLATES) --depfile $(STRICT_FLAG)

build/%.docx: content/%.yaml $(CODE) | $(SETUP)
	$(HEMICYCLE) build $< --format docx --out build --templates $(TEMPLATES) --depfile $(STRICT_FLAG)

build/%.html: content/%.yaml $(CODE) | $(SETUP)
	$(HEMICYCLE) build $< --format html --out build --templates $(TEMPLATES) --depfile $(STRICT_FLAG)

-include $(wildcard build/*.d)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Speed and memory against the targets; writes build/bench.md and build/bench.json.
bench: $(STAMP)
	$(BIN)/python tests/benchmark.py

# 100,000 mutated content files through the loader and `check` (some also to
# HTML and DOCX): nothing may raise but hemicycle's own errors. FUZZ=N for more.
FUZZ ?= 100000
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz.py -n $(FUZZ)

# Installs the Debian packages the builds and tests need (as root, on
# Debian or Ubuntu; see the README for macOS).
deps:
	@sh $(HERE)tools/prerequisites.sh $(PYTHON) $(DEBIAN_PACKAGES)

clean:
	rm -f build/*.pdf build/*.docx build/*.html build/*.d build/.*.part

distclean: clean
	rm -rf $(VENV)

# The JSON Schema that editors use to complete and validate content files.
schema: $(STAMP)
	$(BIN)/hemicycle schema > docs/content.schema.json

# The corpus of bad content files and the error each must give.
corpus:
	$(PYTHON) tests/bad/regenerate.py
