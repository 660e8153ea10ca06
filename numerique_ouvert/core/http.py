"""Fetching a file over http(s) safely: for imports from a URL and for federation.

Only ``http`` and ``https``; the host name is resolved once and every address it resolves to must
be public (not loopback, private, link-local, shared, reserved or multicast) unless it belongs to
``NUMERIQUE_OUVERT["FETCH_ALLOWED_NETWORKS"]``; the connection is then made to that checked
address (the name is only used for the ``Host`` header and TLS), so a second resolution cannot
point it elsewhere (DNS rebinding). Redirects are followed by hand, each target checked the same
way; timeouts on connect, on each read and on the whole download; the body is capped (after
decompression) at ``FETCH_MAX_BYTES``. Proxies from the environment are not used.

Every refusal raises :class:`FetchError` with a message for the person who gave the address.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.utils.translation import gettext as _

from numerique_ouvert import __version__
from numerique_ouvert.conf import get_setting

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
USER_AGENT = f"numerique-ouvert/{__version__} (+https://github.com/numerique-ouvert/numerique-ouvert)"


class FetchError(Exception):
    """The address was refused or the download failed; ``str()`` says why, with the address."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"{url} : {reason}")


@dataclass(frozen=True)
class FetchResult:
    url: str  # the final address, after redirects
    status: int
    content_type: str
    content: bytes

    def text(self) -> str:
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _sep, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.content.decode(charset)
        except (LookupError, UnicodeDecodeError) as error:
            raise FetchError(self.url, _("le contenu n’est pas un texte %(charset)s valide (%(error)s).")
                             % {"charset": charset, "error": error}) from error


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    networks = []
    for value in get_setting("FETCH_ALLOWED_NETWORKS"):
        networks.append(ipaddress.ip_network(value, strict=False))
    return networks


def check_address(url: str, address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The parsed address, or :class:`FetchError` when it is not public and not allowed."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in _allowed_networks()):
        return ip
    if not ip.is_global or ip.is_multicast:
        raise FetchError(url, _("l’adresse %(address)s n’est pas publique (boucle locale, réseau privé "
                                "ou réservé) : elle est refusée.") % {"address": ip})
    return ip


def _resolve(url: str, host: str, port: int) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(url, _("le nom %(host)s est introuvable (%(error)s).")
                         % {"host": host, "error": error}) from error
    addresses = [check_address(url, info[4][0]) for info in infos]
    if not addresses:
        raise FetchError(url, _("le nom %(host)s est introuvable.") % {"host": host})
    return str(addresses[0])


def fetch(url: str, *, accept: str = "*/*", max_bytes: int | None = None) -> FetchResult:
    """GET ``url`` under the rules of this module; the body in full, or :class:`FetchError`."""
    max_bytes = max_bytes or get_setting("FETCH_MAX_BYTES")
    timeout = get_setting("FETCH_TIMEOUT")
    deadline = time.monotonic() + get_setting("FETCH_TOTAL_TIMEOUT")
    current = url
    for _redirect in range(get_setting("FETCH_MAX_REDIRECTS") + 1):
        response = _get_once(current, accept, timeout)
        try:
            if response.status in REDIRECT_STATUSES and response.headers.get("Location"):
                current = urljoin(current, response.headers["Location"])
                continue
            if response.status != 200:
                raise FetchError(current, _("le serveur a répondu %(status)s au lieu de 200.")
                                 % {"status": response.status})
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(current, _("le fichier dépasse la taille maximale de %(max)s octets.")
                                 % {"max": max_bytes})
            chunks, size = [], 0
            try:
                while chunk := response.read1(64 * 1024, decode_content=True):
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(current, _("le fichier dépasse la taille maximale de %(max)s "
                                                    "octets.") % {"max": max_bytes})
                    if time.monotonic() > deadline:
                        raise FetchError(current, _("le téléchargement a pris trop de temps."))
                    chunks.append(chunk)
            except (urllib3.exceptions.HTTPError, OSError) as error:
                raise FetchError(current, _("le téléchargement a échoué (%(error)s).")
                                 % {"error": error}) from error
            return FetchResult(url=current, status=response.status,
                               content_type=response.headers.get("Content-Type", ""),
                               content=b"".join(chunks))
        finally:
            response.release_conn()
    raise FetchError(url, _("trop de redirections (plus de %(max)s).")
                     % {"max": get_setting("FETCH_MAX_REDIRECTS")})


def _get_once(url: str, accept: str, timeout: float) -> urllib3.BaseHTTPResponse:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, _("seules les adresses http et https sont acceptées."))
    if not parts.hostname:
        raise FetchError(url, _("l’adresse ne contient pas de nom de serveur."))
    if parts.username or parts.password:
        raise FetchError(url, _("une adresse avec identifiant ou mot de passe est refusée."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(url, _("le port de l’adresse n’est pas valide.")) from error
    host = parts.hostname
    address = _resolve(url, host, port)
    host_header = parts.netloc
    options = {"timeout": urllib3.Timeout(connect=timeout, read=timeout), "retries": False, "maxsize": 1}
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(address, port, server_hostname=host, assert_hostname=host,
                                           cert_reqs="CERT_REQUIRED", **options)
    else:
        pool = urllib3.HTTPConnectionPool(address, port, **options)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    try:
        return pool.urlopen("GET", path, headers={"Host": host_header, "User-Agent": USER_AGENT,
                                                 "Accept": accept, "Accept-Encoding": "gzip, deflate"},
                            redirect=False, preload_content=False, retries=False)
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(url, _("la connexion a échoué (%(error)s).") % {"error": error}) from error
