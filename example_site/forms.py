"""Forms of the example site's admin: Wagtail's document form with a size limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


class SizeLimitedDocumentForm(BaseDocumentForm):
    """Refuses a document larger than ``DOCUMENT_MAX_UPLOAD_SIZE`` bytes (Wagtail limits the
    size of images, not of documents). Used by the single and the multiple upload views."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        limit = getattr(settings, "DOCUMENT_MAX_UPLOAD_SIZE", None)
        if uploaded and limit and "file" in self.changed_data and uploaded.size > limit:
            raise ValidationError(
                _("Ce fichier pèse %(size)s : la limite est de %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)})
        return uploaded
