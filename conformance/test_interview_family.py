"""The interview family beside get_by_talent, through lark-oapi's own request builders:
interview.list, application_interview.list, interview_record.get and .list, and
interview_round_type.list. Expected data is computed from the fixtures, as for get_by_talent."""
from __future__ import annotations

import json

import lark_oapi as lark
import pytest
from lark_oapi.api.hire.v1 import (
    GetInterviewRecordRequest,
    ListApplicationInterviewRequest,
    ListInterviewRecordRequest,
    ListInterviewRequest,
    ListInterviewRoundTypeRequest,
)

from conftest import DEMO_APP_ID, DEMO_APP_SECRET, sdk_client
from fixtures import generate as fx
from test_get_by_talent import expected_items

USER_ID_TYPES = ["open_id", "union_id", "user_id"]


def acme_client(server) -> lark.Client:
    return sdk_client(server, fx.ACME_FULL["app_id"], fx.ACME_FULL["app_secret"])


def data_of(response) -> dict:
    assert response.success(), (response.code, response.msg, response.raw.content)
    body = json.loads(response.raw.content)
    assert body["code"] == 0 and body["msg"] == "success"
    return body["data"]


def expected_interviews(user_id_type: str, job_level_id_type: str = "job_level_id") -> dict:
    """Every Acme interview by ID, rendered as the API should, without empty record lists."""
    interviews: dict = {}
    for talent in (fx.TALENT_MAIN, fx.TALENT_NO_APPLICATIONS, fx.TALENT_NO_INTERVIEWS):
        for by_id in expected_items(talent, user_id_type, job_level_id_type).values():
            interviews.update(by_id)
    return interviews


def without_empty_records(interview: dict) -> dict:
    interview = dict(interview)
    if interview.get("interview_record_list") == []:
        del interview["interview_record_list"]
    return interview


def list_all_interviews(client, **filters) -> list[dict]:
    items, token = [], None
    for _ in range(20):
        builder = ListInterviewRequest.builder().page_size(1)
        for name, value in filters.items():
            builder = getattr(builder, name)(value)
        if token:
            builder = builder.page_token(token)
        data = data_of(client.hire.v1.interview.list(builder.build()))
        items += data.get("items", [])
        assert ("page_token" in data) == data["has_more"]
        if not data["has_more"]:
            return items
        token = data["page_token"]
    raise AssertionError("paging did not end")


@pytest.mark.parametrize("user_id_type", USER_ID_TYPES)
def test_interview_list_pages_through_every_interview(data_server, user_id_type):
    client = acme_client(data_server)
    expected = expected_interviews(user_id_type)
    # Every interview with a begin time, through the widest window.
    items = list_all_interviews(client, user_id_type=user_id_type, start_time="1")
    timed = {key: value for key, value in expected.items() if "begin_time" in value}
    assert [item["id"] for item in items] == sorted(timed)
    assert {item["id"]: without_empty_records(item) for item in items} == timed
    # And those of each application.
    by_application = []
    for application_id in ("acme-app-1", "acme-app-2", "acme-app-3"):
        by_application += list_all_interviews(client, user_id_type=user_id_type, application_id=application_id)
    assert {item["id"]: without_empty_records(item) for item in by_application} == expected


def test_interview_list_needs_a_filter(data_server):
    """As the platform documents: application_id, interview_id, start_time and end_time may not all be empty."""
    response = acme_client(data_server).hire.v1.interview.list(ListInterviewRequest.builder().page_size(10).build())
    assert response.code == 1002002
    fields = [v["field"] for v in json.loads(response.raw.content)["error"]["field_violations"]]
    assert fields == ["application_id", "interview_id", "start_time", "end_time"]


def test_interview_list_filters(data_server):
    client = acme_client(data_server)
    assert [i["id"] for i in list_all_interviews(client, application_id="acme-app-1")] == ["acme-iv-1", "acme-iv-2"]
    assert [i["id"] for i in list_all_interviews(client, interview_id="acme-iv-3")] == ["acme-iv-3"]
    # start_time and end_time bound the begin time, inclusively; acme-iv-2 has none.
    assert [i["id"] for i in list_all_interviews(client, start_time="1700000000000")] == ["acme-iv-1", "acme-iv-3"]
    assert [i["id"] for i in list_all_interviews(client, end_time="1700000000000")] == ["acme-iv-1"]


def test_interview_list_sdk_models(data_server):
    response = acme_client(data_server).hire.v1.interview.list(
        ListInterviewRequest.builder().interview_id("acme-iv-3").user_id_type("user_id").build())
    assert response.success(), response.msg
    interview = response.data.items[0]
    assert interview.id == "acme-iv-3" and interview.creator.id == "acme_cho"
    record = interview.interview_record_list[0]
    assert record.dimension_assessment_list[0].dimension_score.score_val == 9
    assert response.data.has_more is False


@pytest.mark.parametrize("user_id_type", USER_ID_TYPES + ["people_admin_id"])
def test_application_interviews_use_the_historic_model(data_server, user_id_type):
    client = acme_client(data_server)
    request = ListApplicationInterviewRequest.builder().application_id("acme-app-1").page_size(10) \
        .user_id_type(user_id_type).build()
    data = data_of(client.hire.v1.application_interview.list(request))
    expected = expected_interviews(user_id_type)
    assert [item["id"] for item in data["items"]] == ["acme-iv-1", "acme-iv-2"]
    for item in data["items"]:
        full = expected[item["id"]]
        historic = {key: full[key] for key in ("id", "begin_time", "end_time", "round", "stage_id",
                                               "interview_record_list") if key in full}
        assert without_empty_records(item) == historic
    assert data["has_more"] is False and "page_token" not in data


def test_application_interviews_unknown_or_another_tenants_application(data_server):
    client = acme_client(data_server)
    for application_id in ("nope", "globex-app-1"):
        response = client.hire.v1.application_interview.list(
            ListApplicationInterviewRequest.builder().application_id(application_id).page_size(10).build())
        assert response.code == 1002002
        body = json.loads(response.raw.content)
        assert [v["field"] for v in body["error"]["field_violations"]] == ["application_id"]


@pytest.mark.parametrize("user_id_type", USER_ID_TYPES)
def test_interview_record_get(data_server, user_id_type):
    client = acme_client(data_server)
    request = GetInterviewRecordRequest.builder().interview_record_id("acme-rec-1").user_id_type(user_id_type).build()
    data = data_of(client.hire.v1.interview_record.get(request))
    expected = expected_interviews(user_id_type)["acme-iv-1"]["interview_record_list"][0]
    assert data == {"interview_record": expected}
    response = client.hire.v1.interview_record.get(
        GetInterviewRecordRequest.builder().interview_record_id("globex-rec-1").build())
    assert response.code == 1002002


def test_interview_record_list_by_ids_and_paged(data_server):
    client = acme_client(data_server)
    expected = {record["id"]: record for interview in expected_interviews("open_id").values()
                for record in interview.get("interview_record_list", [])}
    request = ListInterviewRecordRequest.builder().ids(["acme-rec-3", "acme-rec-1"]).build()
    data = data_of(client.hire.v1.interview_record.list(request))
    assert {record["id"]: record for record in data["items"]} == {k: expected[k] for k in ("acme-rec-1", "acme-rec-3")}
    assert data["has_more"] is False

    response = client.hire.v1.interview_record.list(
        ListInterviewRecordRequest.builder().ids(["acme-rec-1", "globex-rec-1"]).build())
    assert response.code == 1002002
    violations = json.loads(response.raw.content)["error"]["field_violations"]
    assert violations == [{"field": "ids", "value": "globex-rec-1", "description": "no such interview record in the tenant"}]

    seen, token = [], None
    for _ in range(10):
        builder = ListInterviewRecordRequest.builder().page_size(2)
        if token:
            builder = builder.page_token(token)
        data = data_of(client.hire.v1.interview_record.list(builder.build()))
        seen += [record["id"] for record in data["items"]]
        if not data["has_more"]:
            break
        token = data["page_token"]
    assert seen == sorted(expected)


def test_interview_round_types_of_the_demo_tenant(demo_server):
    client = sdk_client(demo_server, DEMO_APP_ID, DEMO_APP_SECRET)
    response = client.hire.v1.interview_round_type.list(ListInterviewRoundTypeRequest.builder().build())
    assert response.success(), response.msg
    assert response.data.active_status == 1
    [round_type] = response.data.items
    assert round_type.id == "6949805467799537964" and round_type.process_type == 1
    assert (round_type.name.zh_cn, round_type.name.en_us) == ("一面", "Round one")
    campus = client.hire.v1.interview_round_type.list(ListInterviewRoundTypeRequest.builder().process_type(2).build())
    assert campus.success() and (campus.data.items or []) == []
    bad = client.hire.v1.interview_round_type.list(ListInterviewRoundTypeRequest.builder().process_type(3).build())
    assert bad.code == 1002002


def test_scopes(data_server):
    """Interview reads take hire:interview:readonly or hire:interview; no scope, no data."""
    readonly = sdk_client(data_server, fx.ACME_READONLY["app_id"], fx.ACME_READONLY["app_secret"])
    assert readonly.hire.v1.interview.list(ListInterviewRequest.builder().start_time("1").build()).success()
    noscope = sdk_client(data_server, fx.ACME_NOSCOPE["app_id"], fx.ACME_NOSCOPE["app_secret"])
    for response in (
        noscope.hire.v1.interview.list(ListInterviewRequest.builder().start_time("1").build()),
        noscope.hire.v1.interview_record.get(GetInterviewRecordRequest.builder().interview_record_id("acme-rec-1").build()),
        noscope.hire.v1.interview_round_type.list(ListInterviewRoundTypeRequest.builder().build()),
    ):
        assert response.code == 99991672
    # user_id needs contact:user.employee_id:readonly, which the readonly app lacks.
    response = readonly.hire.v1.interview.list(
        ListInterviewRequest.builder().start_time("1").user_id_type("user_id").build())
    assert response.code == 99991672
