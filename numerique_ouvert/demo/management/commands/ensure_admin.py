"""``manage.py ensure_admin``: an administrator account for the demo, with its password shown."""

from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Crée le compte administrateur (ADMIN_USERNAME, par défaut « admin ») et affiche "
            "son mot de passe (ADMIN_PASSWORD, ou tiré au hasard).")

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME") or "admin"
        password = os.environ.get("ADMIN_PASSWORD") or ""
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is not None and not password:
            self.stdout.write(
                f"Le compte administrateur « {username} » existe déjà ; son mot de passe est "
                f"inchangé (pour le changer : ADMIN_PASSWORD=... make run).")
            return
        password = password or secrets.token_urlsafe(12)
        if user is None:
            user_model.objects.create_superuser(username, "admin@example.org", password)
            action = "créé"
        else:
            user.set_password(password)
            user.is_superuser = user.is_staff = user.is_active = True
            user.save()
            action = "mis à jour"
        self.stdout.write(self.style.SUCCESS(f"Compte administrateur {action}."))
        self.stdout.write(f"  identifiant : {username}")
        self.stdout.write(f"  mot de passe : {password}")
