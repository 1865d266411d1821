"""What the server writes to its output: structured logs that never hold a secret or a token."""
from __future__ import annotations

from conftest import DATA_FILES, app_api
from fixtures import generate as fx
from harness import error, ok


def test_logs_at_trace_level_hold_no_secret_and_no_token(servers):
    server = servers.start(data=DATA_FILES, demo=False, extra=["--log-level", "trace"])
    api = app_api(server, fx.ACME_FULL)
    token = api.token()
    ok(api.list())
    error(api.list(token=token[:-1] + ("0" if token[-1] != "0" else "1")), 99991663, 400)
    error(api.by_talent("no-such-talent"), 1002002, 400)
    wrong = api.request("POST", "/open-apis/auth/v3/tenant_access_token/internal", token=None,
                        json={"app_id": fx.ACME_FULL["app_id"], "app_secret": fx.ACME_FULL["app_secret"] + "x"})
    assert wrong.json()["code"] == 10014
    assert server.stop() == 0
    output = server.stdout_path.read_text(errors="replace") + server.stderr_path.read_text(errors="replace")
    assert "trace" in output or "debug" in output or "info" in output, output[:500]
    for secret in [fx.ACME_FULL["app_secret"], token, token[2:]]:
        assert secret not in output, f"{secret[:6]}… appears in the server's output"
    assert "Bearer" not in output
