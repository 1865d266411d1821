#!/usr/bin/env python3
"""Writes a benchmark data file (feishu-hire-data/1) to stdout.

One tenant "bench" with one app holding every scope, USERS users (all of them
interviewers with distinct update times), and TALENTS talents; talent T0 has
3 applications x 4 interviews x 3 records, shaped like the seed's example.
"""
import json
import sys

USERS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
TALENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000

name = lambda zh, en: {"zh_cn": zh, "en_us": en}
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
            interviews.append({
                "id": iid, "application_id": app_id, "begin_time": 1_618_899_376_474 + n * 86_400_000,
                "end_time": 1_618_999_376_474 + n * 86_400_000, "round": n,
                "interview_record_list": [{
                    "id": f"R{iid}-{r}", "interviewer": {"user_id": f"u{(t * 7 + r) % USERS:06d}"},
                    "content": "逻辑严密，代码质量高", "commit_status": 1, "conclusion": 1 + r % 2,
                    "interview_score": {"id": "s3", "level": 3, "zh_name": "3", "zh_description": "通过, 能力达到要求, 建议录用",
                                        "en_name": "three", "en_description": "Pass, ability to meet the requirements, suggest to hire"},
                    "min_job_level_id": "p5", "max_job_level_id": "p6",
                } for r in range(3 if t == 0 else 1)],
                "stage_id": "634324253532232", "stage": {"id": "634324253532232", "name": name("待入职", "Prehire")},
                "creator": {"user_id": f"u{t % USERS:06d}"}, "contact_user": {"user_id": f"u{(t + 1) % USERS:06d}"},
                "biz_create_time": 1_618_999_376_474, "biz_modify_time": 1_618_999_376_474, "interview_round_summary": 1,
                "interview_arrangement_id": "634324253532232", "interview_type": 1,
                "talent_time_zone": {"code": "Asia/Shanghai", "name": name("(GMT+08:00) 中国标准时间 - 北京", "(GMT+08:00) China Standard Time - Beijing")},
                "contact_mobile": "13333333333", "remark": "test",
                "address": {"id": "addr", "name": name("中国四川成都天府二街155号", "No. 155, Tianfu 2nd Street, Chengdu, Sichuan, China"),
                            "city": {"code": "CT_1", "name": name("成都", "Chengdu")}},
                "video_type": 1, "arrangement_status": 1, "arrangement_type": 1, "arrangement_appointment_kind": 1,
                "meeting_room_list": [{"room_id": "r1", "room_name": "OCG111", "building_name": "OCG", "reserved_status": 1, "floor_name": "17"}],
                "interview_round_type": {"id": "rt1", "name": name("一面", "Round one")},
            })

json.dump({"format": "feishu-hire-data/1", "tenants": [{
    "tenant_key": "bench", "name": "Bench",
    "apps": [{"app_id": "cli_be0c000000000001", "app_secret": "BenchSecretBenchSecretBenchSecr1",
              "scopes": ["hire:interviewer", "hire:interview:readonly", "contact:user.employee_id:readonly"]}],
    "users": users,
    "job_levels": [{"job_level_id": "p5", "people_admin_job_level_id": "pa5"}, {"job_level_id": "p6", "people_admin_job_level_id": "pa6"}],
    "interviewers": interviewers, "talents": talents, "applications": applications, "interviews": interviews,
}]}, sys.stdout, ensure_ascii=False)
