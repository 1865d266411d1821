"""The official Python SDK (lark-oapi) against the server: the seeds' examples,
changed only in domain and credentials, and list paging."""
from __future__ import annotations

import copy
import json

import lark_oapi as lark
import pytest
from lark_oapi.api.hire.v1 import *  # noqa: F403 - as the seeds write it
from lark_oapi.core.exception import ObtainAccessTokenException
from lark_oapi.core.token.manager import TokenManager

import harness
from conftest import DEMO_APP_ID, DEMO_DUANYU, DEMO_INTERVIEWER_OPEN_ID, DEMO_TALENT, sdk_client
from fixtures import generate as fx
from harness import assert_json_equal, load_fixture


def raw_body(response) -> dict:
    return json.loads(response.raw.content)


def marshal(data) -> dict:
    return json.loads(lark.JSON.marshal(data))


def expected_seed_002() -> dict:
    """Seed 002's example response as the demo tenant answers it.

    The demo tenant holds the example's interview, with two differences the example
    forces on any real data:
    - a record's `user_id` is its interviewer's ID in the request's user_id_type
      (data-format.md), so the example's placeholder "1618899376474" becomes 段誉's open_id;
    - the example's interview names application "634324253532232" while its item names
      "6949805467799537964"; an interview is listed under its own application, so the
      demo's interview belongs to "6949805467799537964".
    """
    expected = copy.deepcopy(load_fixture("seed_002_example_response.json"))
    item = expected["data"]["items"][0]
    interview = item["interview_list"][0]
    interview["application_id"] = item["application_id"]
    interview["interview_record_list"][0]["user_id"] = DEMO_DUANYU["open_id"]
    return expected


def leaf_paths(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaf_paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaf_paths(item, path + (index,))
    else:
        yield path, value


def sdk_attribute(obj, path):
    for step in path:
        obj = obj[step] if isinstance(step, int) else getattr(obj, step)
    return obj


# --- Seed 000: PATCH an interviewer -------------------------------------------------------


def test_seed_000_patch_interviewer(fresh_demo_server):
    client = sdk_client(fresh_demo_server)

    request: PatchInterviewerRequest = PatchInterviewerRequest.builder() \
        .interviewer_id("ou_7dab8a3d3cdcc9da365777c7ad535d62") \
        .user_id_type("open_id") \
        .request_body(PatchInterviewerRequestBody.builder()
                      .interviewer(Interviewer.builder()
                                   .verify_status(1)
                                   .build())
                      .build()) \
        .build()

    response: PatchInterviewerResponse = client.hire.v1.interviewer.patch(request)

    assert response.success(), f"code {response.code}, msg {response.msg}, log_id {response.get_log_id()}"
    assert harness.LOG_ID.match(response.get_log_id() or ""), response.raw.headers
    assert response.data.interviewer.user_id == DEMO_INTERVIEWER_OPEN_ID
    assert response.data.interviewer.verify_status == 1
    assert raw_body(response) == load_fixture("seed_000_example_response.json")


def test_seed_000_patch_sets_verified_and_the_list_shows_it(fresh_demo_server):
    client = sdk_client(fresh_demo_server)

    def patch(status):
        request = PatchInterviewerRequest.builder().interviewer_id(DEMO_INTERVIEWER_OPEN_ID).user_id_type("open_id") \
            .request_body(PatchInterviewerRequestBody.builder()
                          .interviewer(Interviewer.builder().verify_status(status).build()).build()).build()
        return client.hire.v1.interviewer.patch(request)

    response = patch(2)
    assert response.success(), response.msg
    assert response.data.interviewer.verify_status == 2

    listed = client.hire.v1.interviewer.list(ListInterviewerRequest.builder().user_id_type("open_id").build())
    assert listed.success(), listed.msg
    assert [(item.user_id, item.verify_status) for item in listed.data.items] == [(DEMO_INTERVIEWER_OPEN_ID, 2)]
    assert listed.data.has_more is False

    response = patch(1)
    assert response.success() and response.data.interviewer.verify_status == 1
    listed = client.hire.v1.interviewer.list(ListInterviewerRequest.builder().build())
    assert [(item.user_id, item.verify_status) for item in listed.data.items] == [(DEMO_INTERVIEWER_OPEN_ID, 1)]


# --- Seed 002: GET a talent's interviews --------------------------------------------------


def test_seed_002_get_by_talent(demo_server):
    client = sdk_client(demo_server)

    request: GetByTalentInterviewRequest = GetByTalentInterviewRequest.builder() \
        .talent_id("6949805467799537964") \
        .user_id_type("open_id") \
        .job_level_id_type("job_level_id") \
        .build()

    response: GetByTalentInterviewResponse = client.hire.v1.interview.get_by_talent(request)

    assert response.success(), f"code {response.code}, msg {response.msg}, log_id {response.get_log_id()}"
    assert harness.LOG_ID.match(response.get_log_id() or ""), response.raw.headers
    expected = expected_seed_002()
    # On the wire: exactly the example, field for field.
    assert_json_equal(raw_body(response), expected)
    # Through the SDK's models: every field of the example was read into them.
    assert_json_equal(marshal(response.data), expected["data"])
    for path, value in leaf_paths(expected["data"]):
        assert sdk_attribute(response.data, path) == value, path


@pytest.mark.parametrize("user_id_type", ["open_id", "union_id", "user_id", "people_admin_id"])
def test_seed_002_user_references_follow_user_id_type(demo_server, user_id_type):
    client = sdk_client(demo_server)
    request = GetByTalentInterviewRequest.builder().talent_id(DEMO_TALENT).user_id_type(user_id_type).build()
    response = client.hire.v1.interview.get_by_talent(request)
    assert response.success(), response.msg
    interview = response.data.items[0].interview_list[0]
    record = interview.interview_record_list[0]
    want = DEMO_DUANYU[user_id_type]
    assert interview.creator.id == want
    assert interview.contact_user.id == want
    assert record.interviewer.id == want
    assert record.user_id == want
    assert interview.creator.name.zh_cn == "段誉" and interview.creator.name.en_us == "Yu Duan"


# --- Errors through the SDK ---------------------------------------------------------------


def test_sdk_surfaces_parameter_errors(demo_server):
    client = sdk_client(demo_server)
    response = client.hire.v1.interview.get_by_talent(
        GetByTalentInterviewRequest.builder().talent_id("no-such-talent").user_id_type("open_id").build())
    assert not response.success()
    assert response.code == 1002002
    assert "talent_id" in response.msg
    assert response.get_log_id()
    # The SDK keeps `error` as the JSON object it received.
    assert response.error["log_id"] == response.get_log_id()
    assert response.error["field_violations"][0]["field"] == "talent_id"

    response = client.hire.v1.interviewer.patch(
        PatchInterviewerRequest.builder().interviewer_id(DEMO_INTERVIEWER_OPEN_ID).user_id_type("open_id")
        .request_body(PatchInterviewerRequestBody.builder()
                      .interviewer(Interviewer.builder().verify_status(3).build()).build()).build())
    assert response.code == 1002002 and "verify_status" in response.msg
    assert response.get_log_id()


def test_sdk_surfaces_scope_errors(data_server):
    client = sdk_client(data_server, fx.ACME_READONLY["app_id"], fx.ACME_READONLY["app_secret"])
    response = client.hire.v1.interviewer.list(ListInterviewerRequest.builder().build())
    assert response.code == 99991672
    assert "hire:interviewer" in response.msg
    assert response.error["permission_violations"][0]["subject"] == "hire:interviewer"
    assert response.get_log_id()

    response = client.hire.v1.interview.get_by_talent(
        GetByTalentInterviewRequest.builder().talent_id(fx.TALENT_MAIN).user_id_type("user_id").build())
    assert response.code == 99991672
    violations = [(v["type"], v["subject"]) for v in response.error["permission_violations"]]
    assert violations == [("field_scope_required", "contact:user.employee_id:readonly")]


def test_sdk_token_errors_surface(demo_server):
    client = sdk_client(demo_server, app_secret="wrong" + "0" * 27)
    with pytest.raises(ObtainAccessTokenException) as raised:
        client.hire.v1.interview.get_by_talent(GetByTalentInterviewRequest.builder().talent_id(DEMO_TALENT).build())
    assert raised.value.code == 10014
    assert raised.value.msg == "app secret invalid"

    client = sdk_client(demo_server, app_id="cli_ffffffffffffffff")
    with pytest.raises(ObtainAccessTokenException) as raised:
        client.hire.v1.interview.get_by_talent(GetByTalentInterviewRequest.builder().talent_id(DEMO_TALENT).build())
    assert raised.value.code == 10014
    assert raised.value.msg == "app id not exists"


def test_sdk_with_a_dead_cached_token_gets_99991663(demo_server):
    """A token the server never issued (a client cache from another server) is refused with 99991663."""
    client = sdk_client(demo_server)
    TokenManager.cache.set(f"self_tenant_token:{DEMO_APP_ID}", "t-" + "0" * 40, 2 ** 31 - 1)
    response = client.hire.v1.interview.get_by_talent(GetByTalentInterviewRequest.builder().talent_id(DEMO_TALENT).build())
    assert response.code == 99991663
    assert response.msg == "Invalid access token for authorization"
    assert response.get_log_id()


# --- Listing interviewers with the SDK ----------------------------------------------------


def expected_acme_order() -> list[tuple[str, int]]:
    """Acme's interviewers as the fixture sets them, ordered by update time, then user_id."""
    rows = [(entry["update_time"], entry["user_id"], entry["verify_status"]) for entry in fx.acme["interviewers"]]
    return [(user_id, status) for _, user_id, status in sorted(rows)]


def test_sdk_list_pages_through_every_interviewer(data_server):
    client = sdk_client(data_server, fx.ACME_FULL["app_id"], fx.ACME_FULL["app_secret"])
    seen = []
    token = None
    pages = 0
    while True:
        builder = ListInterviewerRequest.builder().page_size(7).user_id_type("user_id")
        if token:
            builder = builder.page_token(token)
        response = client.hire.v1.interviewer.list(builder.build())
        assert response.success(), f"{response.code} {response.msg}"
        assert response.get_log_id()
        pages += 1
        seen += [(item.user_id, item.verify_status) for item in response.data.items]
        if not response.data.has_more:
            assert not response.data.page_token
            break
        assert len(response.data.items) == 7
        token = response.data.page_token
        assert token and pages < 20
    assert seen == expected_acme_order()
    assert pages == -(-len(seen) // 7)


def test_sdk_list_filters(data_server):
    client = sdk_client(data_server, fx.ACME_FULL["app_id"], fx.ACME_FULL["app_secret"])
    ann = fx.PINNED["acme_ann"]["open_ids"][fx.ACME_FULL["app_id"]]
    response = client.hire.v1.interviewer.list(
        ListInterviewerRequest.builder().user_ids([ann]).user_id_type("open_id").build())
    assert response.success(), response.msg
    assert [(i.user_id, i.verify_status) for i in response.data.items] == [(ann, 2)]

    response = client.hire.v1.interviewer.list(
        ListInterviewerRequest.builder().verify_status(1).page_size(100).user_id_type("user_id")
        .earliest_update_time(str(fx.BASE_TIME)).latest_update_time(str(fx.BASE_TIME + 60_000)).build())
    assert response.success(), response.msg
    want = [(e["user_id"], 1) for e in sorted(fx.PAGING, key=lambda e: (e["update_time"], e["user_id"]))
            if e["verify_status"] == 1 and fx.BASE_TIME <= e["update_time"] <= fx.BASE_TIME + 60_000]
    assert want
    assert [(i.user_id, i.verify_status) for i in response.data.items] == want


@pytest.mark.parametrize("user_id_type", ["open_id", "user_id"])
def test_sdk_models_hold_every_field_the_server_sends(data_server, user_id_type):
    """Acme's talent uses every optional member of interviews and records: the SDK's models
    read all of them, so the server names and types each one as the SDK expects."""
    client = sdk_client(data_server, fx.ACME_FULL["app_id"], fx.ACME_FULL["app_secret"])
    request = GetByTalentInterviewRequest.builder().talent_id(fx.TALENT_MAIN).user_id_type(user_id_type) \
        .job_level_id_type("people_admin_job_level_id").build()
    response = client.hire.v1.interview.get_by_talent(request)
    assert response.success(), response.msg
    assert_json_equal(marshal(response.data), raw_body(response)["data"])
    records = [r for item in response.data.items for i in item.interview_list for r in (i.interview_record_list or [])]
    full = next(r for r in records if r.id == "acme-rec-3")
    assert full.dimension_assessment_list[0].dimension_score.score_val == 9
    assert full.image_list[0].create_time == "1700100000000"
    assert full.question_list[0].ability_list[0].name.en_us == "Logic"
    scored = next(r for r in records if r.id == "acme-rec-1")
    assert scored.assessment_score.score == 4.5
    assert scored.min_job_level_id == "7010000000000000005"


def test_sdk_async_calls(data_server):
    """The SDK's asyncio variants (httpx underneath) read the same answers."""
    import asyncio

    client = sdk_client(data_server, fx.ACME_FULL["app_id"], fx.ACME_FULL["app_secret"])

    async def calls():
        talent = await client.hire.v1.interview.aget_by_talent(
            GetByTalentInterviewRequest.builder().talent_id(fx.TALENT_MAIN).build())
        listed = await client.hire.v1.interviewer.alist(ListInterviewerRequest.builder().page_size(3).build())
        return talent, listed

    talent, listed = asyncio.run(calls())
    assert talent.success() and {item.application_id for item in talent.data.items} == {"acme-app-1", "acme-app-2"}
    assert listed.success() and len(listed.data.items) == 3 and listed.data.has_more
