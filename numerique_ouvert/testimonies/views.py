"""Visitors' side of testimonies: the form, the thank-you page and withdrawal by signed link.

These are routes of the testimonies index page (``<index>/temoigner/``…), so they follow the
feature switch, the site and the page tree like the listing itself. Event, commun and guide
pages link to the form with ``?sujet=<page id>`` (they carry no form, so that the page cache
can serve them).
"""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Page

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.features import feature_of, is_feature_enabled
from numerique_ouvert.core.participation import rate_limited
from numerique_ouvert.core.queries import cached_listing, listing_key, site_root_page

from .forms import TestimonyForm
from .models import ModerationStatus, Testimony

logger = logging.getLogger(__name__)

WITHDRAWAL_SALT = "numerique_ouvert.testimonies.withdrawal"


# --- Which pages accept testimonies, and where the form lives ---------------------------------


def testimony_target(request, page_id: int) -> Page | None:
    """The live, public page ``page_id`` of the request's site if visitors may testify about
    it (an event, commun or guide of an enabled feature), else ``None``."""
    root = site_root_page(request)
    page = (Page.objects.live().public().descendant_of(root).filter(pk=page_id)
            .select_related("content_type").first())
    if page is None:
        return None
    page = page.specific
    if not getattr(page, "accepts_testimonies", False):
        return None
    if not is_feature_enabled(feature_of(page), request=request):
        return None
    return page


def testimony_index_models() -> list[type[Page]]:
    from wagtail.models import get_page_models

    from .models import AbstractTestimonyIndexPage

    return [model for model in get_page_models()
            if issubclass(model, AbstractTestimonyIndexPage) and not model._meta.abstract]


def form_url_for_site(request) -> str | None:
    """URL of the testimony form of the request's site (``None`` if it has no live testimonies
    index), cached with the listings: pages linking to the form pay no query for it."""
    root = site_root_page(request)

    def find() -> tuple[int, str] | None:
        index = (Page.objects.live().public().descendant_of(root)
                 .type(*testimony_index_models()).order_by("path").first())
        if index is None:
            return None
        index = index.specific
        return index.pk, index.url + index.reverse_subpage("form")

    found = cached_listing(listing_key("testimony-form", root.pk), find)
    return found[1] if found else None


# --- Withdrawal tokens -------------------------------------------------------------------------


def _withdrawal_signature(testimony_id, submission_key: str) -> str:
    return salted_hmac(WITHDRAWAL_SALT, f"{testimony_id}:{submission_key}",
                       algorithm="sha256").hexdigest()


def withdrawal_token(testimony: Testimony) -> str:
    """``<id>-<HMAC of id and submission key>``: names one testimony, only one sent through the
    form (admin entries have no key), and fits a page route (letters, digits and dashes)."""
    return f"{testimony.pk}-{_withdrawal_signature(testimony.pk, testimony.submission_key)}"


def testimony_for_token(token: str) -> Testimony | None:
    testimony_id, _, signature = token.partition("-")
    if not testimony_id.isdigit() or not signature:
        return None
    testimony = Testimony.objects.filter(pk=int(testimony_id)).exclude(
        submission_key=None).first()
    if testimony is None or not constant_time_compare(
            signature, _withdrawal_signature(testimony.pk, testimony.submission_key)):
        return None
    return testimony


# --- Views (called by the routes of AbstractTestimonyIndexPage) -------------------------------

# Query parameter naming the page a testimony is about (``page`` is the listing's pagination).
SUBJECT_PARAM = "sujet"


def render(index_page, request, template: str, route_title: str, context: dict,
           status: int = 200):
    """Render a view of the index page (``core/route_page.html``: not indexed, in the
    breadcrumb under the page) with Wagtail's page context but not the listing's."""
    return TemplateResponse(
        request, template,
        {**Page.get_context(index_page, request), "route_title": route_title, **context},
        status=status)


def form_view(index_page, request):
    related = None
    page_param = request.POST.get("related_page") or request.GET.get(SUBJECT_PARAM)
    if page_param and str(page_param).isdigit():
        related = testimony_target(request, int(page_param))

    refusal = None
    if request.method == "POST":
        form = TestimonyForm(request.POST, allowed_pages=lambda pk: testimony_target(request, pk))
        refusal = rate_limited(request, "testimony", get_setting("TESTIMONY_RATE"))
        if refusal is None and form.is_valid():
            testimony, created = form.save()
            if created:
                transaction.on_commit(lambda: after_submission(request, index_page, testimony))
            query = ({SUBJECT_PARAM: testimony.related_page_id} if testimony.related_page_id
                     else {})
            url = index_page.url + index_page.reverse_subpage("thanks")
            if query:
                url += "?" + urlencode(query)
            return HttpResponseRedirect(url, status=303)
    else:
        form = TestimonyForm(initial={"related_page": related.pk if related else None},
                             allowed_pages=lambda pk: testimony_target(request, pk))
    response = render(
        index_page, request, "numerique_ouvert/testimonies/testimony_form_page.html",
        _("Témoigner"), {"form": form, "related": related, "form_action": index_page.form_url,
                         **(refusal.context() if refusal else {})})
    return refusal.refuse(response) if refusal else response


def after_submission(request, index_page, testimony: Testimony) -> None:
    """Once the testimony is committed: the moderators' digest (batched) and the submitter's
    acknowledgement. A mail server failure is logged and loses nothing: the testimony is
    stored, and ``notify_moderators`` sends pending digests later."""
    from .notifications import send_moderation_digest

    try:
        send_moderation_digest()
    except Exception:  # noqa: BLE001 - a mail failure must not turn a stored testimony into a 500
        logger.exception("Could not send the moderation digest")
    if testimony.contact_email:
        try:
            send_acknowledgement(request, index_page, testimony)
        except Exception:  # noqa: BLE001
            logger.exception("Could not send the acknowledgement of testimony %s", testimony.pk)


def send_acknowledgement(request, index_page, testimony: Testimony) -> None:
    """The submitter's receipt: what happens next, and the withdrawal link."""
    from numerique_ouvert.core.models import PortalSettings

    withdrawal_url = request.build_absolute_uri(
        index_page.url + index_page.reverse_subpage("withdraw", args=[withdrawal_token(testimony)]))
    context = {
        "testimony": testimony,
        "withdrawal_url": withdrawal_url,
        "site_name": str(PortalSettings.for_request(request).site_title),
        "retention_days": get_setting("CONTACT_EMAIL_RETENTION_DAYS"),
    }
    subject = " ".join(render_to_string(
        "numerique_ouvert/testimonies/emails/acknowledgement_subject.txt", context).split())
    body = render_to_string("numerique_ouvert/testimonies/emails/acknowledgement_body.txt", context)
    send_mail(subject, body, None, [testimony.contact_email])


def thanks_view(index_page, request):
    related = None
    page_param = request.GET.get(SUBJECT_PARAM)
    if page_param and page_param.isdigit():
        related = testimony_target(request, int(page_param))
    return render(index_page, request, "numerique_ouvert/testimonies/testimony_thanks_page.html",
                  _("Merci"), {"related": related,
                   "retention_days": get_setting("CONTACT_EMAIL_RETENTION_DAYS")})


def withdrawal_view(index_page, request, token: str):
    template = "numerique_ouvert/testimonies/testimony_withdrawal_page.html"
    title = _("Retirer mon témoignage")
    testimony = testimony_for_token(token)
    if testimony is None:
        return render(index_page, request, template, title, {"invalid": True}, status=404)
    if request.method == "POST":
        testimony.delete()
        return render(index_page, request, template, title, {"deleted": True})
    return render(index_page, request, template, title, {
        "testimony": testimony, "published": testimony.status == ModerationStatus.APPROVED})

