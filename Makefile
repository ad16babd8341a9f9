# Health Disparities Toolkit — two commands: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
BROWSER_STAMP := $(VENV)/.installed-browser
PG_URL ?= postgres://postgres@127.0.0.1:5432/toolkit
HOST   ?= 127.0.0.1
PORT   ?= 8000
# The site address of `make run` (citations, feeds, OAI-PMH, e-mails): the address it serves.
TOOLKIT_SITE_URL ?= http://$(HOST):$(PORT)
PYTEST_ARGS ?=
# Two workers (this project's CI has two cores); each gets its own test database.
XDIST ?= -n auto

# Test runs use throw-away settings; nothing here is a real secret (the key is random-looking
# only because settings refuse placeholder keys when DEBUG is off).
TEST_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=i7EGeFyHS_Hu2RKGOH91vwY2YZopnEqJnLKmjH-phVI1dF9M8jHqxwOxADFvIE2QXPs \
	DJANGO_SETTINGS_MODULE=toolkit.settings TOOLKIT_SITE_URL=http://testserver \
	TOOLKIT_OAI_ADMIN_EMAIL=editors@toolkit.example.org
DEV_ENV  := DJANGO_DEBUG=1 TOOLKIT_SITE_URL=$(TOOLKIT_SITE_URL)

.PHONY: help install run serve test typecheck pytest pg-client test-postgres test-browser test-all bench bench-memory search-quality lint fmt clean

help:
	@echo "make run            set up everything and serve the demo at http://$(HOST):$(PORT)"
	@echo "                    (another port: make run PORT=8301)"
	@echo "make test           lint, type check, migration check and the test suite on SQLite"
	@echo "make test-postgres  the same suite against the local PostgreSQL ($(PG_URL))"
	@echo "make test-browser   real-browser journeys and the accessibility audit (Chromium)"
	@echo "make serve          gunicorn with production settings (reads .env)"
	@echo "make bench          cold search through gunicorn at 10k and 100k, and a wrk load test"
	@echo "                    (one size: N=100000; PostgreSQL: DATABASE_URL=...)"
	@echo "make bench-memory   the facet index's memory per worker (N=100000, COPIES=9: 1M)"
	@echo "make search-quality nDCG@10 and success@3 of the judged queries on the demo catalog"
	@echo "make lint | fmt     ruff check and format"
	@echo "make typecheck      mypy (django-stubs, djangorestframework-stubs) on toolkit, reviews, catalog"

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version' 
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(STAMP): pyproject.toml | $(PY)
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

$(BROWSER_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,browser]'
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)
	@touch $@

install: $(STAMP)

run: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py seed_demo
	@echo ""
	@echo "Serving on http://$(HOST):$(PORT)/  (API docs: http://$(HOST):$(PORT)/api/docs/)"
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

serve: install
	set -a; [ -f .env ] && . ./.env; set +a; \
	DJANGO_DEBUG=0 $(PY) manage.py migrate --noinput && \
	DJANGO_DEBUG=0 $(PY) manage.py collectstatic --noinput --verbosity 0 && \
	DJANGO_DEBUG=0 $(PY) manage.py search_index && \
	DJANGO_DEBUG=0 $(BIN)/gunicorn toolkit.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile -

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# mypy imports the settings through the django-stubs plugin, hence the test environment.
typecheck: install
	$(TEST_ENV) $(BIN)/mypy

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(TEST_ENV) $(BIN)/mypy
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/pytest $(XDIST) $(PYTEST_ARGS)

# Only pytest, e.g. `make pytest PYTEST_ARGS="tests/catalog -x -q"` (add DATABASE_URL for PostgreSQL).
pytest: install
	$(TEST_ENV) $(BIN)/pytest $(PYTEST_ARGS)

# pg_dump, pg_restore and psql (manage.py backup/restore on PostgreSQL, and the line below).
pg-client:
	@command -v pg_dump >/dev/null && command -v pg_restore >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client)

test-postgres: install pg-client
	@psql "$(dir $(PG_URL))postgres" -qtc "SELECT 1 FROM pg_database WHERE datname='$(notdir $(PG_URL))'" | grep -q 1 \
		|| psql "$(dir $(PG_URL))postgres" -qc "CREATE DATABASE $(notdir $(PG_URL))"
	$(TEST_ENV) DATABASE_URL=$(PG_URL) $(PY) manage.py makemigrations --check --dry-run
	$(TEST_ENV) DATABASE_URL=$(PG_URL) $(BIN)/pytest $(XDIST) $(PYTEST_ARGS)

test-browser: $(BROWSER_STAMP)
	$(TEST_ENV) $(BIN)/pytest -m browser -p no:xdist -v $(PYTEST_ARGS)

test-all: test test-postgres test-browser

# Throw-away catalogs of N synthetic resources (10,000 then 100,000 unless N=... is given), on
# SQLite (/tmp/toolkit-bench-N.sqlite3) or on DATABASE_URL=postgres://.../<a throw-away db>,
# timed through gunicorn by bench_catalog (latency per kind, then the wrk load test).
# BENCH_ARGS="--repeat 200 --seconds 20 --no-load --app-dir DIR" are bench_catalog's options.
BENCH_SIZES := $(or $(N),10000 100000)
BENCH_ARGS ?=
bench: install
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	@set -e; for n in $(BENCH_SIZES); do \
		export DJANGO_DEBUG=1 TOOLKIT_SQLITE_PATH=/tmp/toolkit-bench-$$n.sqlite3 \
			TOOLKIT_MEDIA_ROOT=/tmp/toolkit-bench-media; \
		echo "== $$n resources, $${DATABASE_URL:+PostgreSQL}$${DATABASE_URL:-SQLite}"; \
		$(PY) manage.py migrate --noinput --verbosity 0; \
		$(PY) manage.py seed_corpus --size $$n --batch 1000; \
		$(PY) manage.py bench_catalog $(BENCH_ARGS); \
	done

# The facet index's memory per worker (README "Scaling"): a lean catalog of N resources
# (COPIES=9 copies each nine more times: N=100000 COPIES=9 is a million) in a throw-away file.
MEMORY_DB  := /tmp/toolkit-bench-memory.sqlite3
MEMORY_ENV := DJANGO_DEBUG=1 TOOLKIT_SQLITE_PATH=$(MEMORY_DB)
bench-memory: install
	rm -f $(MEMORY_DB) $(MEMORY_DB)-wal $(MEMORY_DB)-shm
	$(MEMORY_ENV) $(PY) manage.py migrate --noinput --verbosity 0
	$(MEMORY_ENV) $(PY) manage.py seed_corpus --lean --resources $${N:-100000} --copies $${COPIES:-0} --batch 5000
	$(MEMORY_ENV) $(PY) manage.py facet_index_memory

# The judged query set (tests/catalog/judged) on a throw-away demo database: SQLite by default,
# or DATABASE_URL=postgres://.../<a throw-away db>. QUALITY_ARGS=--misses lists the failures.
QUALITY_DB  := /tmp/toolkit-quality.sqlite3
QUALITY_ENV := DJANGO_DEBUG=1 TOOLKIT_SQLITE_PATH=$(QUALITY_DB) TOOLKIT_MEDIA_ROOT=/tmp/toolkit-quality-media
search-quality: install
	rm -f $(QUALITY_DB)
	$(QUALITY_ENV) $(PY) manage.py migrate --noinput --verbosity 0
	$(QUALITY_ENV) $(PY) manage.py seed_demo > /dev/null
	$(QUALITY_ENV) $(PY) -m tests.catalog.judged $(QUALITY_ARGS)

clean:
	rm -rf $(VENV) staticfiles test-results .pytest_cache .ruff_cache .mypy_cache
