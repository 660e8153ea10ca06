"""A tiny stand-in for another portal's API, served on loopback: the pages it lists are
whatever the test puts in ``FakeSource.pages`` (``{id: detail JSON}``)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PORT = 8320


def commun(pk: int, title: str, **fields) -> dict:
    slug = title.lower().replace(" ", "-")
    return {
        "id": pk, "title": title,
        "meta": {"type": "numerique_ouvert_communs.CommunPage", "slug": slug,
                 "html_url": f"https://source.example.gouv.fr/communs/{slug}/",
                 "detail_url": f"https://source.example.gouv.fr/api/v2/pages/{pk}/",
                 "last_published_at": "2026-01-02T10:00:00+01:00", "seo_title": "",
                 "search_description": "", "federated_from": None},
        "tagline": f"Accroche de {title}", "stages": [{"id": 1, "slug": "utiliser", "name": "Utiliser"}],
        "tags": ["logiciel libre"], "kind": {"value": "software", "label": "Logiciel"},
        "status": {"value": "stable", "label": "Stable"}, "licence": "MIT",
        "website": "https://example.org", "actor_relations": [], "support_programmes": [],
        "description": [{"type": "paragraph", "value": '<p>Voir <a linktype="page" id="3">ce guide</a>.</p>',
                         "id": "a"}, {"type": "image", "value": {"image": 4}, "id": "b"}],
        "uses": [], **fields,
    }


class FakeSource(BaseHTTPRequestHandler):
    pages: dict[int, dict] = {}
    requests: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        FakeSource.requests.append(self.path)
        parts = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        if parts.path == "/api/v2/pages/":
            wanted = [page for pk, page in sorted(self.pages.items())
                      if page["meta"]["type"].startswith(query["type"].split(".")[0])]
            offset, limit = int(query.get("offset", 0)), int(query.get("limit", 20))
            items = [{k: v for k, v in page.items() if k not in ("description", "uses")}
                     for page in wanted[offset:offset + limit]]
            self._json({"meta": {"total_count": len(wanted)}, "items": items})
        elif parts.path.startswith("/api/v2/pages/"):
            pk = int(parts.path.rstrip("/").rsplit("/", 1)[1])
            if pk in self.pages:
                self._json(self.pages[pk])
            else:
                self._json({"message": "not found"}, 404)
        else:
            self._json({"message": "not found"}, 404)

    def _json(self, data, status=200):
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server:
    def __init__(self):
        FakeSource.pages = {}
        FakeSource.requests = []
        self.server = ThreadingHTTPServer(("127.0.0.1", PORT), FakeSource)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{PORT}"

    @property
    def pages(self) -> dict[int, dict]:
        return FakeSource.pages

    @property
    def requests(self) -> list[str]:
        return FakeSource.requests

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
