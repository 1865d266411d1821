# test_interviews.py: HIRE_ADMIN_TOKEN=admin-secret pytest (FEISHU_BASE_URL for a server elsewhere)
import os

import lark_oapi as lark
import pytest
import requests

from interviews import interviews_of

BASE_URL = os.environ.get("FEISHU_BASE_URL", "http://127.0.0.1:8080")
ADMIN = {"Authorization": "Bearer " + os.environ["HIRE_ADMIN_TOKEN"]}
APP_ID, APP_SECRET = "cli_a1b2c3d4e5f60718", "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6"  # the demo app
TALENT = "6949805467799537964"  # the demo tenant's talent


def admin(method: str, path: str, **kwargs) -> dict:
    """A request to the server's admin API; the `data` of its answer."""
    response = requests.request(method, BASE_URL + "/_hire" + path, headers=ADMIN, timeout=10, **kwargs)
    body = response.json()
    assert body["code"] == 0, body
    return body["data"]


@pytest.fixture(autouse=True)
def fresh_server():
    """Each test starts from the data the server started with, in real time, without faults."""
    admin("POST", "/reset")
    admin("DELETE", "/faults")
    admin("DELETE", "/clock")
    admin("DELETE", "/requests")


@pytest.fixture
def client() -> lark.Client:
    return lark.Client.builder().app_id(APP_ID).app_secret(APP_SECRET).domain(BASE_URL).build()


def test_a_server_fault_is_retried(client):
    admin("POST", "/faults", json={"operation": "hire.v1.interview.get_by_talent", "code": 1002001, "times": 2})
    assert interviews_of(client, TALENT)
    calls = admin("GET", "/requests", params={"operation": "hire.v1.interview.get_by_talent"})["items"]
    assert [call["code"] for call in calls] == [1002001, 1002001, 0]


def test_a_lasting_fault_is_reported(client):
    admin("POST", "/faults", json={"operation": "hire.v1.interview.get_by_talent", "code": 1002001, "times": 0})
    with pytest.raises(RuntimeError, match="1002001"):
        interviews_of(client, TALENT)


def test_an_expired_token_is_replaced(client):
    interviews_of(client, TALENT)  # the client now holds the app's current token
    # Move the clock past the token's end: two hours after it was issued. (The token endpoint
    # says how long it has left; an earlier run may have had it issued at a moved clock.)
    grant = requests.post(BASE_URL + "/open-apis/auth/v3/tenant_access_token/internal",
                          json={"app_id": APP_ID, "app_secret": APP_SECRET}, timeout=10).json()
    admin("POST", "/clock", json={"advance_ms": grant["expire"] * 1000 + 1000})
    assert interviews_of(client, TALENT)
    calls = [(call["operation"], call["code"]) for call in admin("GET", "/requests")["items"]]
    assert calls[-3:] == [
        ("hire.v1.interview.get_by_talent", 99991663),  # refused,
        ("auth.v3.tenant_access_token.internal", 0),    # a new token,
        ("hire.v1.interview.get_by_talent", 0),         # and the call again
    ]
