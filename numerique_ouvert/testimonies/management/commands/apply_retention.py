"""Delete what the portal no longer needs to keep (RGPD): run it daily, e.g. from cron::

    15 3 * * *  cd /srv/portail && .venv/bin/python manage.py apply_retention

- rejected testimonies, ``REJECTED_TESTIMONY_RETENTION_DAYS`` after they were rejected;
- contact addresses of testimonies, ``CONTACT_EMAIL_RETENTION_DAYS`` after submission (the
  testimony itself stays; its withdrawal link keeps working).
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from numerique_ouvert.conf import get_setting
from numerique_ouvert.testimonies.models import ModerationStatus, Testimony


def expired_rejections(now: datetime.datetime):
    cutoff = now - datetime.timedelta(days=get_setting("REJECTED_TESTIMONY_RETENTION_DAYS"))
    return Testimony.objects.filter(status=ModerationStatus.REJECTED).filter(
        Q(moderated_at__lt=cutoff) | Q(moderated_at__isnull=True, submitted_at__lt=cutoff))


def expired_contacts(now: datetime.datetime):
    cutoff = now - datetime.timedelta(days=get_setting("CONTACT_EMAIL_RETENTION_DAYS"))
    return Testimony.objects.exclude(contact_email="").filter(submitted_at__lt=cutoff)


class Command(BaseCommand):
    help = ("Supprime les témoignages refusés et efface les adresses de contact au-delà des "
            "durées de conservation (NUMERIQUE_OUVERT REJECTED_TESTIMONY_RETENTION_DAYS et "
            "CONTACT_EMAIL_RETENTION_DAYS). À lancer chaque jour.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help=_("Compte ce qui serait supprimé, sans rien modifier."))

    def handle(self, *args, dry_run: bool = False, **options):
        now = timezone.now()
        with transaction.atomic():
            rejected = expired_rejections(now)
            # Not the ones about to be deleted: the counts say what each step does.
            contacts = expired_contacts(now).exclude(pk__in=rejected.values("pk"))
            if dry_run:
                deleted, erased = rejected.count(), contacts.count()
            else:
                # Deleted one by one: the signals that clear caches and search entries run.
                deleted = 0
                for testimony in rejected:
                    testimony.delete()
                    deleted += 1
                # An update: no listing shows contact addresses, nothing to invalidate.
                erased = contacts.update(contact_email="")
        message = (_("Témoignages refusés à supprimer : %(deleted)d. Adresses de contact à "
                     "effacer : %(erased)d.") if dry_run else
                   _("Témoignages refusés supprimés : %(deleted)d. Adresses de contact "
                     "effacées : %(erased)d."))
        self.stdout.write(message % {"deleted": deleted, "erased": erased})
