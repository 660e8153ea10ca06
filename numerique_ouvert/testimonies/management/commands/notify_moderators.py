"""Send the moderators the digest of testimonies still waiting to be announced. Run it every few
minutes from cron, so that submissions that arrived during the quiet interval go out::

    */5 * * * *  cd /srv/portail && .venv/bin/python manage.py notify_moderators
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from numerique_ouvert.testimonies.notifications import send_moderation_digest


class Command(BaseCommand):
    help = "Envoie aux modérateurs le récapitulatif des témoignages en attente non encore signalés."

    def handle(self, *args, **options):
        # Forced: cron is the schedule, the interval only throttles digests sent by the form.
        count = send_moderation_digest(force=True)
        self.stdout.write(_("Témoignages signalés aux modérateurs : %(count)d.") % {"count": count})
