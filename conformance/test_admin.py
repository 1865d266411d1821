"""The admin API (`/_hire/`, docs/admin-api.md) through real servers: reset and snapshots,
injected faults, the clock, the request journal, data over HTTP, the switch and the token,
`--database memory`, the one-command demo, and two nodes on one PostgreSQL database."""
from __future__ import annotations

import copy
import json
import os
import re
import secrets
import socket
import time

import pytest
import requests
from lark_oapi.api.hire.v1 import GetByTalentInterviewRequest
from lark_oapi.core.token.manager import TokenManager

from conftest import (DATA_FILES, DEMO_APP_ID, DEMO_APP_SECRET, DEMO_INTERVIEWER_OPEN_ID, DEMO_TALENT, app_api,
                      sdk_client)
from fixtures import generate as fx
from harness import (BY_TALENT_PATH, FIXTURES, INTERVIEWERS_PATH, TOKEN_PATH, Admin, Api, ServerProcess, error,
                     field_violations, is_postgres, ok, run_cli)

ACME_TENANT = fx.ACME_TENANT
GLOBEX_TENANT = fx.globex["tenant_key"]

TOKEN_OP = "auth.v3.tenant_access_token.internal"
PATCH_OP = "hire.v1.interviewer.patch"
LIST_OP = "hire.v1.interviewer.list"
BY_TALENT_OP = "hire.v1.interview.get_by_talent"

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS

# A request of each kind of admin path, for the switch and the token.
ADMIN_REQUESTS = [
    ("POST", "/reset"),
    ("GET", "/snapshots"),
    ("PUT", "/snapshots/x"),
    ("POST", "/snapshots/baseline/restore"),
    ("DELETE", "/snapshots/baseline"),
    ("GET", "/faults"),
    ("POST", "/faults"),
    ("DELETE", "/faults"),
    ("GET", "/clock"),
    ("POST", "/clock"),
    ("DELETE", "/clock"),
    ("GET", "/requests"),
    ("GET", "/requests/count"),
    ("DELETE", "/requests"),
    ("GET", "/data"),
    ("POST", "/data"),
]


def start(servers, data=DATA_FILES, **kwargs) -> ServerProcess:
    """A server with the admin API on, with a token of its own."""
    return servers.start(data=data, admin_token="adm-" + secrets.token_hex(16), **kwargs)


@pytest.fixture
def server(servers) -> ServerProcess:
    """Acme and Globex, the admin API on."""
    return start(servers)


@pytest.fixture
def admin(server) -> Admin:
    return Admin(server)


@pytest.fixture
def acme(server) -> Api:
    return app_api(server, fx.ACME_FULL)


@pytest.fixture
def globex(server) -> Api:
    return app_api(server, fx.GLOBEX_APP)


def statuses(api: Api) -> dict[str, int]:
    """Every listed interviewer of the app's tenant: user_id → verify_status."""
    return {item["user_id"]: item["verify_status"] for item in api.list_all(user_id_type="user_id")}


def flip(api: Api, user_id: str) -> int:
    """Sets the other status than the current one; the new status."""
    status = 3 - statuses(api).get(user_id, 1)
    api.set_status(user_id, status, user_id_type="user_id")
    return status


def by_talent_request(talent_id: str = fx.TALENT_MAIN) -> GetByTalentInterviewRequest:
    return GetByTalentInterviewRequest.builder().talent_id(talent_id).user_id_type("open_id").build()


def grant(server, app: dict, secret: str | None = None) -> dict:
    """The token endpoint's answer for an app (with its secret, or `secret`)."""
    response = Api(server).request("POST", TOKEN_PATH, token=None,
                                   json={"app_id": app["app_id"], "app_secret": secret or app["app_secret"]})
    assert response.status_code == 200, response.text
    return response.json()


def now_ms() -> int:
    return int(time.time() * 1000)


# --- Reset ------------------------------------------------------------------------------


def test_reset_undoes_a_patch(server, admin, acme):
    before = statuses(acme)
    token = acme.token()
    flipped = flip(acme, "acme_p00")
    acme.set_status("acme_nobody", 2, user_id_type="user_id")  # never an interviewer in the file
    changed = statuses(acme)
    assert changed["acme_p00"] == flipped and changed["acme_nobody"] == 2

    data = admin.reset()
    assert data["snapshot"]["name"] == "baseline"
    assert data["snapshot"]["all_tenants"] is True
    assert sorted(data["tenants"]) == sorted([ACME_TENANT, GLOBEX_TENANT])
    # The data is the startup data again (acme_nobody is no longer listed), read with the
    # token issued before the reset: its app is in the restored data with the same secret.
    assert statuses(acme) == before
    assert acme.token() == token  # (no new token was fetched)
    assert admin.journal_count(operation=TOKEN_OP) == 1


def test_reset_of_one_tenant_leaves_another_tenants_change(server, admin, acme, globex):
    acme_before, globex_before = statuses(acme), statuses(globex)
    flip(acme, "acme_p00")
    globex_after = flip(globex, "globex_gil")

    data = admin.reset(tenant_key=ACME_TENANT)
    assert data["tenants"] == [ACME_TENANT]
    assert data["snapshot"]["name"] == "baseline"
    assert statuses(acme) == acme_before
    assert statuses(globex)["globex_gil"] == globex_after

    admin.reset()
    assert statuses(globex) == globex_before


@pytest.mark.parametrize("file,content_type", [
    ("globex.json", "application/json"),
    ("globex.jsonl", "application/x-ndjson"),
    ("globex.jsonl", "application/jsonl"),
])
def test_a_tenant_imported_over_http_after_startup(servers, file, content_type):
    """Globex arrives by POST /_hire/data after the baseline: a reset of Acme leaves it, a
    reset of everything removes it (the data is exactly the baseline), and its tokens die."""
    server = start(servers, data=[FIXTURES / "acme.json"])
    admin = Admin(server)
    assert grant(server, fx.GLOBEX_APP)["code"] == 10014

    imported = ok(admin.import_data((FIXTURES / file).read_bytes(), content_type))["imported"]
    assert imported["tenant"] == 1 and imported["app"] == 1, imported
    globex, acme = app_api(server, fx.GLOBEX_APP), app_api(server, fx.ACME_FULL)
    globex_token = globex.token()
    globex_status = flip(globex, "globex_gil")
    acme_before = statuses(acme)
    flip(acme, "acme_p00")

    admin.reset(tenant_key=ACME_TENANT)
    assert statuses(acme) == acme_before
    assert statuses(globex)["globex_gil"] == globex_status

    data = admin.reset()
    # ("tenants restored": the server lists the removed Globex too, which the doc leaves open.)
    assert ACME_TENANT in data["tenants"] and data["snapshot"]["tenants"] == [ACME_TENANT], data
    assert grant(server, fx.GLOBEX_APP)["code"] == 10014
    error(globex.by_talent(fx.TALENT_MAIN, token=globex_token), 99991663, 400)
    assert statuses(acme) == acme_before


def test_reset_of_a_tenant_not_in_the_baseline_removes_it_and_of_an_unknown_tenant_is_refused(servers):
    server = start(servers, data=[FIXTURES / "acme.json"])
    admin = Admin(server)
    ok(admin.import_data((FIXTURES / "globex.json").read_bytes()))
    assert grant(server, fx.GLOBEX_APP)["code"] == 0

    response = admin.request("POST", "/reset", params={"tenant_key": "no-such-tenant"})
    body = error(response, 1002002, 400)
    assert "tenant_key" in field_violations(body), body

    data = admin.reset(tenant_key=GLOBEX_TENANT)
    assert grant(server, fx.GLOBEX_APP)["code"] == 10014
    assert GLOBEX_TENANT not in json.dumps(data["snapshot"]["tenants"])
    # Now it exists in neither.
    error(admin.request("POST", "/reset", params={"tenant_key": GLOBEX_TENANT}), 1002002, 400)
    assert grant(server, fx.ACME_FULL)["code"] == 0


# --- Snapshots ----------------------------------------------------------------------------


def check_snapshot(snapshot: dict, name: str, tenants: list[str], all_tenants: bool) -> None:
    assert set(snapshot) >= {"name", "tenants", "all_tenants", "created_ms", "bytes"}, snapshot
    assert snapshot["name"] == name
    assert sorted(snapshot["tenants"]) == sorted(tenants)
    assert snapshot["all_tenants"] is all_tenants
    assert isinstance(snapshot["created_ms"], int) and abs(snapshot["created_ms"] - now_ms()) < 120_000, snapshot
    assert isinstance(snapshot["bytes"], int) and snapshot["bytes"] > 0, snapshot


def test_snapshots_save_list_restore_delete(server, admin, acme, globex):
    acme_before, globex_before = statuses(acme), statuses(globex)

    everything = admin.save("before-change")
    check_snapshot(everything, "before-change", [ACME_TENANT, GLOBEX_TENANT], True)
    only_acme = admin.save("acme.only_1", ACME_TENANT)
    check_snapshot(only_acme, "acme.only_1", [ACME_TENANT], False)
    both = admin.save("Both-2", ACME_TENANT, GLOBEX_TENANT)
    check_snapshot(both, "Both-2", [ACME_TENANT, GLOBEX_TENANT], False)

    listed = admin.snapshots()
    assert [s["name"] for s in listed] == sorted(["acme.only_1", "baseline", "before-change", "Both-2"])
    assert {s["name"]: s for s in listed}["before-change"] == everything
    check_snapshot({s["name"]: s for s in listed}["baseline"], "baseline", [ACME_TENANT, GLOBEX_TENANT], True)

    # A snapshot of one tenant restores that tenant only.
    flip(acme, "acme_p00")
    globex_changed = flip(globex, "globex_gil")
    data = admin.restore("acme.only_1")
    assert data["tenants"] == [ACME_TENANT]
    assert data["snapshot"] == only_acme
    assert statuses(acme) == acme_before
    assert statuses(globex)["globex_gil"] == globex_changed

    # A snapshot of every tenant restores both.
    flip(acme, "acme_p01")
    data = admin.restore("before-change")
    assert sorted(data["tenants"]) == sorted([ACME_TENANT, GLOBEX_TENANT])
    assert (statuses(acme), statuses(globex)) == (acme_before, globex_before)

    # Saving under a taken name replaces the snapshot.
    acme_changed = flip(acme, "acme_p02")
    admin.save("before-change")
    flip(acme, "acme_p02")
    admin.restore("before-change")
    assert statuses(acme)["acme_p02"] == acme_changed
    assert [s["name"] for s in admin.snapshots()].count("before-change") == 1

    assert admin.delete_snapshot("before-change") == {}
    assert "before-change" not in [s["name"] for s in admin.snapshots()]
    for method, path in [("POST", "/snapshots/before-change/restore"), ("DELETE", "/snapshots/before-change")]:
        body = error(admin.request(method, path), 1002002, 404)
        assert "name" in field_violations(body), body


@pytest.mark.parametrize("name", ["a" * 65, "bad%20name", "bad!name", "b%C3%A4d", "semi;colon"])
def test_a_bad_snapshot_name_is_refused(server, admin, name):
    body = error(admin.request("PUT", f"/snapshots/{name}"), 1002002, 400)
    assert "name" in field_violations(body), body
    assert [s["name"] for s in admin.snapshots()] == ["baseline"]


def test_snapshot_names_of_64_characters_and_an_unknown_tenant(server, admin):
    check_snapshot(admin.save("A" * 64), "A" * 64, [ACME_TENANT, GLOBEX_TENANT], True)
    body = error(admin.request("PUT", "/snapshots/x", params={"tenant_key": "no-such-tenant"}), 1002002, 400)
    assert "tenant_key" in field_violations(body), body
    assert "x" not in [s["name"] for s in admin.snapshots()]


def test_snapshots_survive_a_restart_and_the_baseline_is_recorded_again(server, admin, acme):
    before = statuses(acme)
    saved = admin.save("kept")
    changed = flip(acme, "acme_p00")

    server.stop()
    server.start()
    acme = app_api(server, fx.ACME_FULL)
    listed = {s["name"]: s for s in admin.snapshots()}
    assert listed["kept"] == saved
    # The new baseline is what the store held at this start: the change is in it.
    admin.reset()
    assert statuses(acme)["acme_p00"] == changed
    admin.restore("kept")
    assert statuses(acme) == before


# --- Faults -------------------------------------------------------------------------------


FAULT_MEMBERS = {"id", "operation", "app_id", "tenant_key", "code", "http_status", "msg", "times", "probability",
                 "delay_ms", "drop", "times_left", "fired", "created_ms"}


def test_a_fault_with_times_2_is_seen_twice_by_the_sdk_then_not(server, admin):
    client = sdk_client(server, fx.ACME_FULL["app_id"], fx.ACME_FULL["app_secret"])
    fault = admin.add_fault(operation=BY_TALENT_OP, code=1002001, times=2)
    assert set(fault) >= FAULT_MEMBERS, fault
    assert re.fullmatch(r"f_[0-9a-f]{16}", fault["id"]), fault
    assert (fault["operation"], fault["app_id"], fault["tenant_key"]) == (BY_TALENT_OP, None, None)
    assert (fault["code"], fault["http_status"], fault["times"], fault["times_left"], fault["fired"]) == \
        (1002001, 500, 2, 2, 0)
    assert (fault["probability"], fault["delay_ms"], fault["drop"]) == (1.0, 0, False)
    assert isinstance(fault["msg"], str) and fault["msg"]
    assert abs(fault["created_ms"] - now_ms()) < 120_000
    assert admin.faults() == [fault]

    first = client.hire.v1.interview.get_by_talent(by_talent_request())
    assert (first.code, first.raw.status_code) == (1002001, 500), first.raw.content
    assert not first.success()
    [left] = admin.faults()
    assert (left["times_left"], left["fired"]) == (1, 1)

    second = client.hire.v1.interview.get_by_talent(by_talent_request())
    assert (second.code, second.raw.status_code) == (1002001, 500), second.raw.content
    assert admin.faults() == []  # used up: removed

    third = client.hire.v1.interview.get_by_talent(by_talent_request())
    assert third.code == 0 and third.success(), third.raw.content
    assert third.data.items

    entries = admin.journal(operation=BY_TALENT_OP)
    assert [(e["code"], e["http_status"], e["fault_id"]) for e in entries] == \
        [(1002001, 500, fault["id"]), (1002001, 500, fault["id"]), (0, 200, None)]
    assert [e["log_id"] for e in entries] == [r.get_log_id() for r in (first, second, third)]
    # The token endpoint was not faulted.
    assert [e["code"] for e in admin.journal(operation=TOKEN_OP)] == [0]


def test_a_fault_narrowed_to_an_app_or_a_tenant_touches_no_other(server, admin, acme, globex):
    readonly = app_api(server, fx.ACME_READONLY)
    sibling = app_api(server, fx.ACME_SIBLING)
    for api in (acme, readonly, sibling, globex):
        api.token()
    on_app = admin.add_fault(app_id=fx.ACME_FULL["app_id"], code=1002001, times=0)
    assert (on_app["app_id"], on_app["tenant_key"], on_app["times"], on_app["times_left"]) == \
        (fx.ACME_FULL["app_id"], None, 0, None)

    for _ in range(3):
        error(acme.by_talent(fx.TALENT_MAIN), 1002001, 500)
    error(acme.list(), 1002001, 500)
    # Another app of the same tenant, and another tenant, are untouched.
    ok(readonly.by_talent(fx.TALENT_MAIN))
    ok(sibling.list())
    ok(globex.by_talent(fx.TALENT_MAIN))
    [listed] = admin.faults()
    assert (listed["fired"], listed["times_left"]) == (4, None)

    on_tenant = admin.add_fault(tenant_key=GLOBEX_TENANT, operation=BY_TALENT_OP, code=1002001, times=0)
    assert (on_tenant["app_id"], on_tenant["tenant_key"]) == (None, GLOBEX_TENANT)
    error(globex.by_talent(fx.TALENT_MAIN), 1002001, 500)
    ok(globex.list())
    ok(readonly.by_talent(fx.TALENT_MAIN))

    assert admin.delete_fault(on_app["id"]) == {}
    ok(acme.by_talent(fx.TALENT_MAIN))
    assert [f["id"] for f in admin.faults()] == [on_tenant["id"]]
    body = error(admin.request("DELETE", f"/faults/{on_app['id']}"), 1002002, 404)
    assert "id" in field_violations(body), body
    assert admin.clear_faults() == 1
    assert admin.faults() == []
    ok(globex.by_talent(fx.TALENT_MAIN))
    assert admin.clear_faults() == 0


def test_the_oldest_matching_fault_fires_first_and_refused_requests_are_not_faulted(server, admin, acme):
    token = acme.token()
    first = admin.add_fault(operation=BY_TALENT_OP, code=1002001, msg="first fault")
    second = admin.add_fault(operation=BY_TALENT_OP, code=1002001, http_status=503, msg="second fault")
    assert [f["id"] for f in admin.faults()] == [first["id"], second["id"]]

    # Refused before being attributed to an app: not faulted.
    error(acme.by_talent(fx.TALENT_MAIN, token=None), 99991661, 400)
    error(acme.by_talent(fx.TALENT_MAIN, token="t-" + "0" * 40), 99991663, 400)
    assert [(f["fired"], f["times_left"]) for f in admin.faults()] == [(0, 1), (0, 1)]

    assert error(acme.by_talent(fx.TALENT_MAIN, token=token), 1002001, 500)["msg"] == "first fault"
    assert error(acme.by_talent(fx.TALENT_MAIN, token=token), 1002001, 503)["msg"] == "second fault"
    ok(acme.by_talent(fx.TALENT_MAIN, token=token))


def test_a_token_endpoint_fault_fires_after_the_credentials_are_checked(server, admin):
    fault = admin.add_fault(operation=TOKEN_OP, app_id=fx.ACME_FULL["app_id"], code=1002001)
    # Wrong secret: refused before attribution, not faulted.
    assert grant(server, fx.ACME_FULL, secret="wrong")["code"] == 10014
    assert admin.faults()[0]["fired"] == 0
    response = Api(server).request("POST", TOKEN_PATH, token=None, json=fx.ACME_FULL)
    error(response, 1002001, 500)
    assert admin.entry(response)["fault_id"] == fault["id"]
    assert grant(server, fx.ACME_FULL)["code"] == 0


def test_delay_ms_delays_the_answer(server, admin, acme):
    acme.token()
    started = time.monotonic()
    ok(acme.list())
    undelayed = time.monotonic() - started

    fault = admin.add_fault(operation=LIST_OP, delay_ms=800)
    assert (fault["delay_ms"], fault["drop"]) == (800, False)
    started = time.monotonic()
    response = acme.list()
    elapsed = time.monotonic() - started
    ok(response)
    assert elapsed >= 0.8, elapsed
    assert elapsed < 0.8 + undelayed + 10, elapsed
    entry = admin.entry(response)
    assert (entry["code"], entry["fault_id"]) == (0, fault["id"])

    # A delay before an error.
    admin.add_fault(operation=LIST_OP, delay_ms=500, code=1002001)
    started = time.monotonic()
    error(acme.list(), 1002001, 500)
    assert time.monotonic() - started >= 0.5
    ok(acme.list())


def test_drop_is_a_connection_error_and_changes_nothing(server, admin, acme):
    before = statuses(acme)
    token = acme.token()
    fault = admin.add_fault(operation=PATCH_OP, drop=True, delay_ms=100)
    assert fault["drop"] is True
    with pytest.raises(requests.exceptions.ConnectionError):
        # A connection of its own, so no client-side retry on a reused connection can hide the drop.
        requests.patch(acme.server.url(f"{INTERVIEWERS_PATH}/acme_p00"), params={"user_id_type": "user_id"},
                       json={"interviewer": {"verify_status": 3 - before["acme_p00"]}},
                       headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert statuses(acme) == before
    assert admin.faults() == []
    [entry] = [e for e in admin.journal(operation=PATCH_OP) if e["fault_id"] == fault["id"]]
    assert (entry["http_status"], entry["code"]) == (0, 0), entry
    # The server goes on serving; the next PATCH lands.
    assert flip(acme, "acme_p00") == 3 - before["acme_p00"]


PLATFORM_STATUS = {1002001: 500, 99991400: 429, 99991663: 400, 99991672: 400, 1002002: 400}


@pytest.mark.parametrize("code", sorted(PLATFORM_STATUS))
def test_a_faulted_patch_changes_nothing(server, admin, acme, code):
    before = statuses(acme)
    acme.token()
    fault = admin.add_fault(operation=PATCH_OP, code=code)
    assert fault["http_status"] == PLATFORM_STATUS[code]
    body = {"interviewer": {"verify_status": 3 - before["acme_p00"]}}
    response = acme.patch("acme_p00", body, user_id_type="user_id")
    error(response, code, PLATFORM_STATUS[code])
    assert statuses(acme) == before
    entry = admin.entry(response)
    assert (entry["code"], entry["http_status"], entry["fault_id"]) == (code, PLATFORM_STATUS[code], fault["id"])
    assert json.loads(entry["body"]) == body
    # Nor did it make the interviewer appear in a later listing's snapshot: the list is what it was.
    assert statuses(acme) == before


def test_an_invalid_token_fault_answers_as_an_invalid_token(server, admin, acme):
    real = error(acme.by_talent(fx.TALENT_MAIN, token="t-" + "1" * 40), 99991663, 400)
    admin.add_fault(operation=BY_TALENT_OP, code=99991663)
    faulted = error(acme.by_talent(fx.TALENT_MAIN), 99991663, 400)
    assert faulted["msg"] == real["msg"]
    ok(acme.by_talent(fx.TALENT_MAIN))


def test_a_rate_limit_fault_carries_the_rate_limit_headers(servers):
    server = start(servers, rate_limit="50/s,1000/min")
    admin, acme = Admin(server), app_api(server, fx.ACME_FULL)
    acme.token()
    admin.add_fault(operation=BY_TALENT_OP, code=99991400)
    response = acme.by_talent(fx.TALENT_MAIN)
    error(response, 99991400, 429)
    assert int(response.headers["x-ogw-ratelimit-limit"]) in (50, 1000), response.headers
    assert 0 <= int(response.headers["x-ogw-ratelimit-reset"]) <= 60, response.headers
    ok(acme.by_talent(fx.TALENT_MAIN))


def test_probability_fires_on_some_requests_only_and_misses_do_not_count(server, admin, acme):
    acme.token()
    fault = admin.add_fault(operation=LIST_OP, code=1002001, times=0, probability=0.5)
    assert fault["probability"] == 0.5
    faulted = sum(acme.list().status_code == 500 for _ in range(40))
    # Each of 40 requests fires with probability 1/2: all or none would be a 2^-39 chance.
    assert 0 < faulted < 40, faulted
    assert admin.faults()[0]["fired"] == faulted
    limited = admin.add_fault(operation=BY_TALENT_OP, code=1002001, times=3, probability=0.5)
    faulted = sum(acme.by_talent(fx.TALENT_MAIN).status_code == 500 for _ in range(40))
    assert faulted == 3
    assert limited["id"] not in [f["id"] for f in admin.faults()]


@pytest.mark.parametrize("fields,field", [
    ({}, None),
    ({"code": 0}, None),
    ({"operation": BY_TALENT_OP}, None),
    ({"code": 1002001, "bogus": 1}, "bogus"),
    ({"code": 1002001, "operation": "hire.v1.interviewer.delete"}, "operation"),
    ({"code": 1002001, "operation": 7}, "operation"),
    ({"code": "1002001"}, "code"),
    ({"code": 1002001, "http_status": 600}, "http_status"),
    ({"code": 1002001, "http_status": 99}, "http_status"),
    ({"code": 1002001, "times": -1}, "times"),
    ({"code": 1002001, "times": 1.5}, "times"),
    ({"code": 1002001, "probability": 0}, "probability"),
    ({"code": 1002001, "probability": 1.5}, "probability"),
    ({"delay_ms": 60001}, "delay_ms"),
    ({"delay_ms": -1}, "delay_ms"),
    ({"drop": "yes"}, "drop"),
    ({"code": 1002001, "app_id": 5}, "app_id"),
    ({"code": 1002001, "msg": 5}, "msg"),
])
def test_a_bad_fault_is_1002002_and_adds_nothing(server, admin, fields, field):
    body = error(admin.request("POST", "/faults", json=fields), 1002002, 400)
    if field is not None:
        assert field in field_violations(body), body
    assert admin.faults() == []


@pytest.mark.parametrize("raw", [b"", b"[]", b"{", b'"x"'])
def test_a_fault_body_that_is_not_a_json_object_is_1002002(server, admin, raw):
    error(admin.request("POST", "/faults", data=raw, headers={"Content-Type": "application/json"}), 1002002, 400)
    assert admin.faults() == []


def test_faults_and_the_clock_across_a_restart(server, admin, databases):
    """SQLite: they live in the process, a restart returns to real time with no fault.
    PostgreSQL: they live in the database and stay, restarts included."""
    fault = admin.add_fault(operation=LIST_OP, code=1002001, times=0)
    admin.advance(3 * HOUR_MS)
    server.stop()
    server.start()
    acme = app_api(server, fx.ACME_FULL)
    if databases.backend == "postgres":
        assert [f["id"] for f in admin.faults()] == [fault["id"]]
        assert admin.clock()["offset_ms"] == 3 * HOUR_MS
        error(acme.list(), 1002001, 500)
        admin.clear_faults()
        admin.real_time()
    else:
        assert admin.faults() == []
        assert admin.clock()["offset_ms"] == 0
    ok(acme.list())


# --- The clock ----------------------------------------------------------------------------


def test_the_clock_two_hours_on_invalidates_the_sdks_cached_token(server, admin):
    """lark-oapi 1.7.5 caches a tenant token until its own deadline on the client's clock
    (TokenManager.get_self_tenant_token: `time.time() + expire - 10 min`) and neither retries
    nor forgets the token on 99991663: a client recovers by dropping the cached token, after
    which the SDK fetches a new one."""
    app_id, app_secret = fx.ACME_FULL["app_id"], fx.ACME_FULL["app_secret"]
    client = sdk_client(server, app_id, app_secret)
    assert client.hire.v1.interview.get_by_talent(by_talent_request()).success()
    assert [e["code"] for e in admin.journal(operation=TOKEN_OP)] == [0]

    clock = admin.clock()
    assert clock["offset_ms"] == 0 and abs(clock["now_ms"] - now_ms()) < 60_000, clock
    moved = admin.advance(2 * HOUR_MS)
    assert moved["offset_ms"] == 2 * HOUR_MS
    assert abs(moved["now_ms"] - (now_ms() + 2 * HOUR_MS)) < 60_000, moved

    expired = client.hire.v1.interview.get_by_talent(by_talent_request())
    assert (expired.code, expired.raw.status_code) == (99991663, 400), expired.raw.content
    # The SDK sends the same dead token again: no new token was asked for.
    again = client.hire.v1.interview.get_by_talent(by_talent_request())
    assert again.code == 99991663
    assert admin.journal_count(operation=TOKEN_OP) == 1

    # Dropping the cached token (what an integration does on 99991663) makes the SDK fetch a new one.
    TokenManager.cache.set(f"self_tenant_token:{app_id}", "", 0)
    recovered = client.hire.v1.interview.get_by_talent(by_talent_request())
    assert recovered.success(), recovered.raw.content
    tokens = admin.journal(operation=TOKEN_OP)
    assert [e["code"] for e in tokens] == [0, 0]
    assert tokens[1]["time_ms"] >= now_ms() + 2 * HOUR_MS - 60_000, tokens
    assert [e["code"] for e in admin.journal(operation=BY_TALENT_OP)] == [0, 99991663, 99991663, 0]


def test_the_clock_moves_update_times_and_never_runs_backwards_for_writes(server, admin, acme):
    moved = admin.advance(10 * DAY_MS)
    assert moved["offset_ms"] == 10 * DAY_MS
    acme.token(fresh=True)  # the token of real time has expired ten days ago
    acme.set_status("acme_nobody", 2, user_id_type="user_id")
    since = str(moved["now_ms"] - 60_000)
    assert ok(acme.list(earliest_update_time=since, user_id_type="user_id"))["items"] == \
        [{"user_id": "acme_nobody", "verify_status": 2}]

    real = admin.real_time()
    assert real["offset_ms"] == 0 and abs(real["now_ms"] - now_ms()) < 60_000, real
    assert admin.clock()["offset_ms"] == 0
    # The token issued ten days ahead stays valid until its own expiry.
    acme.set_status("acme_nobody", 1, user_id_type="user_id")
    # Written at real time, but its update time stays the later one.
    assert ok(acme.list(earliest_update_time=since, user_id_type="user_id"))["items"] == \
        [{"user_id": "acme_nobody", "verify_status": 1}]

    target = 1_900_000_000_000
    set_ = admin.set_clock(target)
    assert target <= set_["now_ms"] < target + 60_000, set_
    assert abs(set_["offset_ms"] - (target - now_ms())) < 60_000, set_
    read = admin.clock()
    assert target <= read["now_ms"] < target + 60_000 and read["offset_ms"] == set_["offset_ms"], read
    back = admin.advance(-DAY_MS)
    assert back["offset_ms"] == set_["offset_ms"] - DAY_MS
    assert abs(back["now_ms"] - (target - DAY_MS)) < 60_000, back


def test_log_ids_and_journal_times_follow_the_clock(server, admin, acme):
    admin.set_clock(1_900_000_000_000)  # 2030-03-17T17:46:40Z
    response = acme.list()
    ok(response)
    assert response.headers["X-Tt-Logid"].startswith("20300317"), response.headers["X-Tt-Logid"]
    entry = admin.entry(response)
    assert 1_900_000_000_000 <= entry["time_ms"] < 1_900_000_000_000 + 60_000, entry


@pytest.mark.parametrize("body,field", [
    ({"advance_ms": "x"}, "advance_ms"),
    ({"now_ms": "x"}, "now_ms"),
    ({"now_ms": None}, "now_ms"),
    ({}, None),
])
def test_a_bad_clock_request_is_1002002_and_moves_nothing(server, admin, body, field):
    response = error(admin.request("POST", "/clock", json=body), 1002002, 400)
    if field is not None:
        assert field in field_violations(response), response
    assert admin.clock()["offset_ms"] == 0


# --- The request journal ------------------------------------------------------------------


def test_journal_entries_match_log_ids_and_hold_no_secret_or_token(server, admin):
    app = fx.ACME_FULL
    client = sdk_client(server, app["app_id"], app["app_secret"])
    sdk_answer = client.hire.v1.interview.get_by_talent(by_talent_request())
    assert sdk_answer.success()
    api = app_api(server, app)
    token = api.token()
    forged = "t-" + "a" * 40
    patch_body = {"interviewer": {"verify_status": 2}}
    responses = {
        "patch": api.patch("acme_p00", patch_body, user_id_type="user_id"),
        "list": api.list(page_size=5, user_id_type="user_id"),
        "forged": api.by_talent(fx.TALENT_MAIN, token=forged),
        "unknown_talent": api.by_talent("no-such-talent"),
        "unknown_route": api.request("GET", "/open-apis/hire/v1/nothing", token=None),
        "wrong_secret": api.request("POST", TOKEN_PATH, token=None,
                                    json={"app_id": app["app_id"], "app_secret": app["app_secret"] + "x"}),
        "form_body": api.request("POST", TOKEN_PATH, token=None,
                                 data=f"app_id={app['app_id']}&app_secret={app['app_secret']}",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"}),
    }
    api.request("GET", "/healthz", token=None)
    admin.clock()  # admin requests are not journaled either

    journal = admin.request("GET", "/requests")
    entries = ok(journal)["items"]
    assert all(e["path"].startswith("/open-apis/") for e in entries), [e["path"] for e in entries]
    seqs = [e["seq"] for e in entries]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs) and seqs[0] == 1, seqs
    by_log_id = {e["log_id"]: e for e in entries}
    assert len(by_log_id) == len(entries)
    assert sdk_answer.get_log_id() in by_log_id
    for name, response in responses.items():
        entry = by_log_id.get(response.headers["X-Tt-Logid"])
        assert entry is not None, f"{name}: no entry with log id {response.headers['X-Tt-Logid']}"
        assert entry["http_status"] == response.status_code, (name, entry)
        assert entry["code"] == response.json()["code"], (name, entry)
        assert isinstance(entry["node"], str) and entry["node"], entry
        assert isinstance(entry["duration_ms"], (int, float)) and entry["duration_ms"] >= 0, entry
        assert abs(entry["time_ms"] - now_ms()) < 120_000, entry
        assert entry["fault_id"] is None, entry

    patch = by_log_id[responses["patch"].headers["X-Tt-Logid"]]
    assert (patch["method"], patch["path"], patch["query"], patch["operation"]) == \
        ("PATCH", f"{INTERVIEWERS_PATH}/acme_p00", "user_id_type=user_id", PATCH_OP)
    assert (patch["app_id"], patch["tenant_key"]) == (app["app_id"], ACME_TENANT)
    assert patch["body"] == json.dumps(patch_body) and not patch.get("body_truncated", False), patch
    listing = by_log_id[responses["list"].headers["X-Tt-Logid"]]
    assert (listing["method"], listing["path"], listing["operation"]) == ("GET", INTERVIEWERS_PATH, LIST_OP)
    assert sorted(listing["query"].split("&")) == ["page_size=5", "user_id_type=user_id"], listing
    assert "body" not in listing
    forged_entry = by_log_id[responses["forged"].headers["X-Tt-Logid"]]
    assert (forged_entry["operation"], forged_entry["app_id"], forged_entry["tenant_key"], forged_entry["code"]) == \
        (BY_TALENT_OP, None, None, 99991663)
    unknown = by_log_id[responses["unknown_route"].headers["X-Tt-Logid"]]
    assert (unknown["operation"], unknown["query"], unknown["http_status"]) == (None, "", 404)
    assert by_log_id[responses["unknown_talent"].headers["X-Tt-Logid"]]["code"] == 1002002

    # The token endpoints' bodies are kept with the secret redacted, or dropped.
    grants = [e for e in entries if e["operation"] == TOKEN_OP]
    assert len(grants) == 4, grants  # the SDK's, the Api's, a wrong secret, a form body
    for entry in grants:
        if entry["log_id"] == responses["form_body"].headers["X-Tt-Logid"]:
            assert "body" not in entry, entry
        else:
            assert json.loads(entry["body"]) == {"app_id": app["app_id"], "app_secret": "[REDACTED]"}, entry

    text = journal.text
    for secret in [app["app_secret"], app["app_secret"] + "x", token, token[2:], forged, forged[2:], "Bearer"]:
        assert secret not in text, f"{secret[:8]}… is in the journal"


def test_journal_filters_count_and_clear(server, admin, acme, globex):
    ok(acme.by_talent(fx.TALENT_MAIN))
    ok(acme.list())
    ok(globex.by_talent(fx.TALENT_MAIN))
    error(acme.by_talent("no-such-talent"), 1002002, 400)
    ok(acme.by_talent(fx.TALENT_MAIN))
    every = admin.journal()
    assert len(every) == 7  # two token requests and five calls

    def where(**match):
        return [e for e in every if all(e[key] == value for key, value in match.items())]

    assert admin.journal(operation=BY_TALENT_OP) == where(operation=BY_TALENT_OP) and len(where(operation=BY_TALENT_OP)) == 4
    assert admin.journal(app_id=fx.GLOBEX_APP["app_id"]) == where(app_id=fx.GLOBEX_APP["app_id"])
    assert len(where(app_id=fx.GLOBEX_APP["app_id"])) == 2
    assert admin.journal(tenant_key=ACME_TENANT) == where(tenant_key=ACME_TENANT)
    assert admin.journal(code=1002002) == where(code=1002002) and len(where(code=1002002)) == 1
    assert admin.journal(operation=BY_TALENT_OP, app_id=fx.ACME_FULL["app_id"], code=0) == \
        where(operation=BY_TALENT_OP, app_id=fx.ACME_FULL["app_id"], code=0)
    assert admin.journal(since_seq=every[2]["seq"]) == every[3:]
    assert admin.journal(limit=2) == every[:2]
    assert admin.journal(since_seq=every[1]["seq"], limit=3) == every[2:5]
    assert admin.journal_count() == 7
    assert admin.journal_count(operation=BY_TALENT_OP) == 4
    assert admin.journal_count(since_seq=every[4]["seq"]) == 2
    for bad in [{"limit": 0}, {"limit": 10001}, {"limit": "x"}, {"since_seq": "x"}, {"code": "x"}]:
        field = next(iter(bad))
        body = error(admin.request("GET", "/requests", params=bad), 1002002, 400)
        assert field in field_violations(body), (bad, body)

    assert admin.clear_journal() == 7
    assert admin.journal() == [] and admin.journal_count() == 0
    ok(acme.list())
    [entry] = admin.journal()
    assert entry["seq"] == every[-1]["seq"] + 1  # never reused


def test_journal_size_keeps_the_newest_entries(servers):
    server = start(servers, extra=["--journal-size", "3"])
    admin, acme = Admin(server), app_api(server, fx.ACME_FULL)
    responses = [acme.list() for _ in range(5)]  # after one token request: six in all
    entries = admin.journal()
    assert [e["seq"] for e in entries] == [4, 5, 6]
    assert [e["log_id"] for e in entries] == [r.headers["X-Tt-Logid"] for r in responses[-3:]]
    assert admin.journal_count() == 3


def test_journal_size_0_turns_the_journal_off(servers):
    server = start(servers, extra=["--journal-size", "0"])
    admin, acme = Admin(server), app_api(server, fx.ACME_FULL)
    ok(acme.list())
    # Nothing is kept. (The server answers the journal's reads with a 1002002 on
    # journal_size, which the doc does not say; an empty journal would do too.)
    for path in ["/requests", "/requests/count"]:
        response = admin.request("GET", path)
        if response.status_code == 200:
            assert ok(response) in ({"items": []}, {"count": 0}), response.text
        else:
            assert "journal_size" in field_violations(error(response, 1002002, 400))


def test_a_body_over_64_kib_is_truncated_in_the_journal(server, admin, acme):
    acme.token()
    padding = "x" * (70 * 1024)
    response = acme.patch("acme_p00", {"interviewer": {"verify_status": 2}, "padding": padding},
                          user_id_type="user_id")
    ok(response)
    entry = admin.entry(response)
    assert entry["body_truncated"] is True, {k: v for k, v in entry.items() if k != "body"}
    assert len(entry["body"].encode()) <= 64 * 1024
    assert json.dumps({"interviewer": {"verify_status": 2}, "padding": padding}).startswith(entry["body"])


# --- Data over HTTP -----------------------------------------------------------------------


def broken_globex() -> dict:
    """Globex renamed (a valid change) and an interview whose creator does not exist."""
    document = {"format": "feishu-hire-data/1", "tenants": [copy.deepcopy(fx.globex)]}
    document["tenants"][0]["name"] = "Globex Renamed"
    document["tenants"][0]["interviews"][0]["creator"] = {"user_id": "ghost"}
    return document


def test_a_bad_data_file_is_1002002_naming_the_json_path_and_changes_nothing(server, admin):
    before = admin.export_data().content
    response = admin.import_data(json.dumps(broken_globex()))
    body = error(response, 1002002, 400)
    fields = field_violations(body)
    assert "$.tenants[0].interviews[0].creator.user_id" in fields, body
    assert admin.export_data().content == before


def test_a_bad_json_lines_file_names_the_line_and_changes_nothing(server, admin):
    before = admin.export_data().content
    lines = (FIXTURES / "globex.jsonl").read_text(encoding="utf-8").splitlines()
    tenant = json.loads(lines[1])
    tenant["tenant"]["name"] = "Globex Renamed"
    lines[1] = json.dumps(tenant)
    bad = json.loads(lines[-1])
    bad["interviewer"]["user_id"] = "ghost"
    lines.append(json.dumps(bad))
    body = error(admin.import_data("\n".join(lines) + "\n", "application/x-ndjson"), 1002002, 400)
    assert any(re.match(rf"line {len(lines)}\b", field or "") for field in field_violations(body)), body
    assert admin.export_data().content == before


@pytest.mark.parametrize("content", ["", "{", "[]", '{"tenants": []}', '{"format": "feishu-hire-data/1"}'])
def test_a_malformed_data_file_is_1002002_and_changes_nothing(server, admin, content):
    before = admin.export_data().content
    error(admin.import_data(content), 1002002, 400)
    assert admin.export_data().content == before


def test_get_data_is_the_export(server, admin, acme):
    flip(acme, "acme_p00")  # so the export is more than the files
    asked = {
        (): admin.export_data(),
        ("--format", "json"): admin.export_data(format="json"),
        ("--tenant", ACME_TENANT): admin.export_data(ACME_TENANT),
        ("--tenant", ACME_TENANT, "--tenant", GLOBEX_TENANT): admin.export_data(ACME_TENANT, GLOBEX_TENANT),
        ("--format", "jsonl"): admin.export_data(format="jsonl"),
        ("--tenant", GLOBEX_TENANT, "--format", "jsonl"): admin.export_data(GLOBEX_TENANT, format="jsonl"),
    }
    server.stop()
    for args, response in asked.items():
        assert response.status_code == 200, (args, response.text[:500])
        result = run_cli("export", *args, database=server.database)
        assert result.returncode == 0, result.stderr
        assert response.content.decode("utf-8") == result.stdout, args
    assert json.loads(asked[("--tenant", ACME_TENANT)].content)["tenants"][0]["tenant_key"] == ACME_TENANT


def test_get_data_in_an_unknown_format_is_1002002(server, admin):
    body = error(admin.export_data(format="xml"), 1002002, 400)
    assert "format" in field_violations(body), body


# --- The switch and the token -------------------------------------------------------------


def test_admin_requests_need_the_admin_token(server, admin, acme):
    flipped = flip(acme, "acme_p00")
    admin.add_fault(operation=PATCH_OP, code=1002001, times=0)
    journaled = admin.journal_count()
    for method, path in ADMIN_REQUESTS:
        where = f"{method} {path}"
        missing = [
            admin.request(method, path, token=None),
            admin.request(method, path, token=None, headers={"Authorization": f"Basic {admin.token}"}),
            admin.request(method, path, token=None, headers={"Authorization": admin.token}),
            admin.request(method, path, token=None, headers={"Authorization": "Bearer"}),
        ]
        for response in missing:
            assert response.status_code == 401, (where, response.status_code, response.text)
            error(response, 99991661, 401)
        wrong = [
            admin.request(method, path, token="wrong-" + admin.token),
            admin.request(method, path, token=admin.token[:-1]),
            admin.request(method, path, token=admin.token + "0"),
            admin.request(method, path, token=acme.token()),  # a tenant token is no admin token
        ]
        for response in wrong:
            assert response.status_code == 401, (where, response.status_code, response.text)
            error(response, 99991663, 401)
    # Refused requests did nothing.
    assert len(admin.faults()) == 1
    assert admin.journal_count() == journaled
    assert admin.clock()["offset_ms"] == 0
    assert [s["name"] for s in admin.snapshots()] == ["baseline"]
    admin.clear_faults()
    assert statuses(acme)["acme_p00"] == flipped


def test_without_admin_token_every_admin_path_is_an_unknown_route(servers):
    server = servers.start(data=DATA_FILES)
    for method, path in ADMIN_REQUESTS + [("GET", "/"), ("GET", "")]:
        for token in [None, "anything"]:
            response = Admin(server, token=token).request(method, path)
            assert response.status_code == 404, (method, path, response.status_code, response.text)
            error(response, 404, 404)


# --- A throwaway store, and the one-command demo ------------------------------------------


def test_database_memory_serves_and_writes_no_file(servers, tmp_path):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    server = servers.run(ServerProcess("memory", cwd, admin_token="adm-" + secrets.token_hex(8)))
    api, admin = Api(server, DEMO_APP_ID, DEMO_APP_SECRET), Admin(server)
    initial = api.current_status(DEMO_INTERVIEWER_OPEN_ID)
    api.set_status(DEMO_INTERVIEWER_OPEN_ID, 3 - initial)
    assert api.current_status(DEMO_INTERVIEWER_OPEN_ID) == 3 - initial
    assert ok(api.by_talent(DEMO_TALENT))["items"]
    admin.save("gone-with-the-process")
    assert server.stop() == 0
    logs = {server.stdout_path.name, server.stderr_path.name}
    assert {p.name for p in cwd.iterdir()} - logs == set()

    # Nothing survives: the demo is loaded again into the empty store.
    server.start()
    api, admin = Api(server, DEMO_APP_ID, DEMO_APP_SECRET), Admin(server)
    assert api.current_status(DEMO_INTERVIEWER_OPEN_ID) == initial
    assert [s["name"] for s in admin.snapshots()] == ["baseline"]
    assert server.stop() == 0
    assert all(p.name.startswith("server-") for p in cwd.iterdir()), list(cwd.iterdir())


def port_8080_is_free() -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As the server binds: connections of an earlier server in TIME_WAIT do not make it busy.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", 8080))
        except OSError:
            return False
    return True


def test_the_one_command_demo_prints_an_admin_token_that_works(servers, tmp_path):
    if not port_8080_is_free():
        pytest.skip("the one-command demo listens on 127.0.0.1:8080, which is busy")
    cwd = tmp_path / "demo"
    cwd.mkdir()
    server = servers.run(ServerProcess("", cwd, bare=True))
    assert server.port == 8080
    banner = server.stdout_path.read_text(errors="replace")
    match = re.search(r"admin_token:\s*(\S+)", banner)
    assert match, banner
    admin = Admin(server, token=match.group(1))
    assert len(admin.token) >= 16, admin.token
    assert admin.clock()["offset_ms"] == 0
    assert [s["name"] for s in admin.snapshots()] == ["baseline"]
    error(admin.request("GET", "/clock", token=admin.token + "x"), 99991663, 401)
    api = Api(server, DEMO_APP_ID, DEMO_APP_SECRET)
    assert ok(api.by_talent(DEMO_TALENT))["items"]
    assert admin.journal_count(operation=BY_TALENT_OP) == 1
    assert server.stop() == 0
    assert (cwd / "hire.sqlite").exists()


# --- Two nodes on one PostgreSQL database -------------------------------------------------


on_postgres = pytest.mark.skipif(not is_postgres(os.environ.get("HIRE_CONFORMANCE_DATABASE") or ""),
                                 reason="two nodes need PostgreSQL (HIRE_CONFORMANCE_DATABASE=postgres://…)")


@pytest.fixture
def two_nodes(servers):
    token = "adm-" + secrets.token_hex(16)
    first = servers.start(data=DATA_FILES, admin_token=token)
    second = servers.start(database=first.database, admin_token=token)
    return first, second


@on_postgres
def test_two_nodes_share_faults_and_count_times_across_them(two_nodes):
    a, b = two_nodes
    admin_a, admin_b = Admin(a), Admin(b)
    api_a = app_api(a, fx.ACME_FULL)
    api_b = app_api(b, fx.ACME_FULL)
    assert api_b.token() == api_a.token()
    fault = admin_a.add_fault(operation=BY_TALENT_OP, code=1002001, times=3)
    assert [f["id"] for f in admin_b.faults()] == [fault["id"]]

    error(api_a.by_talent(fx.TALENT_MAIN), 1002001, 500)
    error(api_b.by_talent(fx.TALENT_MAIN), 1002001, 500)
    [left] = admin_b.faults()
    assert (left["times_left"], left["fired"]) == (1, 2)
    error(api_a.by_talent(fx.TALENT_MAIN), 1002001, 500)
    ok(api_b.by_talent(fx.TALENT_MAIN))
    ok(api_a.by_talent(fx.TALENT_MAIN))
    assert admin_a.faults() == [] and admin_b.faults() == []

    # Each node journals what it served.
    faulted_a = [e for e in admin_a.journal(operation=BY_TALENT_OP) if e["fault_id"] == fault["id"]]
    faulted_b = [e for e in admin_b.journal(operation=BY_TALENT_OP) if e["fault_id"] == fault["id"]]
    assert (len(faulted_a), len(faulted_b)) == (2, 1)
    assert {e["node"] for e in faulted_a}.isdisjoint({e["node"] for e in faulted_b})

    # Removing through one node removes everywhere.
    forever = admin_b.add_fault(operation=LIST_OP, code=1002001, times=0)
    error(api_a.list(), 1002001, 500)
    admin_a.delete_fault(forever["id"])
    ok(api_b.list())


@on_postgres
def test_two_nodes_share_the_clock(two_nodes):
    a, b = two_nodes
    admin_a, admin_b = Admin(a), Admin(b)
    api_a, api_b = app_api(a, fx.ACME_FULL), app_api(b, fx.ACME_FULL)
    token = api_a.token()
    moved = admin_a.advance(2 * HOUR_MS)
    seen = admin_b.clock()
    assert seen["offset_ms"] == moved["offset_ms"] == 2 * HOUR_MS, seen
    # The token is dead on both nodes; a new one works on both.
    error(api_b.by_talent(fx.TALENT_MAIN, token=token), 99991663, 400)
    error(api_a.by_talent(fx.TALENT_MAIN, token=token), 99991663, 400)
    fresh = api_b.token(fresh=True)
    assert fresh != token
    ok(api_a.by_talent(fx.TALENT_MAIN, token=fresh))
    api_b.set_status("acme_nobody", 2, user_id_type="user_id")
    since = str(moved["now_ms"] - 60_000)
    assert ok(api_a.list(earliest_update_time=since, user_id_type="user_id", token=fresh))["items"] == \
        [{"user_id": "acme_nobody", "verify_status": 2}]
    assert admin_b.real_time()["offset_ms"] == 0
    assert admin_a.clock()["offset_ms"] == 0


@on_postgres
def test_two_nodes_share_snapshots_and_resets(servers, two_nodes):
    a, b = two_nodes
    admin_a, admin_b = Admin(a), Admin(b)
    api_a, api_b = app_api(a, fx.ACME_FULL), app_api(b, fx.ACME_FULL)
    before = statuses(api_a)
    saved = admin_a.save("shared")
    assert {s["name"]: s for s in admin_b.snapshots()}["shared"] == saved

    flip(api_a, "acme_p00")
    admin_b.restore("shared")
    assert statuses(api_a) == before

    flip(api_b, "acme_p01")
    admin_a.reset()
    assert statuses(api_b) == before

    admin_b.delete_snapshot("shared")
    assert "shared" not in [s["name"] for s in admin_a.snapshots()]
    error(admin_a.request("POST", "/snapshots/shared/restore"), 1002002, 404)

    # A node starting records the baseline anew, from what the database holds then.
    changed = flip(api_a, "acme_p02")
    servers.start(database=a.database, admin_token=a.admin_token)
    admin_a.reset()
    assert statuses(api_b)["acme_p02"] == changed
