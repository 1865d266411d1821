# interviews.py: the code under test, which reads a talent's interviews with lark-oapi
import time

import lark_oapi as lark
from lark_oapi.api.hire.v1 import GetByTalentInterviewRequest
from lark_oapi.core.token.manager import TokenManager

RETRIED = {1002001, 99991400}  # a fault of the server, the rate limit


def interviews_of(client: lark.Client, talent_id: str, attempts: int = 3) -> list:
    for attempt in range(attempts):
        response = client.hire.v1.interview.get_by_talent(
            GetByTalentInterviewRequest.builder().talent_id(talent_id).user_id_type("open_id").build())
        if response.success():
            return response.data.items or []
        if response.code == 99991663:
            # An expired or revoked token, which lark-oapi keeps in its cache: forget it,
            # and the SDK fetches a new one for the next call.
            TokenManager.cache.set(f"self_tenant_token:{client.config.app_id}", "", 0)
            continue
        if response.code not in RETRIED:
            break
        time.sleep(0.1 * 2 ** attempt)
    raise RuntimeError(f"get_by_talent: {response.code} {response.msg} (log id {response.get_log_id()})")
