"""Hiding a reference is unpublishing it: whoever does it in the admin (the "Masquer" button,
Wagtail's own "Dépublier", a bulk action), the sync leaves it hidden until it is published again."""

from __future__ import annotations

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import FederatedReference
from .sync import SYNC_RUNNING


@receiver(page_unpublished)
def hide_reference(sender, instance, **kwargs):
    if not SYNC_RUNNING.get():
        FederatedReference.objects.filter(page_id=instance.pk, hidden=False).update(hidden=True)


@receiver(page_published)
def show_reference(sender, instance, **kwargs):
    FederatedReference.objects.filter(page_id=instance.pk, hidden=True).update(hidden=False)
