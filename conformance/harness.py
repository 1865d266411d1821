"""Starting `hire-server` processes and talking to them, for the conformance suite.

Nothing here knows the server's internals: it runs the binary as a user would
(`serve`, `import`, `export`) and speaks HTTP.
"""
from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
import uuid
from typing import Any, Iterable, Optional

import requests

REPO = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"

LISTENING = re.compile(r"hire-server listening on (http://\S+?):(\d+)")
LOG_ID = re.compile(r"^\d{14}[0-9A-Fa-f]+$")

TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal"
APP_TOKEN_PATH = "/open-apis/auth/v3/app_access_token/internal"
INTERVIEWERS_PATH = "/open-apis/hire/v1/interviewers"
BY_TALENT_PATH = "/open-apis/hire/v1/interviews/get_by_talent"


def server_binary() -> pathlib.Path:
    """`HIRE_SERVER_BIN`, or the debug build of the repository."""
    path = pathlib.Path(os.environ.get("HIRE_SERVER_BIN") or REPO / ".build" / "debug" / "hire-server")
    if not path.exists():
        raise RuntimeError(f"no hire-server binary at {path}: run `swift build --product hire-server` or set HIRE_SERVER_BIN")
    return path


# --- Databases ------------------------------------------------------------------------


def is_postgres(location: str) -> bool:
    return location.startswith("postgres://") or location.startswith("postgresql://")


def _psql() -> str:
    found = shutil.which("psql")
    if found:
        return found
    for candidate in sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin/psql"), reverse=True):
        return str(candidate)
    raise RuntimeError("psql is needed to create PostgreSQL databases for the suite")


class Databases:
    """Fresh, empty databases, one per server, on the backend `HIRE_CONFORMANCE_DATABASE` names.

    - unset, empty or `sqlite`: a new SQLite file in a temporary directory;
    - a `postgres://user:pass@host:port/db` URL: a new database created through that
      connection (the user needs CREATEDB), dropped at the end.
    """

    def __init__(self, spec: Optional[str], workdir: pathlib.Path):
        self.spec = (spec or "").strip()
        if self.spec in ("", "sqlite"):
            self.spec = ""
        elif not is_postgres(self.spec):
            raise RuntimeError(f"HIRE_CONFORMANCE_DATABASE must be empty, 'sqlite' or a postgres:// URL, not {self.spec!r}")
        self.workdir = workdir
        self.created: list[str] = []

    @property
    def backend(self) -> str:
        return "postgres" if self.spec else "sqlite"

    def new(self) -> str:
        """The location of a new, empty database, for `--database`."""
        if not self.spec:
            directory = pathlib.Path(tempfile.mkdtemp(prefix="db-", dir=self.workdir))
            return str(directory / "hire.sqlite")
        name = "hire_conf_" + uuid.uuid4().hex[:16]
        self._admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        parts = urllib.parse.urlsplit(self.spec)
        return urllib.parse.urlunsplit(parts._replace(path="/" + name))

    def cleanup(self) -> None:
        for name in self.created:
            try:
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except Exception:  # noqa: BLE001 - best effort
                pass
        self.created.clear()

    def _admin(self, sql: str) -> None:
        subprocess.run(
            [_psql(), self.spec, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
            check=True, capture_output=True, text=True, timeout=60)


# --- Running the binary ----------------------------------------------------------------


def run_cli(*args: str, database: str, timeout: float = 120, stdin: Optional[str] = None) -> subprocess.CompletedProcess:
    """`hire-server ARGS --database DATABASE`, captured."""
    return subprocess.run(
        [str(server_binary()), *args, "--database", database],
        capture_output=True, text=True, timeout=timeout, input=stdin, env=_server_env())


def _server_env(faketime: Optional[str] = None) -> dict[str, str]:
    # The server reads HIRE_* variables as defaults: keep the developer's own out of the suite.
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIRE_")}
    env.setdefault("HIRE_LOG_LEVEL", "warning")
    if faketime is not None:
        library = libfaketime()
        if library is None:
            raise RuntimeError("libfaketime is not installed (Debian: apt-get install faketime)")
        # The wall clock only: timers and timeouts keep the real monotonic clock.
        env.update(LD_PRELOAD=library, FAKETIME=faketime, FAKETIME_DONT_FAKE_MONOTONIC="1", FAKETIME_NO_CACHE="1")
    return env


def libfaketime() -> Optional[str]:
    """The multi-threaded libfaketime (`HIRE_CONFORMANCE_LIBFAKETIME`, or Debian's), if installed."""
    configured = os.environ.get("HIRE_CONFORMANCE_LIBFAKETIME")
    if configured:
        return configured if pathlib.Path(configured).exists() else None
    for candidate in sorted(pathlib.Path("/usr/lib").glob("*/faketime/libfaketimeMT.so.1")) + \
            sorted(pathlib.Path("/usr/lib/faketime").glob("libfaketimeMT.so.1")):
        return str(candidate)
    return None


class ServerProcess:
    """One `hire-server serve` on a free loopback port.

    Restartable on the same database, so durability can be checked.
    """

    def __init__(self, database: str, workdir: pathlib.Path, data: Iterable[pathlib.Path | str] = (),
                 demo: bool = True, rate_limit: str = "off", extra: Iterable[str] = (),
                 admin_token: Optional[str] = None, env: Optional[dict[str, str]] = None, bare: bool = False):
        """- Parameter admin_token: switches the admin API (`/_hire/`) on with this token.
        - Parameter env: more environment variables for the server.
        - Parameter bare: runs `hire-server` with no arguments at all (the one-command demo):
          no host, port, database or any other setting; `env` must hold no `HIRE_*` either.
        """
        self.database = database
        self.workdir = workdir
        self.data = [str(path) for path in data]
        self.demo = demo
        self.rate_limit = rate_limit
        self.extra = list(extra)
        self.admin_token = admin_token
        self.env = dict(env or {})
        self.bare = bare
        self.process: Optional[subprocess.Popen] = None
        self.base_url = ""
        self.port = 0
        self.starts = 0

    def command(self, data: Optional[list[str]] = None) -> list[str]:
        if self.bare:
            return [str(server_binary())]
        args = [str(server_binary()), "serve", "--host", "127.0.0.1", "--port", "0",
                "--database", self.database, "--rate-limit", self.rate_limit]
        for path in self.data if data is None else data:
            args += ["--data", path]
        if not self.demo:
            args.append("--no-demo")
        if self.admin_token is not None:
            args += ["--admin-token", self.admin_token]
        return args + self.extra

    def start(self, data: Optional[list[str]] = None, timeout: float = 60,
              faketime: Optional[str] = None) -> "ServerProcess":
        """Starts the server and waits for its `listening` line.

        - Parameter data: the data files of this start; the constructor's for the first start,
          none for a restart (the database has them already).
        - Parameter faketime: runs the server with its wall clock moved by libfaketime,
          e.g. "+95m" (FAKETIME syntax).
        """
        assert self.process is None, "already running"
        if data is None:
            data = self.data if self.starts == 0 else []
        self.starts += 1
        self.stdout_path = self.workdir / f"server-{id(self)}-{self.starts}.out"
        self.stderr_path = self.workdir / f"server-{id(self)}-{self.starts}.err"
        command, env = self.command(data), _server_env(faketime)
        if self.bare:
            env.pop("HIRE_LOG_LEVEL", None)
        env.update(self.env)
        if faketime is not None:
            # Under libfaketime's LD_PRELOAD a Swift program sees no command-line arguments
            # (CommandLine.arguments is empty), so configure the server by its environment.
            assert not self.extra, "extra arguments cannot be passed with faketime"
            env.update(HIRE_HOST="127.0.0.1", HIRE_PORT="0", HIRE_DATABASE=self.database,
                       HIRE_RATE_LIMIT=self.rate_limit)
            if data:
                env["HIRE_DATA"] = ",".join(data)
            if not self.demo:
                env["HIRE_NO_DEMO"] = "1"
            if self.admin_token is not None:
                env["HIRE_ADMIN_TOKEN"] = self.admin_token
            command = [str(server_binary())]
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                            cwd=self.workdir)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = LISTENING.search(self.stdout_path.read_text(errors="replace"))
            if match:
                self.base_url = f"{match.group(1)}:{match.group(2)}"
                self.port = int(match.group(2))
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.02)
        code = self.process.poll()
        self.kill()
        raise RuntimeError(f"hire-server did not start (exit {code}): {self.command(data)}\n{self.output()}")

    def output(self) -> str:
        text = ""
        for path in (getattr(self, "stdout_path", None), getattr(self, "stderr_path", None)):
            if path and path.exists():
                text += f"--- {path.name}\n" + path.read_text(errors="replace")[-4000:]
        return text

    def stop(self, timeout: float = 20) -> Optional[int]:
        """Graceful stop (SIGTERM); the exit status, or None if it had to be killed."""
        if self.process is None:
            return None
        status: Optional[int] = None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                status = self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        else:
            status = self.process.returncode
        self.process = None
        return status

    def kill(self) -> None:
        """`kill -9`: no chance to flush or close anything."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.process = None

    def restart(self) -> "ServerProcess":
        self.stop()
        return self.start()

    def url(self, path: str) -> str:
        return self.base_url + path


# --- Speaking the wire contract ----------------------------------------------------------


def find_nulls(value: Any, path: str = "$") -> list[str]:
    """JSON paths of every `null` in `value`."""
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in find_nulls(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in find_nulls(item, f"{path}[{index}]")]
    return []


def check_wire(response: requests.Response) -> None:
    """What every answer of the server must have: a log id and, if JSON, no nulls."""
    log_id = response.headers.get("X-Tt-Logid", "")
    assert LOG_ID.match(log_id), f"{response.request.method} {response.url} -> {response.status_code}: X-Tt-Logid {log_id!r}"
    if response.content and "json" in response.headers.get("Content-Type", ""):
        body = response.json()
        nulls = find_nulls(body)
        assert not nulls, f"nulls at {nulls} in {response.text[:500]}"


class Api:
    """Raw HTTP against one server, as one app (or none)."""

    def __init__(self, server: ServerProcess, app_id: Optional[str] = None, app_secret: Optional[str] = None):
        self.server = server
        self.app_id = app_id
        self.app_secret = app_secret
        self.session = requests.Session()
        self._token: Optional[str] = None

    def request(self, method: str, path: str, *, token: Optional[str] = "auto", headers: Optional[dict] = None,
                **kwargs) -> requests.Response:
        headers = dict(headers or {})
        if token == "auto":
            token = self.token() if self.app_id else None
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        response = self.session.request(method, self.server.url(path), headers=headers, timeout=30, **kwargs)
        check_wire(response)
        return response

    def token(self, fresh: bool = False) -> str:
        if self._token is None or fresh:
            response = self.request("POST", TOKEN_PATH, token=None,
                                    json={"app_id": self.app_id, "app_secret": self.app_secret})
            body = response.json()
            assert response.status_code == 200 and body.get("code") == 0, response.text
            self._token = body["tenant_access_token"]
        return self._token

    # The three resource endpoints.

    def patch(self, interviewer_id: str, body: Any = None, *, user_id_type: Optional[str] = None, raw: Optional[bytes] = None,
              **kwargs) -> requests.Response:
        params = kwargs.pop("params", {})
        if user_id_type is not None:
            params["user_id_type"] = user_id_type
        headers = {"Content-Type": "application/json; charset=utf-8"}
        data = raw if raw is not None else json.dumps(body).encode()
        return self.request("PATCH", f"{INTERVIEWERS_PATH}/{urllib.parse.quote(interviewer_id, safe='')}",
                            params=params, data=data, headers=headers, **kwargs)

    def set_status(self, interviewer_id: str, status: int, user_id_type: Optional[str] = None) -> dict:
        response = self.patch(interviewer_id, {"interviewer": {"verify_status": status}}, user_id_type=user_id_type)
        return ok(response)

    def current_status(self, interviewer_id: str, user_id_type: Optional[str] = None) -> int:
        """The status, read by a PATCH without `verify_status` (which changes nothing)."""
        data = ok(self.patch(interviewer_id, {"interviewer": {}}, user_id_type=user_id_type))
        return data["interviewer"]["verify_status"]

    def list(self, *, token: Optional[str] = "auto", **params) -> requests.Response:
        """The list with these query parameters."""
        return self.request("GET", INTERVIEWERS_PATH, params=params, token=token)

    def list_all(self, page_size: int = 100, **params) -> list[dict]:
        """Every page of the list, concatenated."""
        items: list[dict] = []
        token = None
        for _ in range(1000):
            query = dict(params, page_size=page_size)
            if token:
                query["page_token"] = token
            data = ok(self.list(**query))
            items += data["items"]
            if not data["has_more"]:
                return items
            token = data["page_token"]
        raise AssertionError("the list did not end")

    def by_talent(self, talent_id: Optional[str], *, token: Optional[str] = "auto", **params) -> requests.Response:
        """get_by_talent for `talent_id` (none if `None`) with these other query parameters."""
        if talent_id is not None:
            params["talent_id"] = talent_id
        return self.request("GET", BY_TALENT_PATH, params=params, token=token)


ADMIN_PREFIX = "/_hire"


class Admin:
    """The admin API (`/_hire/`, docs/admin-api.md) of one server, with its admin token.

    `request` answers the raw response; the other methods check the success envelope
    and answer its `data` (or the part of it named by the method).
    """

    def __init__(self, server: ServerProcess, token: Optional[str] = "auto"):
        self.server = server
        self.token = server.admin_token if token == "auto" else token
        self.session = requests.Session()

    def request(self, method: str, path: str, *, token: Optional[str] = "auto", headers: Optional[dict] = None,
                timeout: float = 60, **kwargs) -> requests.Response:
        """`METHOD /_hire{path}`, with `Authorization: Bearer <token>` (the admin token unless given; none if None)."""
        headers = dict(headers or {})
        token = self.token if token == "auto" else token
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        response = self.session.request(method, self.server.url(ADMIN_PREFIX + path), headers=headers,
                                        timeout=timeout, **kwargs)
        log_id = response.headers.get("X-Tt-Logid", "")
        assert LOG_ID.match(log_id), f"{method} {response.url} -> {response.status_code}: X-Tt-Logid {log_id!r}"
        return response

    def call(self, method: str, path: str, **kwargs) -> dict:
        return ok(self.request(method, path, **kwargs))

    # Reset and snapshots.

    def reset(self, tenant_key: Optional[str] = None) -> dict:
        params = {"tenant_key": tenant_key} if tenant_key is not None else None
        return self.call("POST", "/reset", params=params)

    def save(self, name: str, *tenant_keys: str) -> dict:
        """Saves a snapshot; its `Snapshot`."""
        data = self.call("PUT", f"/snapshots/{name}", params=[("tenant_key", key) for key in tenant_keys])
        return data["snapshot"]

    def restore(self, name: str) -> dict:
        return self.call("POST", f"/snapshots/{name}/restore")

    def snapshots(self) -> list[dict]:
        return self.call("GET", "/snapshots")["items"]

    def delete_snapshot(self, name: str) -> dict:
        return self.call("DELETE", f"/snapshots/{name}")

    # Faults.

    def add_fault(self, **fields) -> dict:
        return self.call("POST", "/faults", json=fields)

    def faults(self) -> list[dict]:
        return self.call("GET", "/faults")["items"]

    def delete_fault(self, fault_id: str) -> dict:
        return self.call("DELETE", f"/faults/{fault_id}")

    def clear_faults(self) -> int:
        return self.call("DELETE", "/faults")["count"]

    # The clock.

    def clock(self) -> dict:
        return self.call("GET", "/clock")

    def advance(self, ms: int) -> dict:
        return self.call("POST", "/clock", json={"advance_ms": ms})

    def set_clock(self, now_ms: int) -> dict:
        return self.call("POST", "/clock", json={"now_ms": now_ms})

    def real_time(self) -> dict:
        return self.call("DELETE", "/clock")

    # The request journal.

    def journal(self, **filters) -> list[dict]:
        return self.call("GET", "/requests", params=filters)["items"]

    def journal_count(self, **filters) -> int:
        return self.call("GET", "/requests/count", params=filters)["count"]

    def clear_journal(self) -> int:
        return self.call("DELETE", "/requests")["count"]

    def entry(self, response) -> dict:
        """The journal's entry for a response (a `requests` or lark-oapi one), found by its log id."""
        headers = response.headers if isinstance(response, requests.Response) else response.raw.headers
        log_id = {key.lower(): value for key, value in headers.items()}["x-tt-logid"]
        found = [entry for entry in self.journal(limit=10000) if entry["log_id"] == log_id]
        assert len(found) == 1, f"{len(found)} journal entries with log id {log_id}"
        return found[0]

    # Data.

    def import_data(self, body: bytes | str, content_type: str = "application/json") -> requests.Response:
        if isinstance(body, str):
            body = body.encode()
        return self.request("POST", "/data", data=body, headers={"Content-Type": content_type})

    def export_data(self, *tenant_keys: str, format: Optional[str] = None) -> requests.Response:
        params = [("tenant_key", key) for key in tenant_keys]
        if format is not None:
            params.append(("format", format))
        return self.request("GET", "/data", params=params)


def field_violations(body: dict) -> list[str]:
    """The `field` of each of an error's `field_violations`."""
    return [violation.get("field") for violation in body["error"].get("field_violations", [])]


def ok(response: requests.Response) -> dict:
    """The `data` of a success, after checking the envelope."""
    assert response.status_code == 200, f"{response.status_code} {response.text[:1000]}"
    body = response.json()
    assert body["code"] == 0, body
    assert isinstance(body["msg"], str)
    assert set(body) == {"code", "msg", "data"}, body
    assert isinstance(body["data"], dict)
    return body["data"]


def error(response: requests.Response, code: int, http_status: int) -> dict:
    """The body of an error answer, after checking the error envelope."""
    assert response.status_code == http_status, f"expected HTTP {http_status}, got {response.status_code}: {response.text[:1000]}"
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
    body = response.json()
    assert body.get("code") == code, f"expected code {code}, got {body}"
    assert isinstance(body.get("msg"), str) and body["msg"], body
    assert "data" not in body or body["data"] == {}, body
    assert isinstance(body.get("error"), dict), body
    assert body["error"].get("log_id") == response.headers["X-Tt-Logid"], (body, response.headers)
    return body


def param_error(response: requests.Response, *fields: str) -> dict:
    """A 1002002 whose msg names one of `fields`."""
    body = error(response, 1002002, 400)
    assert any(field in body["msg"] for field in fields), f"msg {body['msg']!r} names none of {fields}"
    return body


def load_fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def json_diff(actual: Any, expected: Any, path: str = "$") -> list[str]:
    """Readable differences between two JSON values: missing, extra and changed members."""
    if isinstance(actual, dict) and isinstance(expected, dict):
        problems = []
        for key in expected:
            if key not in actual:
                problems.append(f"{path}.{key}: missing (expected {json.dumps(expected[key], ensure_ascii=False)[:80]})")
            else:
                problems += json_diff(actual[key], expected[key], f"{path}.{key}")
        problems += [f"{path}.{key}: unexpected {json.dumps(actual[key], ensure_ascii=False)[:80]}"
                     for key in actual if key not in expected]
        return problems
    if isinstance(actual, list) and isinstance(expected, list):
        if len(actual) != len(expected):
            return [f"{path}: {len(actual)} elements, expected {len(expected)}"]
        return [p for index, (a, e) in enumerate(zip(actual, expected)) for p in json_diff(a, e, f"{path}[{index}]")]
    if type(actual) is not type(expected) or actual != expected:
        return [f"{path}: {json.dumps(actual, ensure_ascii=False)[:80]} != expected {json.dumps(expected, ensure_ascii=False)[:80]}"]
    return []


def assert_json_equal(actual: Any, expected: Any) -> None:
    problems = json_diff(actual, expected)
    assert not problems, "\n".join(problems)
