"""Where imported files come from: a file, a folder (recursively), an http(s) address or bytes
uploaded in the admin, each read into a :class:`Source` within the size limit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.http import FetchError, fetch

from .base import ImportFileError, Problem


@dataclass(frozen=True)
class Source:
    name: str  # file path or URL, as shown in reports
    content: bytes

    def text(self) -> str:
        """The content decoded as UTF-8 (a byte order mark is dropped), or ImportFileError."""
        try:
            return self.content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(self.name, [Problem(self.name, "", _(
                "le fichier n’est pas un texte UTF-8 valide (octet %(position)d).")
                % {"position": error.start})]) from error


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_file(path: Path, limit: int) -> Source:
    # One byte more than allowed, never the whole of a huge file: enough for run_import to
    # reject it as too large, in the report, without stopping the other files of a folder.
    with path.open("rb") as handle:
        return Source(str(path), handle.read(limit + 1))


def read_url(url: str, limit: int) -> Source:
    try:
        result = fetch(url, max_bytes=limit)
    except FetchError as error:
        raise ImportFileError(url, [Problem(url, "", error.reason)]) from error
    return Source(url, result.content)


def read_sources(arg: str, patterns: tuple[str, ...] | list[str]) -> list[Source]:
    """The sources named by ``arg``: an http(s) URL, a file, or every file under a folder whose
    name matches one of ``patterns`` (sorted by path). Raises :class:`ImportFileError` for an
    address that cannot be fetched (too large included) or a missing path; a local file over
    ``INTEROP_MAX_FILE_BYTES`` is read only up to the limit and rejected by ``run_import``."""
    limit = get_setting("INTEROP_MAX_FILE_BYTES")
    if is_url(arg):
        return [read_url(arg, limit)]
    path = Path(arg)
    if path.is_file():
        return [read_file(path, limit)]
    if path.is_dir():
        found = sorted({p for pattern in patterns for p in path.rglob(pattern) if p.is_file()})
        return [read_file(p, limit) for p in found]
    raise ImportFileError(arg, [Problem(arg, "", _("ce fichier ou dossier n’existe pas."))])
