#!/usr/bin/env python3
"""Writes the scale data set of BENCHMARKS.md (feishu-hire-data/1) to stdout.

    bench/make-dataset.py [TALENTS=20000] [--jsonl] [--users N=2000] [--seed S=1]

One tenant "bench" with one app holding every scope, N users (all interviewers),
two job levels, and TALENTS random talents, each with 1-3 applications x 1-3
interviews x 1-2 records shaped like the seed's example (about 4 interviews and
6 records a talent: 20,000 talents make about 80k interviews and 120k records,
a JSON document of about 130 MB). The same seed writes the same file. The JSON
document and JSON Lines forms hold the same entities; the document is written
as it is generated, so memory stays small at any size.
"""
import json
import random
import sys

from seed_interview import interview, name

args = [a for a in sys.argv[1:] if not a.startswith("--")]
flags = sys.argv[1:]
TALENTS = int(args[0]) if args else 20000
USERS = int(flags[flags.index("--users") + 1]) if "--users" in flags else 2000
SEED = int(flags[flags.index("--seed") + 1]) if "--seed" in flags else 1
JSONL = "--jsonl" in flags
TENANT = "bench"
rng = random.Random(SEED)
out = sys.stdout
dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))

# The talents' applications and interviews, drawn once so both passes of a document agree.
plan = []
for t in range(TALENTS):
    plan.append([[rng.randint(1, 2) for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(1, 3))])


def talent_interview(t, a, n, records):
    return interview(
        f"I{t}-{a}-{n}", f"A{t}-{a}", 1_618_899_376_474 + (t * 9 + n) * 60_000, 1_618_902_976_474 + (t * 9 + n) * 60_000, n,
        [f"u{(t * 7 + r) % USERS:06d}" for r in range(records)], f"u{t % USERS:06d}", f"u{(t + 1) % USERS:06d}")


def collections():
    yield "apps", [{"app_id": "cli_be0c000000000001", "app_secret": "BenchSecretBenchSecretBenchSecr1",
                    "scopes": ["hire:interviewer", "hire:interview:readonly", "contact:user.employee_id:readonly"]}]
    yield "users", ({"user_id": f"u{i:06d}", "name": name(f"用户{i}", f"User {i}"), "people_admin_id": f"pa{i:06d}"}
                    for i in range(USERS))
    yield "job_levels", [{"job_level_id": "p5", "people_admin_job_level_id": "pa5"},
                         {"job_level_id": "p6", "people_admin_job_level_id": "pa6"}]
    yield "interviewers", ({"user_id": f"u{i:06d}", "verify_status": 1 + i % 2, "update_time": 1_700_000_000_000 + i * 1000}
                           for i in range(USERS))
    yield "talents", ({"talent_id": f"T{t}", "name": f"Talent {t}"} for t in range(TALENTS))
    yield "applications", ({"application_id": f"A{t}-{a}", "talent_id": f"T{t}"}
                           for t in range(TALENTS) for a in range(len(plan[t])))
    yield "interviews", (talent_interview(t, a, n, records)
                         for t in range(TALENTS) for a, interviews in enumerate(plan[t]) for n, records in enumerate(interviews))


KINDS = {"apps": "app", "users": "user", "job_levels": "job_level", "interviewers": "interviewer",
         "talents": "talent", "applications": "application", "interviews": "interview"}
if JSONL:
    out.write(dump({"format": "feishu-hire-data/1"}) + "\n")
    out.write(dump({"tenant": {"tenant_key": TENANT, "name": "Bench"}}) + "\n")
    for collection, items in collections():
        for item in items:
            out.write(dump({"tenant_key": TENANT, KINDS[collection]: item}) + "\n")
else:
    out.write('{"format":"feishu-hire-data/1","tenants":[{"tenant_key":"bench","name":"Bench"')
    for collection, items in collections():
        out.write(f',"{collection}":[')
        for index, item in enumerate(items):
            out.write(("," if index else "") + "\n" + dump(item))
        out.write("]")
    out.write("}]}\n")
