"""GET /open-apis/hire/v1/interviews/get_by_talent: rendering in every ID type, parameter
errors, tenant isolation."""
from __future__ import annotations

import copy

import pytest

from conftest import app_api
from fixtures import generate as fx
from harness import BY_TALENT_PATH, ok, param_error

USERS = {user["user_id"]: user for user in fx.acme["users"]}
JOB_LEVELS = {level["job_level_id"]: level for level in fx.JOB_LEVELS}


def user_ref(user_id: str, user_id_type: str, app: dict, developer: str) -> dict:
    user = USERS[user_id]
    ids = {
        "open_id": user.get("open_ids", {}).get(app["app_id"]),
        "union_id": user.get("union_ids", {}).get(developer),
        "user_id": user_id,
        "people_admin_id": user.get("people_admin_id"),
    }
    rendered = {}
    if ids[user_id_type] is not None:
        rendered["id"] = ids[user_id_type]
    rendered["name"] = user["name"]
    return rendered


def job_level(level_id: str, job_level_id_type: str):
    if job_level_id_type == "job_level_id":
        return level_id
    return JOB_LEVELS[level_id].get("people_admin_job_level_id")


def expected_items(talent_id: str, user_id_type="open_id", job_level_id_type="job_level_id",
                   app=fx.ACME_FULL, developer=fx.ACME_DEVELOPER) -> dict:
    """{application_id: {interview_id: interview}} as the API should render Acme's fixture."""
    applications = [a["application_id"] for a in fx.acme["applications"] if a["talent_id"] == talent_id]
    result: dict = {}
    for interview in fx.acme["interviews"]:
        if interview["application_id"] not in applications:
            continue
        rendered = copy.deepcopy(interview)
        for key in ("creator", "contact_user"):
            if key in rendered:
                rendered[key] = user_ref(rendered[key]["user_id"], user_id_type, app, developer)
        records = []
        for record in rendered.pop("interview_record_list", []):
            record = dict(record)
            interviewer = record.pop("interviewer")["user_id"]
            record["interviewer"] = user_ref(interviewer, user_id_type, app, developer)
            if "id" in record["interviewer"]:
                record["user_id"] = record["interviewer"]["id"]
            for key in ("min_job_level_id", "max_job_level_id"):
                if key in record:
                    value = job_level(record[key], job_level_id_type)
                    if value is None:
                        del record[key]
                    else:
                        record[key] = value
            records.append(record)
        if records:
            rendered["interview_record_list"] = records
        result.setdefault(interview["application_id"], {})[interview["id"]] = rendered
    return result


def actual_items(data: dict) -> dict:
    """The answer keyed like `expected_items`; an empty `interview_record_list` counts as absent."""
    result: dict = {}
    applications = [item["application_id"] for item in data["items"]]
    assert len(applications) == len(set(applications)), f"an application appears twice: {applications}"
    for item in data["items"]:
        assert set(item) == {"application_id", "interview_list"}, item.keys()
        interviews = {}
        for interview in item["interview_list"]:
            interview = dict(interview)
            if interview.get("interview_record_list") == []:
                del interview["interview_record_list"]
            assert interview["id"] not in interviews
            interviews[interview["id"]] = interview
        if interviews:
            result[item["application_id"]] = interviews
    return result


@pytest.mark.parametrize("job_level_id_type", [None, "job_level_id", "people_admin_job_level_id"])
@pytest.mark.parametrize("user_id_type", [None, "open_id", "union_id", "user_id", "people_admin_id"])
def test_renders_in_each_id_type(acme, user_id_type, job_level_id_type):
    params = {}
    if user_id_type:
        params["user_id_type"] = user_id_type
    if job_level_id_type:
        params["job_level_id_type"] = job_level_id_type
    data = ok(acme.by_talent(fx.TALENT_MAIN, **params))
    assert set(data) == {"items"}
    assert actual_items(data) == expected_items(fx.TALENT_MAIN, user_id_type or "open_id",
                                                job_level_id_type or "job_level_id")


def test_ids_are_those_of_the_calling_app(data_server):
    """open_ids differ per app, union_ids per developer."""
    readonly = app_api(data_server, fx.ACME_READONLY)
    interview = actual_items(ok(readonly.by_talent(fx.TALENT_MAIN)))["acme-app-1"]["acme-iv-1"]
    assert interview["contact_user"]["id"] == fx.PINNED["acme_ann"]["open_ids"][fx.ACME_READONLY["app_id"]]
    # Bob's open_id for this app is not pinned: derived, but not any other app's.
    bob = interview["creator"]["id"]
    assert bob.startswith("ou_") and len(bob) == 35 and bob not in fx.PINNED["acme_bob"]["open_ids"].values()

    interview = actual_items(ok(readonly.by_talent(fx.TALENT_MAIN, user_id_type="union_id")))["acme-app-1"]["acme-iv-1"]
    assert interview["contact_user"]["id"] == fx.PINNED["acme_ann"]["union_ids"]["dev-acme-other"]

    sibling = app_api(data_server, fx.ACME_SIBLING)
    interview = actual_items(ok(sibling.by_talent(fx.TALENT_MAIN, user_id_type="union_id")))["acme-app-1"]["acme-iv-1"]
    assert interview["creator"]["id"] == fx.PINNED["acme_bob"]["union_ids"][fx.ACME_DEVELOPER]
    interview = actual_items(ok(sibling.by_talent(fx.TALENT_MAIN)))["acme-app-1"]["acme-iv-1"]
    assert interview["creator"]["id"] == fx.PINNED["acme_bob"]["open_ids"][fx.ACME_SIBLING["app_id"]]


def test_derived_ids_are_stable(data_server):
    readonly = app_api(data_server, fx.ACME_READONLY)
    first = ok(readonly.by_talent(fx.TALENT_MAIN))
    assert ok(readonly.by_talent(fx.TALENT_MAIN)) == first


@pytest.mark.parametrize("talent_id", [fx.TALENT_NO_APPLICATIONS, fx.TALENT_NO_INTERVIEWS])
def test_talent_without_interviews(acme, talent_id):
    data = ok(acme.by_talent(talent_id))
    assert all(item["interview_list"] == [] for item in data["items"]), data


def test_the_same_talent_id_in_two_tenants(data_server, acme):
    globex = app_api(data_server, fx.GLOBEX_APP)
    data = ok(globex.by_talent(fx.TALENT_MAIN, user_id_type="user_id"))
    assert data == {"items": [{"application_id": "globex-app-1", "interview_list": [{
        "id": "globex-iv-1", "application_id": "globex-app-1", "remark": "globex",
        "creator": {"id": "globex_gil", "name": {"zh_cn": "吉尔", "en_us": "Gil Globex"}},
        "interview_record_list": [{
            "id": "globex-rec-1", "user_id": "shared_user",
            "interviewer": {"id": "shared_user", "name": {"zh_cn": "共", "en_us": "Shared Globex"}}}],
    }]}]}
    assert "globex-app-1" not in actual_items(ok(acme.by_talent(fx.TALENT_MAIN)))


@pytest.mark.parametrize("talent_id", ["7900000000000000009", "no-such-talent", "acme-app-1", "acme-iv-1", " "])
def test_unknown_talent_is_1002002(acme, talent_id):
    param_error(acme.by_talent(talent_id), "talent_id")


@pytest.mark.parametrize("params", [{}, {"talent_id": ""}, {"user_id_type": "open_id"}])
def test_missing_talent_id_is_1002002(acme, params):
    param_error(acme.request("GET", BY_TALENT_PATH, params=params), "talent_id")


def test_talent_id_given_twice(acme):
    response = acme.request("GET", BY_TALENT_PATH,
                            params=[("talent_id", fx.TALENT_MAIN), ("talent_id", fx.TALENT_NO_INTERVIEWS)])
    param_error(response, "talent_id")


@pytest.mark.parametrize("value", ["bogus", "", "OPEN_ID", "open_id ", "employee_id"])
def test_unknown_user_id_type(acme, value):
    param_error(acme.by_talent(fx.TALENT_MAIN, user_id_type=value), "user_id_type")


@pytest.mark.parametrize("value", ["bogus", "", "JOB_LEVEL_ID", "people_admin_id", "open_id"])
def test_unknown_job_level_id_type(acme, value):
    param_error(acme.by_talent(fx.TALENT_MAIN, job_level_id_type=value), "job_level_id_type")


def test_unknown_query_parameters_are_ignored(acme):
    assert ok(acme.by_talent(fx.TALENT_MAIN, page_size="abc", foo="bar")) == ok(acme.by_talent(fx.TALENT_MAIN))


def test_percent_encoded_talent_id(acme):
    response = acme.request("GET", "/open-apis/hire/v1/interviews/get_by_talent?talent_id=%37000000000000000001")
    assert actual_items(ok(response)) == expected_items(fx.TALENT_MAIN)
