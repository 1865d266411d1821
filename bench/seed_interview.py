"""The interview of the seed's example, as the benchmark data generators write it."""


def name(zh, en):
    return {"zh_cn": zh, "en_us": en}


def interview(iid, application_id, begin_time, end_time, round, record_interviewers, creator, contact):
    """An interview shaped like the seed's: one record a user ID in `record_interviewers`."""
    return {
        "id": iid, "application_id": application_id, "begin_time": begin_time, "end_time": end_time, "round": round,
        "interview_record_list": [{
            "id": f"R{iid}-{r}", "interviewer": {"user_id": interviewer},
            "content": "逻辑严密，代码质量高", "commit_status": 1, "conclusion": 1 + r % 2,
            "interview_score": {"id": "s3", "level": 3, "zh_name": "3", "zh_description": "通过, 能力达到要求, 建议录用",
                                "en_name": "three", "en_description": "Pass, ability to meet the requirements, suggest to hire"},
            "min_job_level_id": "p5", "max_job_level_id": "p6",
        } for r, interviewer in enumerate(record_interviewers)],
        "stage_id": "634324253532232", "stage": {"id": "634324253532232", "name": name("待入职", "Prehire")},
        "creator": {"user_id": creator}, "contact_user": {"user_id": contact},
        "biz_create_time": 1_618_999_376_474, "biz_modify_time": 1_618_999_376_474, "interview_round_summary": 1,
        "interview_arrangement_id": "634324253532232", "interview_type": 1,
        "talent_time_zone": {"code": "Asia/Shanghai", "name": name("(GMT+08:00) 中国标准时间 - 北京", "(GMT+08:00) China Standard Time - Beijing")},
        "contact_mobile": "13333333333", "remark": "test",
        "address": {"id": "addr", "name": name("中国四川成都天府二街155号", "No. 155, Tianfu 2nd Street, Chengdu, Sichuan, China"),
                    "city": {"code": "CT_1", "name": name("成都", "Chengdu")}},
        "video_type": 1, "arrangement_status": 1, "arrangement_type": 1, "arrangement_appointment_kind": 1,
        "meeting_room_list": [{"room_id": "r1", "room_name": "OCG111", "building_name": "OCG", "reserved_status": 1, "floor_name": "17"}],
        "interview_round_type": {"id": "rt1", "name": name("一面", "Round one")},
    }
