"""What survives a crash (`kill -9`) or a restart: acknowledged PATCHes, tokens, page tokens."""
from __future__ import annotations

import pytest

from conftest import DATA_FILES, DEMO_APP_ID, DEMO_APP_SECRET, DEMO_INTERVIEWER_OPEN_ID, DEMO_TALENT, app_api
from fixtures import generate as fx
from harness import Api, error, ok


@pytest.mark.parametrize("stop", ["kill -9", "SIGTERM"])
def test_acknowledged_patch_survives(servers, stop):
    server = servers.start(data=DATA_FILES)
    api = app_api(server, fx.ACME_FULL)
    statuses = {}
    for user_id in ["acme_p00", "acme_p01", "acme_p02", "acme_nobody"]:
        # Flip each, so the answer differs from what the file had.
        status = 3 - api.current_status(user_id, user_id_type="user_id")
        assert api.set_status(user_id, status, user_id_type="user_id")["interviewer"]["verify_status"] == status
        statuses[user_id] = status
    # Right after the last answer.
    server.kill() if stop == "kill -9" else server.stop()
    server.start()
    api = app_api(server, fx.ACME_FULL)
    for user_id, status in statuses.items():
        assert api.current_status(user_id, user_id_type="user_id") == status
    listed = {i["user_id"]: i["verify_status"] for i in api.list_all(user_id_type="user_id")}
    assert {u: listed[u] for u in statuses} == statuses


def test_patch_then_immediate_kill_many_times(servers):
    """Each acknowledged PATCH is on disk when its answer is sent, not a moment later."""
    server = servers.start()
    for round_ in range(3):
        api = Api(server, DEMO_APP_ID, DEMO_APP_SECRET)
        status = 2 if round_ % 2 == 0 else 1
        response = api.patch(DEMO_INTERVIEWER_OPEN_ID, {"interviewer": {"verify_status": status}})
        server.kill()
        assert ok(response)["interviewer"]["verify_status"] == status
        server.start()
        assert Api(server, DEMO_APP_ID, DEMO_APP_SECRET).current_status(DEMO_INTERVIEWER_OPEN_ID) == status


@pytest.mark.parametrize("stop", ["kill -9", "SIGTERM"])
def test_token_survives_a_restart(servers, stop):
    server = servers.start()
    api = Api(server, DEMO_APP_ID, DEMO_APP_SECRET)
    token = api.token()
    ok(api.by_talent(DEMO_TALENT, token=token))
    server.kill() if stop == "kill -9" else server.stop()
    server.start()
    api = Api(server, DEMO_APP_ID, DEMO_APP_SECRET)
    ok(api.by_talent(DEMO_TALENT, token=token))
    # And the token endpoint still hands out the same one (it has over 30 minutes left).
    assert api.token(fresh=True) == token


def test_page_token_survives_a_restart(servers):
    server = servers.start(data=DATA_FILES)
    api = app_api(server, fx.ACME_FULL)
    first = ok(api.list(page_size=5, user_id_type="user_id"))
    second = ok(api.list(page_size=5, page_token=first["page_token"], user_id_type="user_id"))
    server.stop()
    server.start()
    api = app_api(server, fx.ACME_FULL)
    third = ok(api.list(page_size=5, page_token=first["page_token"], user_id_type="user_id"))
    assert (third["items"], third["has_more"]) == (second["items"], second["has_more"])


def test_demo_is_not_reloaded_over_existing_data(servers):
    server = servers.start()
    api = Api(server, DEMO_APP_ID, DEMO_APP_SECRET)
    api.set_status(DEMO_INTERVIEWER_OPEN_ID, 2)
    server.stop()
    server.start()
    api = Api(server, DEMO_APP_ID, DEMO_APP_SECRET)
    assert api.current_status(DEMO_INTERVIEWER_OPEN_ID) == 2


def test_restart_with_the_same_data_file_keeps_patched_statuses_that_the_file_does_not_set(servers):
    """`serve --data` on every start is an upsert: it does not wipe what clients set."""
    server = servers.start(data=DATA_FILES)
    api = app_api(server, fx.ACME_FULL)
    api.set_status("acme_nobody", 2, user_id_type="user_id")
    server.stop()
    server.start(data=[str(path) for path in DATA_FILES])
    api = app_api(server, fx.ACME_FULL)
    assert api.current_status("acme_nobody", user_id_type="user_id") == 2


def reimport_acme(server, mutate) -> None:
    """Stops `server`, imports Acme changed by `mutate` into its database, and starts it again."""
    import copy
    import json

    from harness import run_cli

    document = {"format": "feishu-hire-data/1", "tenants": [copy.deepcopy(fx.acme)]}
    mutate(document["tenants"][0])
    path = server.workdir / f"acme-changed-{id(document)}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    server.stop()
    result = run_cli("import", str(path), database=server.database)
    assert result.returncode == 0, result.stderr
    server.start()


def test_a_new_secret_revokes_the_old_token(servers):
    server = servers.start(data=DATA_FILES)
    old = app_api(server, fx.ACME_FULL)
    token = old.token()
    new_secret = "AcmeFullRotated00000000000000000"

    def rotate(tenant):
        next(app for app in tenant["apps"] if app["app_id"] == fx.ACME_FULL["app_id"])["app_secret"] = new_secret

    reimport_acme(server, rotate)
    api = Api(server, fx.ACME_FULL["app_id"], new_secret)
    error(api.by_talent(fx.TALENT_MAIN, token=token), 99991663, 400)
    body = api.request("POST", "/open-apis/auth/v3/tenant_access_token/internal", token=None,
                       json=fx.ACME_FULL).json()
    assert body["code"] == 10014 and body["msg"] == "app secret invalid"
    assert api.token() != token
    ok(api.by_talent(fx.TALENT_MAIN))


def test_a_removed_scope_applies_to_existing_tokens(servers):
    server = servers.start(data=DATA_FILES)
    api = app_api(server, fx.ACME_FULL)
    token = api.token()
    ok(api.list())

    def drop(tenant):
        app = next(app for app in tenant["apps"] if app["app_id"] == fx.ACME_FULL["app_id"])
        app["scopes"] = ["hire:interview:readonly"]

    reimport_acme(server, drop)
    api = app_api(server, fx.ACME_FULL)
    body = error(api.list(token=token), 99991672, 400)
    assert [(v["type"], v["subject"]) for v in body["error"]["permission_violations"]] == [
        ("action_scope_required", "hire:interviewer")]
    ok(api.by_talent(fx.TALENT_MAIN, token=token))
    error(api.by_talent(fx.TALENT_MAIN, token=token, user_id_type="user_id"), 99991672, 400)


def test_sigterm_stops_the_server_cleanly(servers):
    server = servers.start()
    Api(server, DEMO_APP_ID, DEMO_APP_SECRET).token()
    assert server.stop(timeout=20) == 0
