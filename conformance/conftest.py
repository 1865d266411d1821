"""Fixtures of the conformance suite: servers on fresh databases, and clients for them.

The backend is chosen by `HIRE_CONFORMANCE_DATABASE` (see `harness.Databases`);
the binary by `HIRE_SERVER_BIN` (default `.build/debug/hire-server`).
"""
from __future__ import annotations

import os
import pathlib
from typing import Iterator

import lark_oapi as lark
import pytest
from lark_oapi.core.cache import LocalCache
from lark_oapi.core.token.manager import TokenManager

import harness
from fixtures import generate as fx
from harness import FIXTURES, Api, Databases, ServerProcess

DEMO_APP_ID = "cli_a1b2c3d4e5f60718"
DEMO_APP_SECRET = "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6"
DEMO_TALENT = "6949805467799537964"
DEMO_INTERVIEWER_OPEN_ID = "ou_7dab8a3d3cdcc9da365777c7ad535d62"
DEMO_DUANYU = {
    "user_id": "u_duanyu",
    "open_id": "ou_266ed047ed37f24554e5a0afdbb15556",
    "union_id": "on_8ed6aa67826108097d9ee143816345",
    "people_admin_id": "7012345678901234567",
}

DATA_FILES = [FIXTURES / "acme.json", FIXTURES / "globex.json"]

# The README's examples are run by test_readme_examples.py against a server of their own,
# in a pytest of their own, as a reader runs them: not as part of this suite.
collect_ignore = ["examples"]


def pytest_report_header(config):
    spec = os.environ.get("HIRE_CONFORMANCE_DATABASE") or "sqlite (a temporary file per server)"
    try:
        binary = str(harness.server_binary())
    except RuntimeError as problem:
        binary = str(problem)
    return [f"hire-server: {binary}", f"database: {spec.split('@')[-1]}"]


@pytest.fixture(scope="session")
def workdir(tmp_path_factory) -> pathlib.Path:
    return tmp_path_factory.mktemp("hire-conformance")


@pytest.fixture(scope="session")
def databases(workdir) -> Iterator[Databases]:
    dbs = Databases(os.environ.get("HIRE_CONFORMANCE_DATABASE"), workdir)
    yield dbs
    dbs.cleanup()


class Servers:
    """Starts servers on fresh databases and stops them all at the end of its scope."""

    def __init__(self, databases: Databases, workdir: pathlib.Path):
        self.databases = databases
        self.workdir = workdir
        self.running: list[ServerProcess] = []

    def start(self, data=(), demo: bool = True, rate_limit: str = "off", database: str | None = None,
              extra=(), admin_token: str | None = None, env: dict | None = None) -> ServerProcess:
        """A server on a new database (or on `database`); `admin_token` switches the admin API on."""
        server = ServerProcess(database or self.databases.new(), self.workdir, data=data, demo=demo,
                               rate_limit=rate_limit, extra=extra, admin_token=admin_token, env=env)
        return self.run(server)

    def run(self, server: ServerProcess) -> ServerProcess:
        """Starts a server made by the caller, stopped with the others."""
        self.running.append(server)
        return server.start()

    def stop_all(self) -> None:
        for server in self.running:
            server.kill()
        self.running.clear()


@pytest.fixture(scope="session")
def session_servers(databases, workdir) -> Iterator[Servers]:
    servers = Servers(databases, workdir)
    yield servers
    servers.stop_all()


@pytest.fixture
def servers(databases, workdir) -> Iterator[Servers]:
    """Servers for one test, stopped after it."""
    servers = Servers(databases, workdir)
    yield servers
    servers.stop_all()


@pytest.fixture(scope="session")
def demo_server(session_servers) -> ServerProcess:
    """The demo tenant only (an empty store, no data files). Read-only tests only."""
    return session_servers.start()


@pytest.fixture(scope="session")
def data_server(session_servers) -> ServerProcess:
    """Acme and Globex from the fixtures. Read-only tests only: use `fresh_data_server` to change state."""
    return session_servers.start(data=DATA_FILES)


@pytest.fixture
def fresh_data_server(servers) -> ServerProcess:
    """Acme and Globex on a database of this test's own."""
    return servers.start(data=DATA_FILES)


@pytest.fixture
def fresh_demo_server(servers) -> ServerProcess:
    return servers.start()


def app_api(server: ServerProcess, app: dict) -> Api:
    return Api(server, app["app_id"], app["app_secret"])


@pytest.fixture
def acme(data_server) -> Api:
    return app_api(data_server, fx.ACME_FULL)


@pytest.fixture
def demo(demo_server) -> Api:
    return Api(demo_server, DEMO_APP_ID, DEMO_APP_SECRET)


def sdk_client(server: ServerProcess, app_id: str = DEMO_APP_ID, app_secret: str = DEMO_APP_SECRET) -> lark.Client:
    """The seeds' client, pointed at `server`: only the domain and the credentials differ.

    The SDK caches tenant tokens process-wide by app_id; every server of the suite is a
    platform of its own, so each client starts with an empty cache.
    """
    TokenManager.cache = LocalCache()
    return lark.Client.builder() \
        .app_id(app_id) \
        .app_secret(app_secret) \
        .domain(server.base_url) \
        .log_level(lark.LogLevel.DEBUG) \
        .build()
