"""``manage.py ensure_admin``: an administrator account for the demo, with its password shown."""

from __future__ import annotations

import os
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEFAULT_USERNAME = "admin"
EMAIL = "admin@example.org"


class Command(BaseCommand):
    help = ("Crée le compte administrateur (ADMIN_USERNAME, « admin » par défaut) s'il manque, "
            "avec le mot de passe ADMIN_PASSWORD ou un mot de passe tiré au hasard, et "
            "l'affiche.")

    def handle(self, *args: Any, **options: Any) -> None:
        username = os.environ.get("ADMIN_USERNAME", "").strip() or DEFAULT_USERNAME
        password = os.environ.get("ADMIN_PASSWORD", "")
        user_model = get_user_model()
        user = user_model._default_manager.filter(
            **{user_model.USERNAME_FIELD: username}).first()
        if user is None:
            password = password or secrets.token_urlsafe(12)
            user_model._default_manager.create_superuser(
                **{user_model.USERNAME_FIELD: username}, email=EMAIL, password=password)
            self._show("Compte administrateur créé.", username, password)
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
            self._show("Mot de passe du compte administrateur mis à jour.", username, password)
        else:
            self.stdout.write(
                f"Le compte administrateur « {username} » existe déjà ; son mot de passe est "
                f"inchangé.\nPour le remplacer : ADMIN_PASSWORD=... make run")

    def _show(self, message: str, username: str, password: str) -> None:
        self.stdout.write(self.style.SUCCESS(message))
        self.stdout.write(f"  identifiant  : {username}")
        self.stdout.write(f"  mot de passe : {password}")
