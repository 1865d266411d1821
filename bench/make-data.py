#!/usr/bin/env python3
"""Writes a benchmark data file (feishu-hire-data/1) to stdout.

One tenant "bench" with one app holding every scope, USERS users (all of them
interviewers with distinct update times), and TALENTS talents; talent T0 has
3 applications x 4 interviews x 3 records, shaped like the seed's example.
"""
import json
import sys

from seed_interview import interview, name

USERS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
TALENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000

users = [{"user_id": f"u{i:06d}", "name": name(f"用户{i}", f"User {i}"), "people_admin_id": f"pa{i:06d}"} for i in range(USERS)]
interviewers = [{"user_id": f"u{i:06d}", "verify_status": 1 + i % 2, "update_time": 1_700_000_000_000 + i * 1000} for i in range(USERS)]
talents = [{"talent_id": f"T{i}", "name": f"Talent {i}"} for i in range(TALENTS)]
applications, interviews = [], []
for t in range(TALENTS):
    per_talent = 3 if t == 0 else 1
    for a in range(per_talent):
        app_id = f"A{t}-{a}"
        applications.append({"application_id": app_id, "talent_id": f"T{t}"})
        for n in range(4 if t == 0 else 1):
            iid = f"I{t}-{a}-{n}"
            interviews.append(interview(
                iid, app_id, 1_618_899_376_474 + n * 86_400_000, 1_618_999_376_474 + n * 86_400_000, n,
                [f"u{(t * 7 + r) % USERS:06d}" for r in range(3 if t == 0 else 1)],
                f"u{t % USERS:06d}", f"u{(t + 1) % USERS:06d}"))

json.dump({"format": "feishu-hire-data/1", "tenants": [{
    "tenant_key": "bench", "name": "Bench",
    "apps": [{"app_id": "cli_be0c000000000001", "app_secret": "BenchSecretBenchSecretBenchSecr1",
              "scopes": ["hire:interviewer", "hire:interview:readonly", "contact:user.employee_id:readonly"]}],
    "users": users,
    "job_levels": [{"job_level_id": "p5", "people_admin_job_level_id": "pa5"}, {"job_level_id": "p6", "people_admin_job_level_id": "pa6"}],
    "interviewers": interviewers, "talents": talents, "applications": applications, "interviews": interviews,
}]}, sys.stdout, ensure_ascii=False)
