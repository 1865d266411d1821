"""README.md's "Testing your integration": the section shows the files of examples/ unchanged,
and they pass, run as a reader runs them (`HIRE_ADMIN_TOKEN=… pytest` in a directory holding
them), against a server started as the README starts it (the demo, HIRE_ADMIN_TOKEN set)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from harness import REPO

EXAMPLES = REPO / "conformance" / "examples"
SECTION = "## Testing your integration"
README_TOKEN = "admin-secret"  # the admin token the section starts the server with


def readme_section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert text.count(f"\n{SECTION}\n") == 1, f"README.md has no single {SECTION!r} section"
    return text.split(f"\n{SECTION}\n", 1)[1].split("\n## ", 1)[0]


def readme_python_blocks() -> dict[str, str]:
    """The section's Python blocks, by the file name each names on its first line (`# name.py: …`)."""
    blocks = {}
    for block in re.findall(r"^```python\n(.*?)^```$", readme_section(), re.S | re.M):
        name = re.match(r"# (\w+\.py)\b", block)
        assert name, f"a Python block that names no file: {block[:80]!r}"
        assert name.group(1) not in blocks, f"{name.group(1)} shown twice"
        blocks[name.group(1)] = block
    return blocks


def example_files() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.py"))}


def test_the_readme_shows_the_example_files_unchanged():
    blocks, files = readme_python_blocks(), example_files()
    assert sorted(blocks) == sorted(files) and files, (sorted(blocks), sorted(files))
    for name, content in files.items():
        assert blocks[name] == content, f"README.md's {name} differs from conformance/examples/{name}"


def test_the_readme_starts_the_server_the_way_the_examples_expect():
    section = readme_section()
    assert f"HIRE_ADMIN_TOKEN={README_TOKEN} swift run hire-server" in section
    assert f"HIRE_ADMIN_TOKEN={README_TOKEN} pytest" in section


def run_examples(directory, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider"],
                          cwd=directory, env=env, capture_output=True, text=True, timeout=600)


def test_the_readme_examples_pass_against_a_server(servers, tmp_path):
    token = README_TOKEN
    server = servers.start(env={"HIRE_ADMIN_TOKEN": token})
    reader = tmp_path / "reader"
    reader.mkdir()
    for name in example_files():
        shutil.copy(EXAMPLES / name, reader / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HIRE_", "FEISHU_", "PYTEST_"))}
    env.update(HIRE_ADMIN_TOKEN=token, FEISHU_BASE_URL=server.base_url, PYTHONDONTWRITEBYTECODE="1")
    tests = len(re.findall(r"^def test_", example_files()["test_interviews.py"], re.M))
    assert tests >= 3
    # Twice: the fixture puts back whatever the first run left (a moved clock, faults, changes).
    for run in range(2):
        result = run_examples(reader, env)
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"run {run + 1}:\n{output[-6000:]}\n{server.output()}"
        assert re.search(rf"\b{tests} passed\b", result.stdout), output[-3000:]
