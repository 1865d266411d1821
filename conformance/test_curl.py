"""The seeds' curl examples, with only the base URL and the token changed."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import DEMO_APP_ID, DEMO_APP_SECRET
from harness import LOG_ID, assert_json_equal, load_fixture
from test_sdk import expected_seed_002

pytestmark = pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")


def curl(*args: str) -> tuple[int, dict, dict]:
    """Runs curl -i; returns the status, the headers (as sent) and the JSON body."""
    result = subprocess.run(["curl", "-sS", "-i", *args], capture_output=True, check=True, timeout=30)
    head, _, body = result.stdout.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    status = int(lines[0].split()[1])
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return status, headers, json.loads(body)


def token(base: str) -> str:
    status, headers, body = curl(
        "-X", "POST", f"{base}/open-apis/auth/v3/tenant_access_token/internal",
        "-H", "Content-Type: application/json",
        "-d", json.dumps({"app_id": DEMO_APP_ID, "app_secret": DEMO_APP_SECRET}))
    assert status == 200 and body["code"] == 0, body
    return body["tenant_access_token"]


def test_seed_000_curl(fresh_demo_server):
    base = fresh_demo_server.base_url
    status, headers, body = curl(
        "-X", "PATCH", f"{base}/open-apis/hire/v1/interviewers/ou_7dab8a3d3cdcc9da365777c7ad535d62?user_id_type=open_id",
        "-H", f"Authorization: Bearer {token(base)}",
        "-H", "Content-Type: application/json",
        "-d", '{\n\t"interviewer": {\n\t\t"verify_status": 1\n\t}\n}')
    assert status == 200
    assert LOG_ID.match(headers["X-Tt-Logid"])
    assert body == load_fixture("seed_000_example_response.json")


def test_seed_002_curl(demo_server):
    base = demo_server.base_url
    status, headers, body = curl(
        "-X", "GET",
        f"{base}/open-apis/hire/v1/interviews/get_by_talent?job_level_id_type=job_level_id"
        "&talent_id=6949805467799537964&user_id_type=open_id",
        "-H", f"Authorization: Bearer {token(base)}")
    assert status == 200
    assert LOG_ID.match(headers["X-Tt-Logid"])
    assert_json_equal(body, expected_seed_002())


def test_seed_002_get_with_a_null_json_body(demo):
    """The seed's C# and PHP examples send a GET with `Content-Type: application/json` and the body `null`."""
    response = demo.request(
        "GET", "/open-apis/hire/v1/interviews/get_by_talent?job_level_id_type=job_level_id"
        "&talent_id=6949805467799537964&user_id_type=open_id",
        headers={"Content-Type": "application/json"}, data=b"null")
    assert response.status_code == 200
    assert_json_equal(response.json(), expected_seed_002())
