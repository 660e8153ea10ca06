"""numerique_ouvert.core.http: what a URL import or a federation sync may fetch, against a real
local HTTP server (allowed explicitly, as loopback is refused by default)."""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from numerique_ouvert.core.http import FetchError, check_address, fetch

ALLOW_LOOPBACK = {"FETCH_ALLOWED_NETWORKS": ["127.0.0.0/8"]}


class Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_GET(self):
        Handler.hits.append(self.path)
        if self.path == "/file.yml":
            self._send(200, b"name: Exemple\n", "application/yaml; charset=utf-8")
        elif self.path == "/latin1":
            self._send(200, "été".encode("latin-1"), "text/plain; charset=latin-1")
        elif self.path.startswith("/redirect/"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/redirect"))
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/secret")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"x" * 2000, "text/plain")
        elif self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"64\r\n" + b"y" * 100 + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        elif self.path == "/bomb":
            body = gzip.compress(b"z" * 100_000)
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Length", "50")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"s")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        else:
            self._send(404, b"absent", "text/plain")

    def _send(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def allow_loopback(settings):
    settings.NUMERIQUE_OUVERT = {**getattr(settings, "NUMERIQUE_OUVERT", {}), **ALLOW_LOOPBACK}


def test_loopback_is_refused_by_default_and_nothing_is_requested(server):
    Handler.hits.clear()
    with pytest.raises(FetchError, match="127.0.0.1 n’est pas publique"):
        fetch(f"{server}/file.yml")
    assert Handler.hits == []


def test_localhost_by_name_is_refused(server):
    port = server.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="n’est pas publique"):
        fetch(f"http://localhost:{port}/file.yml")


@pytest.mark.parametrize("address", ["10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                                     "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fc00::1",
                                     "::ffff:127.0.0.1", "240.0.0.1"])
def test_non_public_addresses_are_refused(address):
    with pytest.raises(FetchError, match="n’est pas publique"):
        check_address("http://example.test/", address)


def test_public_addresses_pass():
    assert str(check_address("https://example.test/", "193.51.24.1")) == "193.51.24.1"
    assert str(check_address("https://example.test/", "2001:4860:4860::8888")) == "2001:4860:4860::8888"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.yml", "gopher://x/",
                                 "javascript:alert(1)", "/relative/path.yml"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="http et https"):
        fetch(url)


def test_credentials_in_the_address_are_refused(server, allow_loopback):
    with pytest.raises(FetchError, match="identifiant ou mot de passe"):
        fetch(server.replace("http://", "http://user:secret@") + "/file.yml")


def test_allowed_network_is_fetched(server, allow_loopback):
    result = fetch(f"{server}/file.yml")
    assert result.status == 200
    assert result.content == b"name: Exemple\n"
    assert result.text() == "name: Exemple\n"
    assert result.content_type.startswith("application/yaml")


def test_charset_of_the_response_is_used(server, allow_loopback):
    assert fetch(f"{server}/latin1").text() == "été"


def test_redirects_are_followed_and_the_final_address_kept(server, allow_loopback):
    result = fetch(f"{server}/redirect/file.yml")
    assert result.url == f"{server}/file.yml"
    assert result.content == b"name: Exemple\n"


def test_a_redirect_to_a_private_address_is_refused(server, allow_loopback):
    with pytest.raises(FetchError, match="10.0.0.1 n’est pas publique"):
        fetch(f"{server}/to-private")


def test_redirect_loops_stop(server, allow_loopback):
    with pytest.raises(FetchError, match="trop de redirections"):
        fetch(f"{server}/loop")


def test_error_status_is_reported(server, allow_loopback):
    with pytest.raises(FetchError, match="répondu 404"):
        fetch(f"{server}/missing")


def test_size_cap_from_content_length(server, allow_loopback):
    with pytest.raises(FetchError, match="taille maximale de 1000 octets"):
        fetch(f"{server}/big", max_bytes=1000)


def test_size_cap_while_streaming_without_length(server, allow_loopback):
    with pytest.raises(FetchError, match="taille maximale de 1000 octets"):
        fetch(f"{server}/big-chunked", max_bytes=1000)
    assert len(fetch(f"{server}/big-chunked", max_bytes=5000).content) == 2000


def test_size_cap_applies_after_decompression(server, allow_loopback):
    with pytest.raises(FetchError, match="taille maximale de 10000 octets"):
        fetch(f"{server}/bomb", max_bytes=10_000)


def test_total_time_is_bounded(server, settings):
    settings.NUMERIQUE_OUVERT = {**ALLOW_LOOPBACK, "FETCH_TOTAL_TIMEOUT": 0.5}
    with pytest.raises(FetchError, match="trop de temps"):
        fetch(f"{server}/slow")


def test_unknown_host_is_reported():
    with pytest.raises(FetchError, match="introuvable"):
        fetch("https://nom-qui-n-existe-pas.invalid/publiccode.yml")
