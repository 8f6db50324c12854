"""Keep-alive between polls (claims.netfetch): feeds of one publisher polled back to back share a
connection, but a connection only ever carries requests for the name it was opened for, at the
address that name was checked to have for the request; a forked worker opens its own."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from claims import netfetch
from claims.netfetch import fetch_url
from tests.loopback import serving

FEED_TYPES = ("application/rss+xml",)


class KeepAliveServer:
    """HTTP/1.1 with keep-alive; records (client port, Host header, path) of every request."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.requests: list[tuple[int, str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                server.requests.append((self.client_address[1], self.headers.get("Host", ""), self.path))
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.send_header("ETag", '"v1"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", '"v1"')
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]

    def ports(self) -> list[int]:
        return [port for port, _, _ in self.requests]


@contextmanager
def keepalive_server(host: str = "127.0.0.1", port: int = 0) -> Iterator[KeepAliveServer]:
    with serving(KeepAliveServer(host, port)) as server:
        yield server


@pytest.fixture(autouse=True)
def fresh_pool(settings: Any) -> Iterator[None]:
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1", "127.0.0.3"]
    settings.FACTCHECK_FETCH_TIMEOUT = 5
    netfetch._forget_pooled_clients()
    yield
    for client, _used in netfetch._pooled.clients.values():
        client.close()
    netfetch._forget_pooled_clients()


@pytest.fixture
def names(monkeypatch: Any) -> dict[str, str]:
    """`a.test` and `b.test` name 127.0.0.1; tests change the answers as a DNS server would."""
    answers = {"a.test": "127.0.0.1", "b.test": "127.0.0.1"}
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        return real(answers.get(name, name), port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


def conditional(url: str) -> netfetch.FetchResult:
    return fetch_url(url, allowed_types=FEED_TYPES, headers={"If-None-Match": '"v1"'})


def test_feeds_of_one_site_polled_back_to_back_share_a_connection(names: dict[str, str]) -> None:
    with keepalive_server() as server:
        statuses = [conditional(f"http://a.test:{server.port}/feed/{n}").status for n in range(3)]
        statuses.append(fetch_url(f"http://a.test:{server.port}/feed/9", allowed_types=FEED_TYPES).status)
    assert statuses == [304, 304, 304, 200]
    assert len(set(server.ports())) == 1
    assert {host for _, host, _ in server.requests} == {f"a.test:{server.port}"}


def test_a_connection_never_carries_a_request_for_another_name(names: dict[str, str]) -> None:
    with keepalive_server() as server:
        conditional(f"http://a.test:{server.port}/feed")
        conditional(f"http://b.test:{server.port}/feed")  # same address and port, other name
        conditional(f"http://a.test:{server.port}/feed")
    first, other, again = server.ports()
    assert other != first and again == first


def test_a_name_that_moved_is_asked_at_its_new_address(names: dict[str, str]) -> None:
    with keepalive_server("127.0.0.1") as before, keepalive_server("127.0.0.3", before.port) as after:
        conditional(f"http://a.test:{before.port}/feed")
        names["a.test"] = "127.0.0.3"  # checked again for this request: the open connection is not used
        conditional(f"http://a.test:{before.port}/feed")
        names["a.test"] = "10.0.0.1"  # and a private answer is refused, open connection or not
        with pytest.raises(netfetch.FetchError) as refused:
            conditional(f"http://a.test:{before.port}/feed")
    assert len(before.requests) == 1 and len(after.requests) == 1
    assert refused.value.code == "private_address"


def test_idle_connections_are_closed_after_their_keep_alive(names: dict[str, str], monkeypatch: Any) -> None:
    with keepalive_server() as server:
        conditional(f"http://a.test:{server.port}/feed")
        [(first_client, _)] = netfetch._pooled.clients.values()
        monkeypatch.setattr(netfetch, "KEEPALIVE_SECONDS", -1.0)  # every client is stale from now on
        conditional(f"http://b.test:{server.port}/feed")
        conditional(f"http://a.test:{server.port}/feed")
    assert first_client.is_closed
    assert len(set(server.ports())) == 3
    assert len(netfetch._pooled.clients) == 1


def test_the_pool_is_bounded(names: dict[str, str], monkeypatch: Any) -> None:
    monkeypatch.setattr(netfetch, "MAX_POOLED_CLIENTS", 2)
    with keepalive_server() as server:
        for n in range(5):
            names[f"n{n}.test"] = "127.0.0.1"
            conditional(f"http://n{n}.test:{server.port}/feed")
    assert [key[1] for key in netfetch._pooled.clients] == ["n3.test", "n4.test"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_worker_opens_its_own_connection(names: dict[str, str]) -> None:
    with keepalive_server() as server:
        conditional(f"http://a.test:{server.port}/feed")
        [(parent_client, _)] = netfetch._pooled.clients.values()
        pid = os.fork()
        if pid == 0:  # the child: what a prefork pool process does after the fork
            code = 1
            try:
                code = 0 if conditional(f"http://a.test:{server.port}/feed").status == 304 else 2
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        conditional(f"http://a.test:{server.port}/feed")  # the parent's connection still works
    assert os.waitstatus_to_exitcode(status) == 0
    parent, child, parent_again = server.ports()
    assert child != parent and parent_again == parent
    assert not parent_client.is_closed
