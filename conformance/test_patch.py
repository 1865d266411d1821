"""PATCH /open-apis/hire/v1/interviewers/:interviewer_id: bad inputs answer 1002002 naming
the field and change nothing; every user_id_type addresses the right user."""
from __future__ import annotations

import time

import pytest

from conftest import DATA_FILES, app_api
from fixtures import generate as fx
from harness import Api, ok, param_error

FULL = fx.ACME_FULL["app_id"]
SIBLING = fx.ACME_SIBLING["app_id"]
READONLY = fx.ACME_READONLY["app_id"]
ANN = fx.PINNED["acme_ann"]
BOB = fx.PINNED["acme_bob"]
ANN_OPEN_ID = ANN["open_ids"][FULL]


@pytest.fixture(scope="module")
def server(databases, workdir):
    """One Acme/Globex server for the module: every test here leaves the state as it found it."""
    from conftest import Servers
    servers = Servers(databases, workdir)
    yield servers.start(data=DATA_FILES)
    servers.stop_all()


@pytest.fixture
def api(server) -> Api:
    return app_api(server, fx.ACME_FULL)


def snapshot(api: Api) -> list[dict]:
    """Everything the list shows, in user_id terms: what a failed PATCH must leave alone."""
    return api.list_all(user_id_type="user_id")


@pytest.fixture
def unchanged(api):
    """Asserts, after the test, that the interviewer list is exactly as before it."""
    before = snapshot(api)
    assert before
    yield
    assert snapshot(api) == before


BAD_BODIES = [
    ('{"interviewer":{"verify_status":"1"}}', "verify_status"),
    ('{"interviewer":{"verify_status":"2"}}', "verify_status"),
    ('{"interviewer":{"verify_status":1.5}}', "verify_status"),
    ('{"interviewer":{"verify_status":1.0}}', "verify_status"),
    ('{"interviewer":{"verify_status":2.0}}', "verify_status"),
    ('{"interviewer":{"verify_status":1e0}}', "verify_status"),
    ('{"interviewer":{"verify_status":null}}', "verify_status"),
    ('{"interviewer":{"verify_status":0}}', "verify_status"),
    ('{"interviewer":{"verify_status":3}}', "verify_status"),
    ('{"interviewer":{"verify_status":-1}}', "verify_status"),
    ('{"interviewer":{"verify_status":true}}', "verify_status"),
    ('{"interviewer":{"verify_status":[1]}}', "verify_status"),
    ('{"interviewer":{"verify_status":{"value":1}}}', "verify_status"),
    ('{"interviewer":{"verify_status":18446744073709551617}}', "verify_status"),
    ('{}', "interviewer"),
    ('{"verify_status":1}', "interviewer"),
    ('{"interviewer":null}', "interviewer"),
    ('{"interviewer":1}', "interviewer"),
    ('{"interviewer":"x"}', "interviewer"),
    ('{"interviewer":[{"verify_status":1}]}', "interviewer"),
    ('[{"interviewer":{"verify_status":1}}]', "body"),
    ('[]', "body"),
    ('"interviewer"', "body"),
    ('1', "body"),
    ('null', "body"),
    ('{"interviewer":{"verify_status":1}', "body"),
    ('{"interviewer":{"verify_status":1}}}', "body"),
    ("{'interviewer':{'verify_status':1}}", "body"),
    ('{"interviewer":{"verify_status":01}}', "body"),
    ('', "body"),
    ('   \n', "body"),
    ('\xff\xfe', "body"),
]


@pytest.mark.parametrize("raw,field", BAD_BODIES, ids=[raw or "empty" for raw, _ in BAD_BODIES])
def test_bad_body_is_1002002_naming_the_field(api, unchanged, raw, field):
    # Setting ann to 1 would change her (she is 2): a request that did anything would show.
    body = raw.encode("latin-1") if raw.startswith("\xff") else raw.encode()
    response = api.patch(ANN_OPEN_ID, raw=body)
    fields = (field,) if field != "body" else ("body", "interviewer")
    param_error(response, *fields)


def test_patch_without_verify_status_returns_the_current_status_and_changes_nothing(api, unchanged):
    since = int(time.time() * 1000)
    for body in ({"interviewer": {}}, {"interviewer": {"other": 1}}, {"interviewer": {}, "extra": True}):
        data = ok(api.patch(ANN_OPEN_ID, body))
        assert data == {"interviewer": {"user_id": ANN_OPEN_ID, "verify_status": 2}}
    # Nothing was updated since: the update time did not move.
    assert ok(api.list(earliest_update_time=str(since)))["items"] == []


def test_patch_without_verify_status_for_a_user_never_set_reports_not_verified(api, unchanged):
    nobody = fx.PINNED["acme_nobody"]["open_ids"][FULL]
    assert ok(api.patch(nobody, {"interviewer": {}})) == {"interviewer": {"user_id": nobody, "verify_status": 1}}


@pytest.mark.parametrize("user_id_type", ["bogus", "OPEN_ID", "", "people_admin_id", "open_id,user_id"])
def test_unknown_user_id_type(api, unchanged, user_id_type):
    response = api.patch(ANN_OPEN_ID, {"interviewer": {"verify_status": 1}}, user_id_type=user_id_type)
    param_error(response, "user_id_type")


def test_user_id_type_given_twice(api, unchanged):
    response = api.request("PATCH", f"/open-apis/hire/v1/interviewers/{ANN_OPEN_ID}",
                           params=[("user_id_type", "open_id"), ("user_id_type", "user_id")],
                           json={"interviewer": {"verify_status": 1}})
    param_error(response, "user_id_type")


UNKNOWN_INTERVIEWERS = [
    ("ou_ffffffffffffffffffffffffffffffff", "open_id", "never issued"),
    (ANN["open_ids"][SIBLING], "open_id", "another app's open_id of the same user"),
    (ANN["open_ids"][READONLY], "open_id", "another app's open_id of the same user"),
    ("ou_e0000000000000000000000000000001", "open_id", "a Globex user's open_id"),
    (ANN["union_ids"]["dev-acme-other"], "union_id", "another developer's union_id"),
    ("on_ffffffffffffffffffffffffffffffff", "union_id", "never issued"),
    (ANN_OPEN_ID, "union_id", "an open_id given as union_id"),
    (ANN_OPEN_ID, "user_id", "an open_id given as user_id"),
    ("acme_ann", "open_id", "a user_id given as open_id"),
    ("globex_gil", "user_id", "another tenant's user"),
    (ANN["people_admin_id"], "user_id", "a people_admin_id"),
    ("ACME_ANN", "user_id", "case differs"),
    ("acme_ann ", "user_id", "trailing space"),
]


@pytest.mark.parametrize("interviewer_id,user_id_type,why", UNKNOWN_INTERVIEWERS,
                         ids=[f"{t}:{why}" for _, t, why in UNKNOWN_INTERVIEWERS])
def test_unknown_interviewer_is_1002002(api, unchanged, interviewer_id, user_id_type, why):
    response = api.patch(interviewer_id, {"interviewer": {"verify_status": 1}}, user_id_type=user_id_type)
    param_error(response, "interviewer_id")


def test_interviewer_id_with_slash_is_not_a_route_or_a_user(api, unchanged):
    response = api.patch("acme_ann/x", {"interviewer": {"verify_status": 1}}, user_id_type="user_id")
    assert response.status_code in (400, 404)
    assert response.json()["code"] in (1002002, 404)


@pytest.fixture
def fresh(fresh_data_server):
    return fresh_data_server


@pytest.mark.parametrize("user_id_type,interviewer_id", [
    (None, BOB["open_ids"][FULL]),
    ("open_id", BOB["open_ids"][FULL]),
    ("union_id", BOB["union_ids"][fx.ACME_DEVELOPER]),
    ("user_id", "acme_bob"),
])
def test_each_id_type_sets_the_same_user(fresh, user_id_type, interviewer_id):
    api = app_api(fresh, fx.ACME_FULL)
    data = ok(api.patch(interviewer_id, {"interviewer": {"verify_status": 2}}, user_id_type=user_id_type))
    assert data == {"interviewer": {"user_id": interviewer_id, "verify_status": 2}}
    assert ok(api.list(user_ids="acme_bob", user_id_type="user_id"))["items"] == [
        {"user_id": "acme_bob", "verify_status": 2}]
    # The other apps and ID types see the same user.
    sibling = app_api(fresh, fx.ACME_SIBLING)
    assert ok(sibling.list(user_ids=BOB["open_ids"][SIBLING]))["items"] == [
        {"user_id": BOB["open_ids"][SIBLING], "verify_status": 2}]
    assert ok(sibling.list(user_ids=BOB["union_ids"][fx.ACME_DEVELOPER], user_id_type="union_id"))["items"] == [
        {"user_id": BOB["union_ids"][fx.ACME_DEVELOPER], "verify_status": 2}]


def test_union_id_is_shared_by_apps_of_one_developer(fresh):
    sibling = app_api(fresh, fx.ACME_SIBLING)
    union_id = BOB["union_ids"][fx.ACME_DEVELOPER]
    assert sibling.set_status(union_id, 2, user_id_type="union_id") == {
        "interviewer": {"user_id": union_id, "verify_status": 2}}
    full = app_api(fresh, fx.ACME_FULL)
    assert full.current_status("acme_bob", user_id_type="user_id") == 2


def test_patch_is_idempotent_and_moves_the_update_time(fresh):
    api = app_api(fresh, fx.ACME_FULL)
    start = int(time.time() * 1000)
    for _ in range(2):
        assert api.set_status("acme_p00", 2, user_id_type="user_id") == {
            "interviewer": {"user_id": "acme_p00", "verify_status": 2}}
    end = int(time.time() * 1000)
    items = ok(api.list(earliest_update_time=str(start), latest_update_time=str(end), user_id_type="user_id"))["items"]
    assert items == [{"user_id": "acme_p00", "verify_status": 2}]
    # Latest update last.
    assert api.list_all(user_id_type="user_id")[-1] == {"user_id": "acme_p00", "verify_status": 2}


def test_tenants_are_isolated(fresh):
    """`shared_user` exists in Acme and Globex: each tenant's PATCH touches its own."""
    acme = app_api(fresh, fx.ACME_FULL)
    globex = app_api(fresh, fx.GLOBEX_APP)
    assert acme.set_status("shared_user", 2, user_id_type="user_id")["interviewer"]["verify_status"] == 2
    assert globex.current_status("shared_user", user_id_type="user_id") == 1
    assert [i["user_id"] for i in globex.list_all(user_id_type="user_id")] == ["globex_gil"]
    assert {"user_id": "shared_user", "verify_status": 2} in acme.list_all(user_id_type="user_id")
    # Globex cannot reach Acme's users by Acme's IDs.
    param_error(globex.patch(ANN_OPEN_ID, {"interviewer": {"verify_status": 1}}), "interviewer_id")
    param_error(globex.patch("acme_ann", {"interviewer": {"verify_status": 1}}, user_id_type="user_id"), "interviewer_id")
    assert acme.current_status("acme_ann", user_id_type="user_id") == 2


ROBUSTNESS_BODIES = [
    ("deep arrays", "[" * 100_000 + "]" * 100_000),
    ("deep objects", '{"interviewer":' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "}"),
    ("duplicate member", '{"interviewer":{"verify_status":1,"verify_status":1}}'),
    ("lone surrogate", '{"interviewer":{"verify_status":1},"x":"\\ud800"}'),
    ("huge exponent", '{"interviewer":{"verify_status":1e999999}}'),
    ("huge number", '{"interviewer":{"verify_status":' + "9" * 5000 + "}}"),
    ("nul byte", '{"interviewer":{"verify_status":1}}\x00'),
    ("trailing garbage", '{"interviewer":{"verify_status":1}} x'),
    ("bom", '\ufeff{"interviewer":{"verify_status":1}}'),
]


@pytest.mark.parametrize("raw", [raw for _, raw in ROBUSTNESS_BODIES], ids=[name for name, _ in ROBUSTNESS_BODIES])
def test_hostile_bodies_are_parameter_errors(api, unchanged, raw):
    response = api.patch(ANN_OPEN_ID, raw=raw.encode("utf-8"))
    param_error(response, "body", "interviewer", "verify_status")


def test_invalid_utf8_in_body(api, unchanged):
    response = api.patch(ANN_OPEN_ID, raw=b'{"interviewer":{"verify_status":1},"x":"\xff\xfe"}')
    param_error(response, "body")


def test_unknown_interviewer_without_verify_status_is_also_1002002(api, unchanged):
    param_error(api.patch("ou_ffffffffffffffffffffffffffffffff", {"interviewer": {}}), "interviewer_id")


def test_percent_encoded_interviewer_id(api, unchanged):
    # "%38" is "8": the same open_id, written differently.
    encoded = ANN_OPEN_ID.replace("8", "%38", 1) if "8" in ANN_OPEN_ID else ANN_OPEN_ID.replace("a", "%61", 1)
    response = api.request("PATCH", f"/open-apis/hire/v1/interviewers/{encoded}", json={"interviewer": {}})
    assert ok(response) == {"interviewer": {"user_id": ANN_OPEN_ID, "verify_status": 2}}


def test_user_id_that_needs_escaping(fresh):
    """The SDK percent-encodes path parameters (`/` as %2F): the server decodes them."""
    api = app_api(fresh, fx.ACME_FULL)
    assert api.set_status(fx.ODD_USER_ID, 2, user_id_type="user_id") == {
        "interviewer": {"user_id": fx.ODD_USER_ID, "verify_status": 2}}
    assert ok(api.list(user_ids=fx.ODD_USER_ID, user_id_type="user_id"))["items"] == [
        {"user_id": fx.ODD_USER_ID, "verify_status": 2}]
    assert api.list_all(user_id_type="user_id")[-1] == {"user_id": fx.ODD_USER_ID, "verify_status": 2}


def test_concurrent_patches(fresh):
    """Parallel PATCHes and lists: no errors, and each user ends with the last status written."""
    from concurrent.futures import ThreadPoolExecutor

    users = [f"acme_p{i:02d}" for i in range(8)]
    token = app_api(fresh, fx.ACME_FULL).token()

    def worker(index: int):
        api = app_api(fresh, fx.ACME_FULL)
        api._token = token
        user = users[index]
        last = None
        for round_ in range(12):
            last = 1 + (round_ + index) % 2
            assert api.set_status(user, last, user_id_type="user_id")["interviewer"]["verify_status"] == last
            items = ok(api.list(page_size=100, user_id_type="user_id"))["items"]
            assert len({i["user_id"] for i in items}) == len(items)
        return user, last

    with ThreadPoolExecutor(max_workers=len(users)) as pool:
        final = dict(pool.map(worker, range(len(users))))
    api = app_api(fresh, fx.ACME_FULL)
    listed = {i["user_id"]: i["verify_status"] for i in api.list_all(user_id_type="user_id")}
    assert {user: listed[user] for user in users} == final
    assert len(listed) == len(fx.acme["interviewers"])
