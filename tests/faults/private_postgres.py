"""A throw-away PostgreSQL server for tests that stop and restart the database, so they never
disturb the shared server other tests use."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise FileNotFoundError(f"PostgreSQL's {name} is not installed")
    return found[-1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@dataclass
class PrivatePostgres:
    datadir: str
    port: int

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/factcheck"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            _as_postgres([_bin("pg_ctl"), "-D", self.datadir, "-w", "-t", "30", *args]),
            check=True, capture_output=True, timeout=60,
        )

    def start(self) -> None:
        self._ctl("-o", f"-p {self.port} -k {self.datadir} -c listen_addresses=127.0.0.1 -c fsync=off",
                  "-l", f"{self.datadir}/server.log", "start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    root = tempfile.mkdtemp(prefix="fc-pg-")
    datadir = os.path.join(root, "data")
    os.makedirs(datadir)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(datadir, "postgres")
    subprocess.run(_as_postgres([_bin("initdb"), "-D", datadir, "-U", "postgres", "--auth=trust", "-E", "UTF8"]),
                   check=True, capture_output=True, timeout=120)
    server = PrivatePostgres(datadir=datadir, port=free_port())
    server.start()
    subprocess.run(_as_postgres([_bin("createdb"), "-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres",
                                 "factcheck"]), check=True, capture_output=True, timeout=60)
    try:
        yield server
    finally:
        try:
            server.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(root, ignore_errors=True)
