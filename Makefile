# hemicycle: `make` sets up .venv and builds every content/*.yaml into
# build/<stem>.pdf and build/<stem>.docx; `make test` runs the test suite.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

CONTENT := $(wildcard content/*.yaml)
FORMATS ?= pdf docx
OUTPUTS := $(foreach f,$(FORMATS),$(CONTENT:content/%.yaml=build/%.$(f)))

# Overridable so that tests can drive this Makefile in a scratch folder.
HEMICYCLE ?= $(BIN)/hemicycle
SETUP     ?= $(STAMP)
TEMPLATES ?= templates

# hemicycle's own code: a change rebuilds everything. Templates, fonts and
# data files are listed per document in the build/*.d files that
# `hemicycle build --depfile` writes: touching one template rebuilds exactly
# the documents that read it.
CODE ?= $(wildcard render/*.py)

# Debian packages: Pango for WeasyPrint, LibreOffice (with DejaVu, the only
# font its checks let it see, and its Python scripting) and poppler for the
# DOCX and PDF checks of the test suite, HarfBuzz's subsetter for speed.
DEBIAN_PACKAGES := python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
                   poppler-utils libreoffice-writer-nogui fonts-dejavu-core \
                   hyphen-fr hyphen-nl python3-uno

.PHONY: all test bench fuzz clean distclean deps schema corpus
.DELETE_ON_ERROR:

all: $(OUTPUTS)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

build/%.pdf: content/%.yaml $(CODE) | $(SETUP)
	$(HEMICYCLE) build $< --format pdf --out build --templates $(TEMPLATES) --depfile

build/%.docx: content/%.yaml $(CODE) | $(SETUP)
	$(HEMICYCLE) build $< --format docx --out build --templates $(TEMPLATES) --depfile

build/%.html: content/%.yaml $(CODE) | $(SETUP)
	$(HEMICYCLE) build $< --format html --out build --templates $(TEMPLATES) --depfile

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
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

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
