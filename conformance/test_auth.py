"""Token endpoints (10003, 10014, reuse) and the Authorization header (99991661, 99991663)."""
from __future__ import annotations

import pytest

from conftest import DEMO_APP_ID, DEMO_APP_SECRET, DEMO_TALENT
from fixtures import generate as fx
from harness import APP_TOKEN_PATH, BY_TALENT_PATH, INTERVIEWERS_PATH, TOKEN_PATH, Api, error, ok

GOOD = {"app_id": DEMO_APP_ID, "app_secret": DEMO_APP_SECRET}


def post_token(api: Api, body=None, *, raw: bytes | None = None, path: str = TOKEN_PATH, content_type="application/json"):
    if raw is None:
        import json
        raw = json.dumps(body).encode()
    return api.request("POST", path, token=None, data=raw, headers={"Content-Type": content_type})


def token_body(response) -> dict:
    """A token answer: always HTTP 200, JSON, never a `data` wrapper on success."""
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    return response.json()


@pytest.mark.parametrize("path", [TOKEN_PATH, APP_TOKEN_PATH])
def test_token_success_shape(demo, path):
    body = token_body(post_token(demo, GOOD, path=path))
    assert body["code"] == 0 and body["msg"] == "ok"
    assert "data" not in body
    assert isinstance(body["tenant_access_token"], str) and body["tenant_access_token"]
    assert isinstance(body["expire"], int) and 0 < body["expire"] <= 7200
    if path == APP_TOKEN_PATH:
        assert isinstance(body["app_access_token"], str) and body["app_access_token"]
        assert set(body) == {"code", "msg", "app_access_token", "tenant_access_token", "expire"}
    else:
        assert set(body) == {"code", "msg", "tenant_access_token", "expire"}


def test_token_is_reused_while_it_has_30_minutes_left(demo):
    first = token_body(post_token(demo, GOOD))
    second = token_body(post_token(demo, GOOD))
    assert first["tenant_access_token"] == second["tenant_access_token"]
    assert 1800 <= second["expire"] <= first["expire"] <= 7200
    app = token_body(post_token(demo, GOOD, path=APP_TOKEN_PATH))
    assert app["tenant_access_token"] == first["tenant_access_token"]
    # And it works.
    ok(demo.by_talent(DEMO_TALENT, token=first["tenant_access_token"]))


def test_tokens_of_different_apps_differ(data_server):
    api = Api(data_server)
    full = token_body(post_token(api, fx.ACME_FULL))["tenant_access_token"]
    sibling = token_body(post_token(api, fx.ACME_SIBLING))["tenant_access_token"]
    globex = token_body(post_token(api, fx.GLOBEX_APP))["tenant_access_token"]
    assert len({full, sibling, globex}) == 3


@pytest.mark.parametrize("path", [TOKEN_PATH, APP_TOKEN_PATH])
@pytest.mark.parametrize("raw", [
    b"",
    b"{",
    b"not json",
    b"[]",
    b'"cli_a1b2c3d4e5f60718"',
    b"null",
    b"{}",
    b'{"app_id": "cli_a1b2c3d4e5f60718"}',
    b'{"app_secret": "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6"}',
    b'{"app_id": "", "app_secret": "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6"}',
    b'{"app_id": "cli_a1b2c3d4e5f60718", "app_secret": ""}',
    b'{"app_id": 7, "app_secret": "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6"}',
    b'{"app_id": "cli_a1b2c3d4e5f60718", "app_secret": null}',
    b'{"app_id": ["cli_a1b2c3d4e5f60718"], "app_secret": "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6"}',
], ids=lambda raw: raw.decode() or "empty")
def test_token_malformed_request_is_10003(demo, path, raw):
    body = token_body(post_token(demo, raw=raw, path=path))
    assert body == {"code": 10003, "msg": "invalid param", "data": {}}


def test_token_unknown_app_is_10014(demo):
    body = token_body(post_token(demo, {"app_id": "cli_ffffffffffffffff", "app_secret": DEMO_APP_SECRET}))
    assert body["code"] == 10014 and body["msg"] == "app id not exists"
    assert "tenant_access_token" not in body


@pytest.mark.parametrize("path", [TOKEN_PATH, APP_TOKEN_PATH])
def test_token_wrong_secret_is_10014(demo, path):
    body = token_body(post_token(demo, {"app_id": DEMO_APP_ID, "app_secret": DEMO_APP_SECRET[:-1] + "x"}, path=path))
    assert body["code"] == 10014 and body["msg"] == "app secret invalid"
    assert "tenant_access_token" not in body and "app_access_token" not in body


def test_token_of_another_apps_secret_is_refused(data_server):
    api = Api(data_server)
    body = token_body(post_token(api, {"app_id": fx.ACME_FULL["app_id"], "app_secret": fx.ACME_SIBLING["app_secret"]}))
    assert body["code"] == 10014 and body["msg"] == "app secret invalid"


# --- The Authorization header -----------------------------------------------------------


RESOURCE_CALLS = [
    ("GET", BY_TALENT_PATH + "?talent_id=" + DEMO_TALENT, None),
    ("GET", INTERVIEWERS_PATH, None),
    ("PATCH", INTERVIEWERS_PATH + "/ou_7dab8a3d3cdcc9da365777c7ad535d62", b'{"interviewer":{"verify_status":2}}'),
]


@pytest.mark.parametrize("method,path,body", RESOURCE_CALLS, ids=["get_by_talent", "list", "patch"])
@pytest.mark.parametrize("authorization", [
    None, "", "Bearer", "Bearer ", "Basic Y2xpOnNlY3JldA==", "t-abcdef", "bearer",
], ids=["absent", "empty", "bearer-only", "bearer-space", "basic", "no-scheme", "lowercase-bearer-only"])
def test_missing_or_malformed_authorization_is_99991661(demo, method, path, body, authorization):
    before = demo.current_status("ou_7dab8a3d3cdcc9da365777c7ad535d62")
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    response = demo.request(method, path, token=None, headers=headers, data=body)
    error(response, 99991661, 400)
    assert demo.current_status("ou_7dab8a3d3cdcc9da365777c7ad535d62") == before


@pytest.mark.parametrize("method,path,body", RESOURCE_CALLS, ids=["get_by_talent", "list", "patch"])
@pytest.mark.parametrize("token", [
    "t-caecc734c2e3328a62489fe0648c4b98779515d3", "garbage", "t-", "t-" + "0" * 200,
])
def test_unknown_token_is_99991663(demo, method, path, body, token):
    response = demo.request(method, path, token=token, data=body, headers={"Content-Type": "application/json"})
    body = error(response, 99991663, 400)
    assert body["msg"] == "Invalid access token for authorization"


def test_altered_token_is_99991663(demo):
    token = demo.token()
    middle = len(token) // 2
    altered = token[:middle] + ("a" if token[middle] != "a" else "b") + token[middle + 1:]
    error(demo.by_talent(DEMO_TALENT, token=altered), 99991663, 400)
    ok(demo.by_talent(DEMO_TALENT, token=token))


def test_token_of_one_server_is_unknown_to_another(demo_server, fresh_demo_server):
    first = Api(demo_server, DEMO_APP_ID, DEMO_APP_SECRET)
    second = Api(fresh_demo_server, DEMO_APP_ID, DEMO_APP_SECRET)
    error(second.by_talent(DEMO_TALENT, token=first.token()), 99991663, 400)
