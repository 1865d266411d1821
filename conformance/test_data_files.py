"""`hire-server import` and `export`: round trips, atomic failures naming the JSON path,
JSON Lines, and `serve --data`."""
from __future__ import annotations

import copy
import json
import pathlib

import pytest

from conftest import DATA_FILES, app_api
from fixtures import generate as fx
from harness import FIXTURES, ServerProcess, load_fixture, ok, run_cli


def export(database: str, *args: str) -> str:
    result = run_cli("export", *args, database=database)
    assert result.returncode == 0, result.stderr
    return result.stdout


def import_(database: str, *files) -> None:
    result = run_cli("import", *map(str, files), database=database)
    assert result.returncode == 0, result.stderr


def write(tmp_path: pathlib.Path, name: str, content) -> pathlib.Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def new_db(databases):
    return databases.new


def test_export_import_export_gives_the_same_document(new_db, tmp_path):
    first = new_db()
    import_(first, *DATA_FILES)
    exported = export(first)
    document = json.loads(exported)
    assert document["format"] == "feishu-hire-data/1"
    assert sorted(t["tenant_key"] for t in document["tenants"]) == sorted([fx.ACME_TENANT, fx.globex["tenant_key"]])

    second = new_db()
    import_(second, write(tmp_path, "exported.json", exported))
    assert export(second) == exported


def test_export_never_writes_secrets_in_clear_and_hashed_secrets_still_work(new_db, tmp_path, workdir):
    first = new_db()
    import_(first, *DATA_FILES)
    exported = export(first)
    for app in [fx.ACME_FULL, fx.ACME_SIBLING, fx.ACME_READONLY, fx.ACME_NOSCOPE, fx.GLOBEX_APP]:
        assert app["app_secret"] not in exported
    apps = [app for tenant in json.loads(exported)["tenants"] for app in tenant["apps"]]
    assert all("app_secret" not in app and len(app["app_secret_sha256"]) == 64 for app in apps)

    second = new_db()
    import_(second, write(tmp_path, "exported.json", exported))
    server = ServerProcess(second, workdir, demo=False).start()
    try:
        api = app_api(server, fx.ACME_FULL)
        assert ok(api.by_talent(fx.TALENT_MAIN))["items"]
    finally:
        server.kill()


def test_export_keeps_what_the_api_serves(new_db, tmp_path, workdir):
    """An exported and re-imported tenant answers exactly as the original, derived IDs included."""
    first = new_db()
    import_(first, *DATA_FILES)
    second = new_db()
    import_(second, write(tmp_path, "exported.json", export(first)))
    answers = []
    for database in (first, second):
        server = ServerProcess(database, workdir, demo=False).start()
        try:
            api = app_api(server, fx.ACME_READONLY)
            answers.append([ok(api.by_talent(fx.TALENT_MAIN, user_id_type=t)) for t in ("open_id", "union_id")])
            answers.append(app_api(server, fx.ACME_FULL).list_all())
        finally:
            server.kill()
    assert answers[:2] == answers[2:]


def test_importing_the_same_file_twice_changes_nothing(new_db):
    database = new_db()
    import_(database, *DATA_FILES)
    once = export(database)
    import_(database, *DATA_FILES)
    assert export(database) == once


def test_export_of_one_tenant(new_db):
    database = new_db()
    import_(database, *DATA_FILES)
    document = json.loads(export(database, "--tenant", fx.globex["tenant_key"]))
    assert [t["tenant_key"] for t in document["tenants"]] == [fx.globex["tenant_key"]]


def test_json_lines_import_equals_the_document_import(new_db):
    from_document = new_db()
    import_(from_document, FIXTURES / "globex.json")
    from_lines = new_db()
    import_(from_lines, FIXTURES / "globex.jsonl")
    assert export(from_lines) == export(from_document)


def test_json_lines_export_round_trip(new_db, tmp_path):
    first = new_db()
    import_(first, *DATA_FILES)
    lines = export(first, "--format", "jsonl")
    assert json.loads(lines.splitlines()[0]) == {"format": "feishu-hire-data/1"}
    second = new_db()
    import_(second, write(tmp_path, "exported.jsonl", lines))
    assert export(second, "--format", "jsonl") == lines
    assert export(second) == export(first)


# --- Files with an error change nothing and name the JSON path -----------------------------


def broken_acme(mutate) -> dict:
    document = load_fixture("acme.json")
    mutate(document["tenants"][0])
    return document


BROKEN = [
    ("unknown interviewer user", lambda t: t["interviewers"].append({"user_id": "ghost", "verify_status": 1}),
     "interviewers", "ghost"),
    ("unknown creator", lambda t: t["interviews"][0]["creator"].update(user_id="ghost"),
     "creator", "ghost"),
    ("unknown job level", lambda t: t["interviews"][0]["interview_record_list"][0].update(min_job_level_id="jl_x"),
     "min_job_level_id", "jl_x"),
    ("unknown application", lambda t: t["interviews"][0].update(application_id="nope"),
     "application_id", "nope"),
    ("unknown talent", lambda t: t["applications"][0].update(talent_id="nope"), "talent_id", "nope"),
    ("duplicate user", lambda t: t["users"].append(copy.deepcopy(t["users"][0])), "users", "acme_ann"),
    ("duplicate interview record", lambda t: t["interviews"][2]["interview_record_list"][0].update(id="acme-rec-1"),
     "interview_record_list", "acme-rec-1"),
    ("wrong type", lambda t: t["interviews"][0].update(begin_time="yesterday"), "begin_time", None),
    ("verify_status 3", lambda t: t["interviewers"][0].update(verify_status=3), "verify_status", None),
    ("unknown member", lambda t: t["talents"][0].update(colour="blue"), "colour", None),
    ("record user_id given", lambda t: t["interviews"][0]["interview_record_list"][0].update(user_id="x"),
     "user_id", None),
]


@pytest.mark.parametrize("mutate,path_part,mention", [(m, p, w) for _, m, p, w in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_file_with_an_error_changes_nothing_and_names_the_path(new_db, tmp_path, mutate, path_part, mention):
    database = new_db()
    import_(database, FIXTURES / "globex.json")
    before = export(database)
    # The broken file also changes Globex, which must not happen either.
    document = broken_acme(mutate)
    globex = copy.deepcopy(fx.globex)
    globex["name"] = "Globex Renamed"
    document["tenants"].insert(0, globex)
    path = write(tmp_path, "broken.json", document)
    result = run_cli("import", str(path), database=database)
    assert result.returncode != 0
    message = result.stderr + result.stdout
    assert "tenants" in message and path_part in message, message
    if mention:
        assert mention in message, message
    assert export(database) == before


@pytest.mark.parametrize("content,mention", [
    ("", None),
    ("{", None),
    ("[]", None),
    ('{"tenants": []}', "format"),
    ('{"format": "feishu-hire-data/2", "tenants": []}', "format"),
    ('{"format": "feishu-hire-data/1"}', "tenants"),
    ('{"format": "feishu-hire-data/1", "tenants": [{"name": "no key"}]}', "tenant_key"),
])
def test_malformed_documents_are_refused(new_db, tmp_path, content, mention):
    database = new_db()
    import_(database, FIXTURES / "globex.json")
    before = export(database)
    result = run_cli("import", str(write(tmp_path, "bad.json", content)), database=database)
    assert result.returncode != 0
    if mention:
        assert mention in result.stderr, result.stderr
    assert export(database) == before


def test_json_lines_error_names_the_line_and_changes_nothing(new_db, tmp_path):
    database = new_db()
    before = export(database)
    lines = (FIXTURES / "globex.jsonl").read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[-1])
    kind = next(k for k in bad if k != "tenant_key")
    bad[kind]["user_id" if kind == "interviewer" else "id"] = "ghost"
    lines.append(json.dumps(bad))
    result = run_cli("import", str(write(tmp_path, "bad.jsonl", "\n".join(lines) + "\n")), database=database)
    assert result.returncode != 0
    assert f"line {len(lines)}" in result.stderr, result.stderr
    assert export(database) == before


def test_json_lines_without_header_is_refused(new_db, tmp_path):
    database = new_db()
    lines = (FIXTURES / "globex.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    result = run_cli("import", str(write(tmp_path, "headless.jsonl", "\n".join(lines) + "\n")), database=database)
    assert result.returncode != 0
    assert "line 1" in result.stderr and "format" in result.stderr, result.stderr
    assert json.loads(export(database))["tenants"] == []


def test_serve_with_a_broken_data_file_fails_and_names_the_path(new_db, tmp_path, workdir):
    path = write(tmp_path, "broken.json", broken_acme(
        lambda t: t["interviewers"].append({"user_id": "ghost", "verify_status": 1})))
    server = ServerProcess(new_db(), workdir, data=[path], demo=False)
    with pytest.raises(RuntimeError) as raised:
        server.start(timeout=60)
    assert "ghost" in str(raised.value) and "interviewers" in str(raised.value)


def test_serve_data_skips_the_demo(data_server):
    from conftest import DEMO_APP_ID, DEMO_APP_SECRET
    from harness import Api, TOKEN_PATH
    body = Api(data_server).request("POST", TOKEN_PATH, token=None,
                                    json={"app_id": DEMO_APP_ID, "app_secret": DEMO_APP_SECRET}).json()
    assert body["code"] == 10014


def test_interviewer_update_time_from_the_file_is_used(data_server):
    api = app_api(data_server, fx.ACME_FULL)
    # ann's update_time is BASE_TIME - 1: only she is at or before it.
    items = ok(api.list(latest_update_time=str(fx.BASE_TIME - 1), user_id_type="user_id"))["items"]
    assert items == [{"user_id": "acme_ann", "verify_status": 2}]


def test_round_trip_after_patches(servers, new_db, tmp_path, workdir):
    """What clients set through the API exports, and imports into an empty store the same."""
    server = servers.start(data=DATA_FILES)
    api = app_api(server, fx.ACME_FULL)
    api.set_status("acme_nobody", 2, user_id_type="user_id")
    api.set_status("acme_p00", 3 - api.current_status("acme_p00", user_id_type="user_id"), user_id_type="user_id")
    listed = api.list_all(user_id_type="user_id")
    server.stop()
    exported = export(server.database)
    assert '"acme_nobody"' in exported

    second = new_db()
    import_(second, write(tmp_path, "exported.json", exported))
    assert export(second) == exported
    copy_server = servers.start(database=second, demo=False)
    assert app_api(copy_server, fx.ACME_FULL).list_all(user_id_type="user_id") == listed


def test_interviewer_update_time_defaults_to_the_import_time(new_db, tmp_path, workdir):
    import time
    document = copy.deepcopy(load_fixture("globex.json"))
    del document["tenants"][0]["interviewers"][0]["update_time"]
    database = new_db()
    before = int(time.time() * 1000)
    import_(database, write(tmp_path, "globex-now.json", document))
    after = int(time.time() * 1000)
    server = ServerProcess(database, workdir, demo=False).start()
    try:
        api = app_api(server, fx.GLOBEX_APP)
        items = ok(api.list(earliest_update_time=str(before - 1000), latest_update_time=str(after + 1000),
                            user_id_type="user_id"))["items"]
        assert items == [{"user_id": "globex_gil", "verify_status": 2}]
    finally:
        server.kill()


def big_jsonl(path: pathlib.Path, interviews: int) -> pathlib.Path:
    tenant = "b16b16b16b16b16b"
    with path.open("w", encoding="utf-8") as out:
        def line(value):
            out.write(json.dumps(value, ensure_ascii=False) + "\n")
        line({"format": "feishu-hire-data/1"})
        line({"tenant": {"tenant_key": tenant, "name": "Big"}})
        line({"tenant_key": tenant, "app": {"app_id": "cli_c000000000000001", "app_secret": "B" * 32,
                                            "scopes": ["hire:interview:readonly"]}})
        line({"tenant_key": tenant, "user": {"user_id": "u1", "name": {"zh_cn": "一", "en_us": "One"}}})
        line({"tenant_key": tenant, "talent": {"talent_id": "T1"}})
        for application in range(interviews // 10):
            line({"tenant_key": tenant, "application": {"application_id": f"A{application}", "talent_id": "T1"}})
        for index in range(interviews):
            line({"tenant_key": tenant, "interview": {
                "id": f"I{index}", "application_id": f"A{index // 10}", "begin_time": index, "remark": "r" * 300,
                "creator": {"user_id": "u1"},
                "interview_record_list": [{"id": f"R{index}", "content": "c" * 300, "interviewer": {"user_id": "u1"}}]}})
    return path


def import_peak_memory_kib(database: str, path: pathlib.Path) -> int:
    """Peak resident memory of `hire-server import`, from its /proc VmHWM while it runs.

    (The rusage of a child forked from this Python process counts Python's own pages.)
    """
    import subprocess
    import time
    from harness import _server_env, server_binary

    process = subprocess.Popen([str(server_binary()), "import", str(path), "--database", database],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_server_env())
    peak = 0
    status_file = pathlib.Path(f"/proc/{process.pid}/status")
    while process.poll() is None:
        try:
            for line in status_file.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
        time.sleep(0.02)
    assert process.returncode == 0, process.stderr.read()
    assert peak > 0
    return peak


def test_json_lines_import_memory_does_not_grow_with_the_file(new_db, tmp_path):
    """data-format.md: JSON Lines "must import with memory that does not grow with the file"."""
    small = import_peak_memory_kib(new_db(), big_jsonl(tmp_path / "small.jsonl", 1_000))
    large_file = big_jsonl(tmp_path / "large.jsonl", 8_000)
    large = import_peak_memory_kib(new_db(), large_file)
    grown_mib = (large - small) / 1024
    file_mib = large_file.stat().st_size / 2 ** 20
    assert grown_mib < max(8.0, file_mib / 2), f"peak memory grew {grown_mib:.1f} MiB for a {file_mib:.1f} MiB file"


def test_apps_and_users_added_later_get_ids(servers, tmp_path):
    """An app imported after the users (and a user after the apps) still sees every user with IDs."""
    server = servers.start(data=DATA_FILES)
    server.stop()
    late_app = {"app_id": "cli_a0000000000000f9", "app_secret": "AcmeLateApp0000000000000000000f9",
                "developer": "dev-late", "scopes": ["hire:interview:readonly", "contact:user.employee_id:readonly"]}
    document = {"format": "feishu-hire-data/1", "tenants": [{
        "tenant_key": fx.ACME_TENANT, "apps": [late_app],
        "users": [{"user_id": "acme_late", "name": {"zh_cn": "迟", "en_us": "Late"}}],
        "interviews": [{"id": "acme-iv-late", "application_id": "acme-app-2", "creator": {"user_id": "acme_late"}}],
    }]}
    import_(server.database, write(tmp_path, "late.json", document))
    server.start()
    for app in (late_app, fx.ACME_FULL):
        api = app_api(server, app)
        for user_id_type, prefix in (("open_id", "ou_"), ("union_id", "on_")):
            data = ok(api.by_talent(fx.TALENT_MAIN, user_id_type=user_id_type))
            users = [interview[key] for item in data["items"] for interview in item["interview_list"]
                     for key in ("creator", "contact_user") if key in interview]
            users += [record["interviewer"] for item in data["items"] for interview in item["interview_list"]
                      for record in interview.get("interview_record_list", [])]
            assert len(users) >= 5
            assert all(user.get("id", "").startswith(prefix) and len(user["id"]) == 35 for user in users), users
