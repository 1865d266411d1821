"""99991672: an app lacking the endpoint's scope, or the user_id field scope."""
from __future__ import annotations

import pytest

from conftest import app_api
from fixtures import generate as fx
from harness import error, ok

ANN = fx.PINNED["acme_ann"]
EMPLOYEE_ID_SCOPE = "contact:user.employee_id:readonly"


def violations(body) -> list[tuple[str, str]]:
    return [(v["type"], v["subject"]) for v in body["error"]["permission_violations"]]


def scope_error(response, scopes: list[str], kind: str) -> dict:
    body = error(response, 99991672, 400)
    assert body["msg"] == "Access denied. One of the following scopes is required: [" + ",".join(scopes) + "]" \
        or all(scope in body["msg"] for scope in scopes), body["msg"]
    assert sorted(violations(body)) == sorted((kind, scope) for scope in scopes), body
    return body


@pytest.fixture
def readonly(data_server):
    return app_api(data_server, fx.ACME_READONLY)


@pytest.fixture
def noscope(data_server):
    return app_api(data_server, fx.ACME_NOSCOPE)


@pytest.fixture
def sibling(data_server):
    return app_api(data_server, fx.ACME_SIBLING)


def test_patch_without_hire_interviewer(readonly, acme):
    before = acme.current_status("acme_ann", user_id_type="user_id")
    response = readonly.patch(ANN["open_ids"][fx.ACME_READONLY["app_id"]], {"interviewer": {"verify_status": 1}})
    scope_error(response, ["hire:interviewer"], "action_scope_required")
    assert acme.current_status("acme_ann", user_id_type="user_id") == before


def test_list_without_hire_interviewer(readonly):
    scope_error(readonly.list(), ["hire:interviewer"], "action_scope_required")


def test_get_by_talent_without_any_interview_scope(noscope):
    scope_error(noscope.by_talent(fx.TALENT_MAIN), ["hire:interview:readonly", "hire:interview"], "action_scope_required")


def test_get_by_talent_with_either_interview_scope(readonly, sibling):
    # hire:interview:readonly alone, and hire:interview alone, are each enough.
    assert ok(readonly.by_talent(fx.TALENT_MAIN))["items"]
    assert ok(sibling.by_talent(fx.TALENT_MAIN))["items"]


def test_scope_is_checked_before_parameters(noscope, readonly):
    """An app that may not call the endpoint learns nothing about its parameters."""
    scope_error(noscope.by_talent(None, user_id_type="bogus"),
                ["hire:interview:readonly", "hire:interview"], "action_scope_required")
    scope_error(readonly.patch("nobody", raw=b"not json"), ["hire:interviewer"], "action_scope_required")


@pytest.mark.parametrize("call", ["get_by_talent_readonly", "get_by_talent_sibling", "list", "patch"])
def test_user_id_type_user_id_needs_the_employee_id_scope(readonly, sibling, acme, call):
    before = acme.current_status("acme_ann", user_id_type="user_id")
    if call == "get_by_talent_readonly":
        response = readonly.by_talent(fx.TALENT_MAIN, user_id_type="user_id")
    elif call == "get_by_talent_sibling":
        response = sibling.by_talent(fx.TALENT_MAIN, user_id_type="user_id")
    elif call == "list":
        response = sibling.list(user_id_type="user_id")
    else:
        response = sibling.patch("acme_ann", {"interviewer": {"verify_status": 3 - before}}, user_id_type="user_id")
    body = scope_error(response, [EMPLOYEE_ID_SCOPE], "field_scope_required")
    assert body["msg"] == f"Access denied. One of the following scopes is required: [{EMPLOYEE_ID_SCOPE}]"
    assert acme.current_status("acme_ann", user_id_type="user_id") == before


@pytest.mark.parametrize("user_id_type", ["open_id", "union_id", "people_admin_id"])
def test_other_id_types_need_no_field_scope(readonly, user_id_type):
    assert ok(readonly.by_talent(fx.TALENT_MAIN, user_id_type=user_id_type))["items"]


def test_the_full_app_may_use_user_id(acme):
    assert ok(acme.by_talent(fx.TALENT_MAIN, user_id_type="user_id"))["items"]
    assert ok(acme.list(user_id_type="user_id"))["items"]
