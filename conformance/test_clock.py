"""Rules that take hours: token lifetime and reuse, checked by restarting the server on the
same database with its wall clock moved forward (libfaketime)."""
from __future__ import annotations

import time

import pytest

from conftest import DATA_FILES, DEMO_APP_ID, DEMO_APP_SECRET, DEMO_TALENT, app_api
from fixtures import generate as fx
from harness import TOKEN_PATH, Api, error, libfaketime, ok

pytestmark = pytest.mark.skipif(libfaketime() is None, reason="libfaketime is not installed (apt-get install faketime)")


def grant(server) -> dict:
    body = Api(server).request("POST", TOKEN_PATH, token=None,
                               json={"app_id": DEMO_APP_ID, "app_secret": DEMO_APP_SECRET}).json()
    assert body["code"] == 0, body
    return body


def at(server, minutes: int):
    """Restarts `server` with its clock `minutes` after now."""
    server.stop()
    server.start(faketime=f"+{minutes}m")
    return server


def test_token_reuse_and_lifetime(servers):
    server = servers.start()
    first = grant(server)
    assert first["expire"] > 7190
    token = first["tenant_access_token"]

    # 31 minutes left: the same token, with what it has left.
    at(server, 89)
    again = grant(server)
    assert again["tenant_access_token"] == token
    assert 1800 <= again["expire"] <= 31 * 60 + 5

    # 29 minutes left: a new token; the old one stays valid until its own end.
    at(server, 91)
    renewed = grant(server)
    new_token = renewed["tenant_access_token"]
    assert new_token != token
    assert renewed["expire"] > 7190
    api = Api(server, DEMO_APP_ID, DEMO_APP_SECRET)
    ok(api.by_talent(DEMO_TALENT, token=token))
    ok(api.by_talent(DEMO_TALENT, token=new_token))
    # And now the new one is handed out.
    assert grant(server)["tenant_access_token"] == new_token

    # Past two hours: the first token is dead, the second lives on.
    at(server, 121)
    error(api.by_talent(DEMO_TALENT, token=token), 99991663, 400)
    ok(api.by_talent(DEMO_TALENT, token=new_token))
    later = grant(server)
    assert later["tenant_access_token"] == new_token
    assert 0 <= (7200 - 30 * 60) - later["expire"] <= 60

    # Past the second token's end too.
    at(server, 212)
    error(api.by_talent(DEMO_TALENT, token=new_token), 99991663, 400)
    assert grant(server)["tenant_access_token"] not in (token, new_token)


def test_patch_records_the_servers_time(servers):
    server = servers.start(data=DATA_FILES)
    at(server, 600)
    api = app_api(server, fx.ACME_FULL)
    api.set_status("acme_nobody", 2, user_id_type="user_id")
    moved = int(time.time() * 1000) + 600 * 60_000
    items = ok(api.list(earliest_update_time=str(moved - 120_000), user_id_type="user_id"))["items"]
    assert items == [{"user_id": "acme_nobody", "verify_status": 2}]
