"""The production settings module, imported with a chosen environment, as values to hand to
``override_settings`` (the test process keeps running on the test settings)."""

from __future__ import annotations

import importlib
import os
import socket
import sys
from contextlib import contextmanager

MODULE = "example_site.settings.production"
# What a real deployment sets at least (docs/deployment.md).
PLAUSIBLE_ENV = {
    "SECRET_KEY": "Zq8vN3pL0xR7tY2wE5uI9oA4sD6fG1hJ3kL8zX0cV7bN2mQ5wE9rT4yU6iO1pA3s",
    "ALLOWED_HOSTS": "portail.example.gouv.fr",
    "DJANGO_SETTINGS_MODULE": MODULE,
}


@contextmanager
def environment(**env: str):
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def production_settings(**env: str) -> dict:
    """The upper-case names of the production settings module imported under ``env`` (plus
    :data:`PLAUSIBLE_ENV`); the module is imported afresh and forgotten again."""
    with environment(**{**PLAUSIBLE_ENV, **env}):
        sys.modules.pop(MODULE, None)
        try:
            module = importlib.import_module(MODULE)
        finally:
            sys.modules.pop(MODULE, None)
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


def unused_port() -> int:
    """A local TCP port nothing listens on (bound then released): connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
