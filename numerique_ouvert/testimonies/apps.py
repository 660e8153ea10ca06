"""App configuration of the testimonies feature."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.features import FeatureAppConfig, Section
from numerique_ouvert.core.queries import cached_items, listing_key


class TestimoniesConfig(FeatureAppConfig):
    default = True  # apps.py also imports FeatureAppConfig: name the one to use
    name = "numerique_ouvert.testimonies"
    label = "numerique_ouvert_testimonies"
    verbose_name = _("Numérique ouvert : témoignages")
    feature_key = "testimonies"
    feature_label = _("Témoignages")
    feature_help = _("Récits d'agents publiés après modération, avec leur accord.")
    feature_order = 50

    def ready(self):
        super().ready()
        from django.db.models.signals import post_delete, post_save

        from numerique_ouvert.core.signals import invalidate_listings

        from .models import Testimony

        def testimony_saved(sender, instance, created, **kwargs):
            # A new submission awaits moderation and changes no public listing: a burst of
            # submissions (or of spam) must not empty the caches of every listing.
            if created and not instance.is_published:
                return
            invalidate_listings(sender=sender, instance=instance, **kwargs)

        # The testimonies listing is cached like the others, but its items are not pages.
        post_save.connect(testimony_saved, sender=Testimony, weak=False,
                          dispatch_uid="numerique_ouvert_testimony_saved")
        post_delete.connect(invalidate_listings, sender=Testimony,
                            dispatch_uid="numerique_ouvert_testimony_deleted")

    def home_section(self, request, home_page):
        from .models import Testimony

        testimonies = cached_items(
            listing_key("home", self.feature_key, home_page.pk),
            Testimony.objects.published().for_site(home_page.url_path).order_by("-published_at"),
            get_setting("HOME_SECTION_SIZE"))
        if not testimonies:
            return None
        return Section("numerique_ouvert/testimonies/home_section.html",
                       {"testimonies": testimonies}, order=50)

    def page_section(self, request, page):
        from .models import Testimony

        if not getattr(page, "accepts_testimonies", False):
            return None
        testimonies = list(Testimony.objects.published().filter(related_page=page)
                           .order_by("-published_at"))
        context = {"testimonies": testimonies, "page": page}
        # "Vous étiez là et souhaitez témoigner ?": on events once they have begun, on commons
        # and guides always, wherever the site has a testimonies page. A call-out with a link
        # to the form's own page, not the form: a form holds a CSRF token and a one-time
        # submission key, which would keep the page out of the page cache (and of a CDN).
        if getattr(page, "testimony_form_open", False):
            from .views import SUBJECT_PARAM, form_url_for_site

            form_url = form_url_for_site(request)
            if form_url:
                context["callout"] = {
                    "title": page.testimony_prompt,
                    "heading_tag": "h3",
                    "text": _("Votre récit aide d'autres agents à se lancer. Il est relu avant "
                              "publication et n'est publié qu'avec votre accord."),
                    "button": {"url": f"{form_url}?{SUBJECT_PARAM}={page.pk}",
                               "label": _("Témoigner")},
                    "extra_classes": "fr-mt-4w",
                }
        return Section("numerique_ouvert/testimonies/page_section.html", context, order=50)

    def privacy_section(self, request):
        return Section("numerique_ouvert/testimonies/privacy_section.html", {
            "rejected_days": get_setting("REJECTED_TESTIMONY_RETENTION_DAYS"),
            "contact_days": get_setting("CONTACT_EMAIL_RETENTION_DAYS"),
        })

    parcours_heading = _("Témoignages")
    parcours_item_template = "numerique_ouvert/parcours/stage_testimonies.html"

    def parcours_items(self, request, root):
        from .models import Testimony

        return (Testimony.objects.published().for_site(root.url_path)
                .order_by("-published_at", "-pk"))

    def parcours_count_label(self, count):
        return ngettext("%(count)d témoignage", "%(count)d témoignages", count) % {
            "count": count}
