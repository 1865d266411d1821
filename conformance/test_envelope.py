"""The envelope every answer shares: `{code,msg,data}` / `{code,msg,error}`, X-Tt-Logid,
no nulls, JSON 404 and 405, the body size limit."""
from __future__ import annotations

import json

import pytest
import requests

from conftest import DEMO_APP_ID, DEMO_INTERVIEWER_OPEN_ID, DEMO_TALENT
from harness import BY_TALENT_PATH, INTERVIEWERS_PATH, LOG_ID, TOKEN_PATH, Api, error, ok


def test_success_envelope_and_headers(demo):
    response = demo.by_talent(DEMO_TALENT)
    data = ok(response)
    assert response.headers["Content-Type"].startswith("application/json")
    assert LOG_ID.match(response.headers["X-Tt-Logid"])
    assert response.json()["msg"] == "ok"
    assert data["items"]


def test_log_ids_differ_per_request(demo):
    ids = {demo.by_talent(DEMO_TALENT).headers["X-Tt-Logid"] for _ in range(5)}
    assert len(ids) == 5


def test_log_id_header_is_spelled_as_the_sdk_reads_it(demo):
    """lark-oapi copies the headers into a plain dict and reads `X-Tt-Logid` case-sensitively."""
    response = demo.by_talent(DEMO_TALENT)
    assert "X-Tt-Logid" in dict(response.headers)
    assert "Content-Type" in dict(response.headers)


@pytest.mark.parametrize("method,path", [
    ("GET", "/"),
    ("GET", "/open-apis/hire/v1/nothing"),
    ("GET", "/open-apis/hire/v1/interviewers/a/b"),
    ("POST", "/open-apis/hire/v2/interviewers"),
    ("DELETE", "/no/such/route"),
])
def test_unknown_route_is_json_404(demo, method, path):
    response = demo.request(method, path, token=None)
    body = error(response, 404, 404)
    assert path in body["msg"] or "404" in body["msg"]


@pytest.mark.parametrize("method,path,allowed", [
    ("GET", INTERVIEWERS_PATH + "/" + DEMO_INTERVIEWER_OPEN_ID, "PATCH"),
    ("PUT", INTERVIEWERS_PATH + "/" + DEMO_INTERVIEWER_OPEN_ID, "PATCH"),
    ("DELETE", INTERVIEWERS_PATH + "/" + DEMO_INTERVIEWER_OPEN_ID, "PATCH"),
    ("POST", BY_TALENT_PATH, "GET"),
    ("PATCH", INTERVIEWERS_PATH, "GET"),
    ("GET", TOKEN_PATH, "POST"),
])
def test_wrong_method_is_json_405(demo, method, path, allowed):
    response = demo.request(method, path, headers={"Content-Type": "application/json"})
    error(response, 405, 405)
    assert allowed in response.headers.get("Allow", "")


def test_error_envelope_shape(demo):
    response = demo.by_talent("no-such-talent")
    body = error(response, 1002002, 400)
    assert set(body) == {"code", "msg", "error"}
    assert body["error"]["log_id"] == response.headers["X-Tt-Logid"]


def test_head_and_options_do_not_crash(demo):
    for method in ("HEAD", "OPTIONS"):
        response = requests.request(method, demo.server.url(BY_TALENT_PATH), timeout=10)
        assert response.status_code < 500
        assert LOG_ID.match(response.headers.get("X-Tt-Logid", ""))


# --- Body size -----------------------------------------------------------------------------


def oversized_body(size: int = (1 << 20) + 4096) -> bytes:
    padding = "x" * size
    return json.dumps({"interviewer": {"verify_status": 2}, "padding": padding}).encode()


def check_too_large(response):
    assert response.status_code in (400, 413), response.text[:300]
    body = error(response, 1002002, response.status_code)
    assert "body" in body["msg"]


def test_body_over_1_mib_is_refused_and_changes_nothing(demo):
    before = demo.current_status(DEMO_INTERVIEWER_OPEN_ID)
    check_too_large(demo.patch(DEMO_INTERVIEWER_OPEN_ID, raw=oversized_body()))
    assert demo.current_status(DEMO_INTERVIEWER_OPEN_ID) == before


def test_chunked_body_over_1_mib_is_refused_and_changes_nothing(demo):
    before = demo.current_status(DEMO_INTERVIEWER_OPEN_ID)
    payload = oversized_body()

    def chunks():
        for start in range(0, len(payload), 65536):
            yield payload[start:start + 65536]

    response = demo.request("PATCH", f"{INTERVIEWERS_PATH}/{DEMO_INTERVIEWER_OPEN_ID}", data=chunks(),
                            headers={"Content-Type": "application/json"})
    check_too_large(response)
    assert demo.current_status(DEMO_INTERVIEWER_OPEN_ID) == before


def test_body_just_under_1_mib_is_read(fresh_demo_server):
    api = Api(fresh_demo_server, DEMO_APP_ID, "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6")
    small = json.dumps({"interviewer": {"verify_status": 2}, "padding": ""}).encode()
    payload = json.dumps({"interviewer": {"verify_status": 2},
                          "padding": "x" * ((1 << 20) - len(small) - 16)}).encode()
    assert len(payload) < 1 << 20
    data = ok(api.patch(DEMO_INTERVIEWER_OPEN_ID, raw=payload))
    assert data["interviewer"]["verify_status"] == 2


def test_token_endpoint_body_over_1_mib(demo):
    response = demo.request("POST", TOKEN_PATH, token=None, data=oversized_body(),
                            headers={"Content-Type": "application/json"})
    # The token endpoints answer their own way (HTTP 200, 10003) or refuse the size (413/400, 1002002).
    body = response.json()
    assert (response.status_code, body["code"]) in {(200, 10003), (413, 1002002), (400, 1002002)}, response.text[:300]


# --- Requests the HTTP parser refuses ------------------------------------------------------

def raw_exchange(server, payload: bytes) -> tuple[int, dict, bytes]:
    """Sends raw bytes; returns the status, headers and body of the answer."""
    import socket

    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(payload)
        received = b""
        while True:
            try:
                chunk = connection.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            received += chunk
            head, separator, body = received.partition(b"\r\n\r\n")
            if separator:
                headers = dict(line.split(": ", 1) for line in head.decode("latin-1").split("\r\n")[1:] if ": " in line)
                if len(body) >= int(headers.get("Content-Length", "0")):
                    break
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


def check_refusal(status: int, headers: dict, body: bytes) -> None:
    assert 400 <= status < 500
    assert LOG_ID.match(headers.get("X-Tt-Logid", "")), headers
    answer = json.loads(body)
    assert answer["code"] != 0 and answer["error"]["log_id"] == headers["X-Tt-Logid"], answer


def test_request_line_over_the_parsers_limit(demo):
    target = f"{BY_TALENT_PATH}?talent_id={'x' * 200_000}"
    check_refusal(*raw_exchange(demo.server, f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode()))


def test_headers_over_the_parsers_limit(demo):
    request = f"GET {BY_TALENT_PATH}?talent_id=1 HTTP/1.1\r\nHost: x\r\nX-Big: {'y' * 200_000}\r\n\r\n"
    check_refusal(*raw_exchange(demo.server, request.encode()))


def test_malformed_http(demo):
    check_refusal(*raw_exchange(demo.server, b"GARBAGE\r\n\r\n"))


def test_long_but_parseable_query_is_answered_in_the_envelope(demo):
    response = demo.by_talent("x" * 8_000)
    error(response, 1002002, 400)
