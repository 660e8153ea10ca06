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

.PHONY: run test test-postgres test-wagtail74 migrations-check lint clean messages compilemessages \
	messages-check

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

# One process on PostgreSQL: the transactional tests (serialized_rollback) flush and restore the
# database, which under pytest-xdist's loadfile dispatch runs between other tests of the same worker.
test-postgres: $(VENV)/.installed-dev
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(PYTEST) -n 0 $(PYTEST_ARGS)

# The same suite against the previous Wagtail LTS, in a virtual environment of its own.
test-wagtail74:
	$(MAKE) VENV=.venv-wagtail74 EXTRA_REQUIREMENT='"wagtail>=7.4,<7.5"' test migrations-check

migrations-check: $(VENV)/.installed-dev
	DJANGO_SETTINGS_MODULE=example_site.settings.test $(MANAGE) makemigrations --check --dry-run

# Translations (docs/i18n.md): `make messages`, translate the new English entries of
# numerique_ouvert/locale/en/LC_MESSAGES/django.po, then `make compilemessages`.
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
