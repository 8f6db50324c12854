"""A loopback HTTP server for tests: routes map a path to a handler returning (status, headers, body)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

Response = tuple[int, dict[str, str], bytes]
Handler = Callable[[dict[str, Any]], Response]


class LoopbackServer:
    def __init__(self, routes: dict[str, Handler], host: str = "127.0.0.1", port: int = 0):
        self.routes = routes
        self.requests: list[dict[str, Any]] = []
        server = self

        class _Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("content-length") or 0)
                request = {
                    "method": self.command,
                    "path": parts.path,
                    "query": {k: v[-1] for k, v in parse_qs(parts.query).items()},
                    "headers": dict(self.headers),
                    "body": self.rfile.read(length) if length else b"",
                    "time": time.monotonic(),
                }
                server.requests.append(request)
                handler = server.routes.get(parts.path)
                if handler is None:
                    status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
                else:
                    status, headers, body = handler(request)
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    if "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = _serve
            do_POST = _serve

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, port), _Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://{host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path


@contextmanager
def loopback_server(
    routes: dict[str, Handler], host: str = "127.0.0.1", port: int = 0
) -> Iterator[LoopbackServer]:
    """A server on `host` (any 127.x.y.z works on Linux: tests use 127.0.0.2 as "another machine")."""
    with serving(LoopbackServer(routes, host, port)) as server:
        yield server


@contextmanager
def serving(server: Any) -> Iterator[Any]:
    """Run `server.httpd` in a thread for the duration of the block, then shut it down."""
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def html(body: str, status: int = 200) -> Handler:
    return lambda request: (status, {"Content-Type": "text/html; charset=utf-8"}, body.encode())
