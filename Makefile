# Two commands for a fresh machine: `make run` (demo site) and `make test` (whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PORT ?= 8000
# pytest-xdist workers for make test ("auto": one per core; 0 runs everything in one process).
PYTEST_WORKERS ?= auto
# Extra requirement pinned at install time (used to test against Wagtail 7.4 LTS).
EXTRA_REQUIREMENT ?=
PIP := $(VENV)/bin/pip
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test test-postgres test-wagtail74 test-integration test-upgrade migrations-check \
	package-check docs lint clean load screenshots node_modules \
	messages compilemessages messages-check

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e ".[example]"
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e ".[example,dev]" $(EXTRA_REQUIREMENT)
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	@echo "Portail de démonstration : http://127.0.0.1:$(PORT)/  —  administration : http://127.0.0.1:$(PORT)/admin/"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# --dist loadfile: the tests of one module share a worker (and their module-scoped fixtures).
PYTEST := $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile

test: $(VENV)/.installed-dev
	$(PYTEST) $(PYTEST_ARGS)

# axe-core for the browser tests (tests/e2e), at the version package-lock.json pins.
node_modules: node_modules/axe-core/axe.min.js
node_modules/axe-core/axe.min.js: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The admin screenshots of the editors' guide (docs/img/admin/*.png), on a fresh demo site.
screenshots: $(VENV)/.installed-dev node_modules
	SCREENSHOTS_DIR=docs/img/admin E2E_REQUIRED=1 $(PY) -m pytest -n 0 -p no:cacheprovider tests/e2e/test_admin_screenshots.py

# The modules with transactional tests (transaction=True) run apart, in one process, on
# PostgreSQL: such a test empties the tables when it ends (the data of the migrations included),
# which under pytest-xdist would hit the tests that follow it on the same worker.
TRANSACTIONAL_TESTS := tests/testimonies/test_concurrency.py tests/testimonies/test_moderation_notifications.py \
	tests/parcours_map/test_concurrency.py
PG_URL = $${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}

test-postgres: $(VENV)/.installed-dev
	DATABASE_URL=$(PG_URL) $(PYTEST) $(addprefix --ignore=,$(TRANSACTIONAL_TESTS)) $(PYTEST_ARGS)
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -n 0 $(PYTEST_ARGS) $(TRANSACTIONAL_TESTS)

# The same suite against the previous Wagtail LTS, in a virtual environment of its own.
test-wagtail74:
	$(MAKE) VENV=.venv-wagtail74 EXTRA_REQUIREMENT='"wagtail>=7.4,<7.5"' test migrations-check

# The docs' code run for real: the installation page on a fresh `wagtail start` project in a
# virtual environment of its own, the examples of docs/extending.md as migrated apps.
test-integration: $(VENV)/.installed-dev
	$(PY) -m pytest -n 0 -m integration $(PYTEST_ARGS)

# A database built by the previous release (.ci/upgrade-baseline), migrated by this code.
test-upgrade: $(VENV)/.installed-dev
	$(PY) -m pytest -n 0 -m upgrade tests/upgrade $(PYTEST_ARGS)

# The sdist and the wheel: built, their content checked, the wheel run in a clean venv.
package-check: $(VENV)/.installed-dev
	PYTHON=$(PY) .ci/package-check

$(VENV)/.installed-docs: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e ".[docs]"
	touch $@

# The documentation site, into site/; --strict: a broken link, anchor or include fails.
docs: $(VENV)/.installed-docs
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --site-dir site

migrations-check: $(VENV)/.installed-dev
	DJANGO_SETTINGS_MODULE=example_site.settings.test $(MANAGE) makemigrations --check --dry-run

# Load test of a production-configured server (benchmarks/load.py, docs/performance.md): not part
# of CI. The PostgreSQL database is dropped and built again, the Redis database emptied.
LOAD_ITEMS ?= 1000
LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/numerique_ouvert_bench
LOAD_REDIS_URL ?= redis://127.0.0.1:6379/15
LOAD_PORT ?= 8400
LOAD_DURATION ?= 60
LOAD_CONNECTIONS ?= 64
LOAD_ARGS ?=

load: $(VENV)/.installed-dev
	@command -v wrk >/dev/null || (apt-get update -q && apt-get install -y -q wrk)
	$(PY) benchmarks/load.py --items $(LOAD_ITEMS) --database-url $(LOAD_DATABASE_URL) \
		--redis-url $(LOAD_REDIS_URL) --port $(LOAD_PORT) --duration $(LOAD_DURATION) \
		--connections $(LOAD_CONNECTIONS) $(LOAD_ARGS)

# Translations (docs/i18n.md): `make messages`, translate the new English entries of
# numerique_ouvert/core/locale/en/LC_MESSAGES/django.po, then `make compilemessages`.
messages: $(VENV)/.installed-dev
	$(PY) scripts/check_messages.py update

compilemessages: $(VENV)/.installed-dev
	DJANGO_SETTINGS_MODULE=example_site.settings.dev $(MANAGE) compilemessages --ignore '.venv*' \
		--ignore node_modules

# Fails on a string missing from the catalogues, an untranslated or fuzzy entry, a stale .mo.
messages-check: $(VENV)/.installed-dev
	$(PY) scripts/check_messages.py check

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) .venv-wagtail74 *.egg-info .pytest_cache
