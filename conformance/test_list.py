"""GET /open-apis/hire/v1/interviewers: order, paging, filters, page tokens."""
from __future__ import annotations

import pytest

from conftest import app_api
from fixtures import generate as fx
from harness import INTERVIEWERS_PATH, ok, param_error

FULL = fx.ACME_FULL["app_id"]


def expected(entries=None, **filters) -> list[dict]:
    """Acme's interviewers (user_id terms) by update time then user_id, filtered."""
    rows = sorted(entries or fx.acme["interviewers"], key=lambda e: (e["update_time"], e["user_id"]))
    result = []
    for entry in rows:
        if "verify_status" in filters and entry["verify_status"] != filters["verify_status"]:
            continue
        if "earliest" in filters and entry["update_time"] < filters["earliest"]:
            continue
        if "latest" in filters and entry["update_time"] > filters["latest"]:
            continue
        if "user_ids" in filters and entry["user_id"] not in filters["user_ids"]:
            continue
        result.append({"user_id": entry["user_id"], "verify_status": entry["verify_status"]})
    return result


def test_default_page_size_is_10(acme):
    data = ok(acme.list(user_id_type="user_id"))
    assert data["items"] == expected()[:10]
    assert data["has_more"] is True
    assert isinstance(data["page_token"], str) and data["page_token"]


def test_order_is_update_time_then_user(acme):
    assert acme.list_all(user_id_type="user_id") == expected()
    # There are ties to break.
    times = [e["update_time"] for e in fx.acme["interviewers"]]
    assert len(set(times)) < len(times)


@pytest.mark.parametrize("page_size", [1, 3, 7, 10, 26, 27, 100])
def test_paging_has_no_duplicates_or_gaps(acme, page_size):
    pages = []
    token = None
    while True:
        params = {"page_size": page_size, "user_id_type": "user_id"}
        if token:
            params["page_token"] = token
        data = ok(acme.list(**params))
        pages.append(data["items"])
        assert len(data["items"]) <= page_size
        if not data["has_more"]:
            assert "page_token" not in data or data["page_token"] == ""
            break
        assert len(data["items"]) == page_size
        token = data["page_token"]
        assert len(pages) <= 30
    assert [item for page in pages for item in page] == expected()
    assert len(pages) == max(1, -(-len(expected()) // page_size))


def page(data: dict) -> tuple:
    """A page without its next page token (tokens are opaque: two for one place may differ)."""
    return data["items"], data["has_more"]


def test_page_tokens_are_reusable(acme):
    first = ok(acme.list(page_size=5))
    again = ok(acme.list(page_size=5, page_token=first["page_token"]))
    assert page(ok(acme.list(page_size=5, page_token=first["page_token"]))) == page(again)
    assert again["items"] != first["items"]


def test_open_id_listing_matches_user_id_listing(acme):
    by_user_id = acme.list_all(user_id_type="user_id")
    by_open_id = acme.list_all()
    assert len(by_open_id) == len(by_user_id)
    assert [i["verify_status"] for i in by_open_id] == [i["verify_status"] for i in by_user_id]
    assert by_open_id[0]["user_id"] == fx.PINNED["acme_ann"]["open_ids"][FULL]
    assert all(i["user_id"].startswith("ou_") for i in by_open_id)
    assert len({i["user_id"] for i in by_open_id}) == len(by_open_id)
    by_union_id = acme.list_all(user_id_type="union_id")
    assert by_union_id[0]["user_id"] == fx.PINNED["acme_ann"]["union_ids"][fx.ACME_DEVELOPER]
    assert all(i["user_id"].startswith("on_") for i in by_union_id)


def test_filter_by_user_ids(acme):
    wanted = ["acme_p03", "acme_ann", "acme_p17"]
    response = acme.request("GET", INTERVIEWERS_PATH,
                            params=[("user_ids", u) for u in wanted] + [("user_id_type", "user_id")])
    assert ok(response)["items"] == expected(user_ids=wanted)
    ann = fx.PINNED["acme_ann"]["open_ids"][FULL]
    assert ok(acme.list(user_ids=ann))["items"] == [{"user_id": ann, "verify_status": 2}]


def test_filter_by_user_ids_skips_users_who_are_not_interviewers(acme):
    nobody = fx.PINNED["acme_nobody"]["open_ids"][FULL]
    assert ok(acme.list(user_ids=nobody))["items"] == []


@pytest.mark.parametrize("status", [1, 2])
def test_filter_by_verify_status(acme, status):
    assert acme.list_all(user_id_type="user_id", verify_status=str(status)) == expected(verify_status=status)


def test_update_time_bounds_are_inclusive(acme):
    earliest = fx.BASE_TIME + 2 * 60_000
    latest = fx.BASE_TIME + 4 * 60_000
    items = acme.list_all(user_id_type="user_id", earliest_update_time=str(earliest), latest_update_time=str(latest))
    assert items == expected(earliest=earliest, latest=latest)
    # Both ends hold interviewers, so inclusiveness is tested.
    times = {e["update_time"] for e in fx.acme["interviewers"]}
    assert earliest in times and latest in times
    assert acme.list_all(user_id_type="user_id", earliest_update_time=str(latest),
                         latest_update_time=str(latest)) == expected(earliest=latest, latest=latest)
    assert acme.list_all(user_id_type="user_id", earliest_update_time=str(earliest + 1),
                         latest_update_time=str(latest - 1)) == expected(earliest=earliest + 1, latest=latest - 1)


def test_filters_combine_and_page(acme):
    earliest = fx.BASE_TIME
    items = acme.list_all(page_size=2, user_id_type="user_id", verify_status="2", earliest_update_time=str(earliest))
    assert items == expected(verify_status=2, earliest=earliest)
    assert len(items) > 2


@pytest.mark.parametrize("page_size", ["0", "101", "abc", "-1", "1.5", "", "10 "])
def test_bad_page_size(acme, page_size):
    param_error(acme.list(page_size=page_size), "page_size")


@pytest.mark.parametrize("status", ["0", "3", "abc", "1.0", ""])
def test_bad_verify_status_filter(acme, status):
    param_error(acme.list(verify_status=status), "verify_status")


@pytest.mark.parametrize("name", ["earliest_update_time", "latest_update_time"])
@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "2024-01-01"])
def test_bad_update_time_filter(acme, name, value):
    param_error(acme.list(**{name: value}), name)


@pytest.mark.parametrize("user_id_type", ["bogus", "people_admin_id", ""])
def test_bad_user_id_type(acme, user_id_type):
    param_error(acme.list(user_id_type=user_id_type), "user_id_type")


@pytest.mark.parametrize("token", [
    "abc", "not a token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "eyJ1c2VyX2lkIjoiYWNtZV9wMDAifQ", "0" * 200, "%%%",
])
def test_page_token_never_issued(acme, token):
    param_error(acme.list(page_token=token), "page_token")


def test_altered_page_token(acme):
    token = ok(acme.list(page_size=3))["page_token"]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for position in (0, len(token) // 2, len(token) - 2):
        char = token[position]
        replacement = alphabet[(alphabet.index(char) + 17) % 64] if char in alphabet else "A"
        altered = token[:position] + replacement + token[position + 1:]
        assert altered != token
        param_error(acme.list(page_size=3, page_token=altered), "page_token")
    param_error(acme.list(page_size=3, page_token=token[:-4]), "page_token")
    param_error(acme.list(page_size=3, page_token=token + "AAAA"), "page_token")
    # The real one still works.
    assert ok(acme.list(page_size=3, page_token=token))["items"]


def test_page_token_of_another_tenant(data_server, acme):
    globex = app_api(data_server, fx.GLOBEX_APP)
    token = ok(acme.list(page_size=1))["page_token"]
    param_error(globex.list(page_size=1, page_token=token), "page_token")


def test_empty_page_token_means_the_first_page(acme):
    assert ok(acme.list(page_token="", user_id_type="user_id"))["items"] == expected()[:10]


def test_paging_is_stable_while_statuses_change(fresh_data_server):
    """A PATCH landing between pages neither repeats nor skips anyone."""
    api = app_api(fresh_data_server, fx.ACME_FULL)
    first = ok(api.list(page_size=10, user_id_type="user_id"))
    # Move someone from the first page to the end, and someone from a later page too.
    api.set_status(first["items"][0]["user_id"], 3 - first["items"][0]["verify_status"], user_id_type="user_id")
    later = expected()[15]["user_id"]
    api.set_status(later, 2, user_id_type="user_id")
    items = list(first["items"])
    token = first["page_token"]
    while token:
        data = ok(api.list(page_size=10, page_token=token, user_id_type="user_id"))
        items += data["items"]
        token = data.get("page_token") if data["has_more"] else None
    user_ids = [i["user_id"] for i in items]
    assert len(user_ids) == len(set(user_ids)), "an interviewer appeared twice"
    assert set(user_ids) == {e["user_id"] for e in fx.acme["interviewers"]}, "an interviewer was skipped"


def test_users_never_set_are_not_listed(data_server):
    demo_like = app_api(data_server, fx.GLOBEX_APP)
    assert demo_like.list_all(user_id_type="user_id") == [{"user_id": "globex_gil", "verify_status": 2}]


def test_a_hundred_user_ids(acme):
    wanted = [f"acme_p{i % 25:02d}" for i in range(100)]
    params = [("user_ids", user_id) for user_id in wanted] + [("user_id_type", "user_id"), ("page_size", "100")]
    assert ok(acme.request("GET", INTERVIEWERS_PATH, params=params))["items"] == expected(user_ids=set(wanted))


def test_other_tenants_users_are_not_found_by_the_filter(acme):
    assert ok(acme.list(user_ids="globex_gil", user_id_type="user_id"))["items"] == []
    assert ok(acme.list(user_ids="ou_e0000000000000000000000000000001"))["items"] == []


def test_other_apps_open_ids_are_not_found_by_the_filter(acme):
    sibling_open_id = fx.PINNED["acme_ann"]["open_ids"][fx.ACME_SIBLING["app_id"]]
    assert ok(acme.list(user_ids=sibling_open_id))["items"] == []
