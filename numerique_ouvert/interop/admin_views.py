"""The admin import screen: step 1 runs a dry run and shows its report, step 2 confirms it.

Between the two steps the file waits in a :class:`~.models.PendingImport` row that only its
uploader can confirm. Who may import: users who may add pages somewhere (the menu item), and
under the chosen parent page (each step checks it again).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .base import IMPORTERS, ImportFileError, default_parent, run_import
from .forms import ImportForm
from .models import PendingImport
from .sources import Source, read_url

URL_NAME = "numerique_ouvert_interop_import"


def can_import(user) -> bool:
    """Whether ``user`` may add pages anywhere (the import creates pages)."""
    return PagePermissionPolicy().user_has_permission(user, "add")


def check_parent(user, parent: Page | None) -> None:
    if parent is None or not parent.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied


def forbidden() -> HttpResponseForbidden:
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard: say 403 plainly.
    return HttpResponseForbidden(_("Vous n'avez pas le droit de créer des pages ici : l'import "
                                   "vous est refusé."))


class ImportView(WagtailAdminTemplateMixin, View):
    template_name = "numerique_ouvert/interop/admin/import.html"
    page_title = _("Importer")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            return forbidden()
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def render(self, **context):
        return self.render_to_response(self.get_context_data(**context))

    def get(self, request):
        return self.render(form=ImportForm())

    def post(self, request):
        if request.POST.get("token"):
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        importer = IMPORTERS[form.cleaned_data["format"]]()
        parent = form.cleaned_data["parent"] or (
            default_parent(importer.page_model) if importer.page_model else None)
        if parent is None:
            form.add_error("parent", _("Aucune page ne peut recevoir ces pages : créez d'abord la "
                                       "liste (des communs, des guides) ou choisissez une page."))
            return self.render(form=form)
        check_parent(request.user, parent)
        if form.cleaned_data["publish"] and not parent.permissions_for_user(
                request.user).can_publish_subpage():
            form.add_error("publish", _("Vous n'avez pas le droit de publier sous cette page : "
                                        "importez en brouillon, un modérateur publiera."))
            return self.render(form=form)
        try:
            source = self.read(form)
        except ImportFileError as error:
            for problem in error.problems:
                form.add_error("url" if form.cleaned_data.get("url") else "file", problem.message)
            return self.render(form=form)
        report = run_import(importer, [source], parent=parent.specific, dry_run=True,
                            publish=form.cleaned_data["publish"], user=request.user)
        pending = None
        if report.ok and (report.created or report.updated):
            PendingImport.purge()
            pending = PendingImport.objects.create(
                user=request.user, format=importer.format, name=source.name[:1000],
                content=source.content, parent=parent, publish=form.cleaned_data["publish"])
        return self.render(form=form, report=report, pending=pending, parent=parent,
                           importer=importer)

    def read(self, form) -> Source:
        upload = form.cleaned_data.get("file")
        if upload is not None:
            return Source(upload.name, upload.read())
        from numerique_ouvert.conf import get_setting

        return read_url(form.cleaned_data["url"], get_setting("INTEROP_MAX_FILE_BYTES"))

    def confirm(self, request):
        pending = PendingImport.objects.filter(
            token=request.POST["token"], user=request.user,
            created_at__gte=timezone.now() - PendingImport.LIFETIME).select_related("parent").first()
        if pending is None or pending.format not in IMPORTERS:
            messages.error(request, _("Cet import a expiré ou n'existe pas : recommencez."))
            return self.render(form=ImportForm())
        check_parent(request.user, pending.parent)
        importer = IMPORTERS[pending.format]()
        report = run_import(importer, [Source(pending.name, bytes(pending.content))],
                            parent=pending.parent.specific, dry_run=False, publish=pending.publish,
                            user=request.user)
        pending.delete()
        if report.ok:
            messages.success(request, report.summary())
        return self.render(form=ImportForm(), report=report, done=True, parent=pending.parent,
                           importer=importer)


def import_url() -> str:
    return reverse(URL_NAME)
