"""Articles for the ingestion tests and a loopback HTTP server standing in for news sites."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

ARTICLE = """Le Kazakhstan envoie de l’aide à l’Ukraine

Le gouvernement kazakh a envoyé mercredi près de 40 tonnes de nourriture et de médicaments à l’Ukraine. Il a également acheté trois ambulances pour en faire don à Kiev.

Selon Leonid Nevzline, un ancien oligarque, Astana a autorisé les États-Unis à superviser son commerce avec la Russie.

(OD)
"""

CHANGED = ARTICLE.replace(
    "Le gouvernement kazakh",
    "Le ministère a publié jeudi un bilan de 18 pays donateurs. Le gouvernement kazakh",
)

PAGE = """<html><head><title>Aide humanitaire : le Kazakhstan envoie 40 tonnes</title></head><body>
<nav><a href="/">Accueil</a> | <a href="/monde">Monde</a> | <a href="/sport">Sport</a></nav>
<article><h1>Aide humanitaire : le Kazakhstan envoie 40 tonnes</h1>
<p class="byline">Par la rédaction</p>
<p>Le gouvernement kazakh a envoyé mercredi près de 40 tonnes de nourriture et de médicaments à l'Ukraine,
a indiqué le ministère des Affaires étrangères dans un communiqué publié à Astana.</p>
<p>Le Kazakhstan a également acheté trois ambulances pour en faire don aux hôpitaux ukrainiens, selon la même source.</p>
</article><footer>Mentions légales - Contact - Publicité</footer></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        if self.path == "/article":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/slow":
            time.sleep(3)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.11.12.13/internal")
            self.end_headers()
        elif self.path == "/huge":
            # 50 MB announced and streamed without a length: the fetcher must stop early.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(50 * 1024 * 1024 // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/image":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(b"\x89PNG\r\n\x1a\n")
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture
def site(settings: Any) -> Iterator[str]:
    """A news site on 127.0.0.1, allow-listed for this test only."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1"]
    settings.FACTCHECK_FETCH_TIMEOUT = 1.0
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
