/// The demo tenant loaded into an empty store: exactly the entities of the
/// seeds' examples, so their curl and SDK calls work as written.
package enum DemoData {
    package static let tenantKey = "736588c9260f175d"
    package static let appID = "cli_a1b2c3d4e5f60718"
    /// Public on purpose: the demo is for local development only.
    package static let appSecret = "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6"
    package static let talentID = "6949805467799537964"
    /// The interviewer of the PATCH example, as the demo app's open_id.
    package static let interviewerOpenID = "ou_7dab8a3d3cdcc9da365777c7ad535d62"

    /// The data file, in `feishu-hire-data/1`.
    package static let document = #"""
        {
          "format": "feishu-hire-data/1",
          "tenants": [
            {
              "tenant_key": "736588c9260f175d",
              "name": "Demo Corp",
              "apps": [
                {
                  "app_id": "cli_a1b2c3d4e5f60718",
                  "app_secret": "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6",
                  "name": "Recruiting sync",
                  "developer": "dev-acme",
                  "scopes": ["hire:interviewer", "hire:interview:readonly", "contact:user.employee_id:readonly"]
                }
              ],
              "users": [
                {
                  "user_id": "u_duanyu",
                  "name": {"zh_cn": "段誉", "en_us": "Yu Duan"},
                  "people_admin_id": "7012345678901234567",
                  "open_ids": {"cli_a1b2c3d4e5f60718": "ou_266ed047ed37f24554e5a0afdbb15556"},
                  "union_ids": {"dev-acme": "on_8ed6aa67826108097d9ee143816345"}
                },
                {
                  "user_id": "u_wangyuyan",
                  "name": {"zh_cn": "王语嫣", "en_us": "Yuyan Wang"},
                  "open_ids": {"cli_a1b2c3d4e5f60718": "ou_7dab8a3d3cdcc9da365777c7ad535d62"}
                }
              ],
              "interview_round_types": [
                {
                  "id": "6949805467799537964",
                  "name": {"zh_cn": "一面", "en_us": "Round one"},
                  "process_type": 1,
                  "active_status": 1
                }
              ],
              "talents": [
                {"talent_id": "6949805467799537964", "name": "张三"}
              ],
              "applications": [
                {"application_id": "6949805467799537964", "talent_id": "6949805467799537964"}
              ],
              "interviews": [
                {
                  "id": "6949805467799537964",
                  "begin_time": 1618899376474,
                  "end_time": 1618999376474,
                  "round": 0,
                  "interview_record_list": [
                    {
                      "id": "6949805467799537964",
                      "content": "逻辑严密，代码质量高",
                      "commit_status": 1,
                      "conclusion": 1,
                      "interview_score": {
                        "id": "6949805467799537964",
                        "level": 3,
                        "zh_name": "3",
                        "zh_description": "通过, 能力达到要求, 建议录用",
                        "en_name": "three",
                        "en_description": "Pass, ability to meet the requirements, suggest to hire"
                      },
                      "interviewer": {"user_id": "u_duanyu"}
                    }
                  ],
                  "stage_id": "634324253532232",
                  "application_id": "6949805467799537964",
                  "stage": {"id": "634324253532232", "name": {"zh_cn": "待入职", "en_us": "Prehire"}},
                  "creator": {"user_id": "u_duanyu"},
                  "biz_create_time": 1618999376474,
                  "biz_modify_time": 1618999376474,
                  "interview_round_summary": 1,
                  "interview_arrangement_id": "634324253532232",
                  "interview_type": 1,
                  "talent_time_zone": {
                    "code": "Asia/Shanghai",
                    "name": {"zh_cn": "(GMT+08:00) 中国标准时间 - 北京", "en_us": "(GMT+08:00) China Standard Time - Beijing"}
                  },
                  "contact_user": {"user_id": "u_duanyu"},
                  "contact_mobile": "13333333333",
                  "remark": "test",
                  "address": {
                    "id": "6949805467799537964",
                    "name": {"zh_cn": "中国四川成都天府二街155号", "en_us": "No. 155, Tianfu 2nd Street, Chengdu, Sichuan, China"},
                    "district": {"code": "DS_1", "name": {"zh_cn": "武侯区", "en_us": "Wuhou"}},
                    "city": {"code": "CT_1", "name": {"zh_cn": "成都", "en_us": "Chengdu"}},
                    "state": {"code": "ST_1", "name": {"zh_cn": "四川省", "en_us": "SiChuan"}},
                    "country": {"code": "CN_1", "name": {"zh_cn": "中国", "en_us": "China"}}
                  },
                  "video_type": 1,
                  "arrangement_status": 1,
                  "arrangement_type": 1,
                  "arrangement_appointment_kind": 1,
                  "meeting_room_list": [
                    {"room_id": "6949805467799537964", "room_name": "OCG111", "building_name": "OCG", "reserved_status": 1, "floor_name": "17"}
                  ],
                  "interview_round_type": {"id": "6949805467799537964", "name": {"zh_cn": "一面", "en_us": "Round one"}}
                }
              ]
            }
          ]
        }
        """#
}
