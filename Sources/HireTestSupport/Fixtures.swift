/// Data files for tests: two tenants whose IDs overlap, apps with different
/// scopes and developers, users with pinned and derived IDs, job levels, and
/// a talent with interviews in two applications.
package enum Fixtures {
    package static let acmeTenant = "acme0000000000001"
    /// All scopes, developer `dev-acme`.
    package static let acmeApp = "cli_acac000000000001"
    package static let acmeSecret = "AcmeSecretAcmeSecretAcmeSecret01"
    /// Only `hire:interview:readonly`, developer `dev-acme` (shares union_ids with ``acmeApp``).
    package static let acmeReader = "cli_acac000000000002"
    package static let acmeReaderSecret = "AcmeReaderSecretAcmeReaderSecr02"
    /// `hire:interviewer` without the user_id field scope, developer `dev-other`.
    package static let acmeOther = "cli_acac000000000003"
    package static let acmeOtherSecret = "AcmeOtherSecretAcmeOtherSecret03"
    package static let globexTenant = "globex00000000001"
    package static let globexApp = "cli_9b0b000000000001"
    package static let globexSecret = "GlobexSecretGlobexSecretGlobex01"

    /// Acme: users alice (pinned open_id for acmeApp, people_admin_id), bob, carol, dave (derived IDs);
    /// talent T1 with applications A1 (two interviews) and A2 (one); talent T2 with none; interview
    /// round types RT2 (campus, active) then RT1 (social, inactive, with an assessment template).
    package static let acme = #"""
        {
          "format": "feishu-hire-data/1",
          "tenants": [{
            "tenant_key": "acme0000000000001",
            "name": "Acme",
            "apps": [
              {"app_id": "cli_acac000000000001", "app_secret": "AcmeSecretAcmeSecretAcmeSecret01", "name": "Acme sync",
               "developer": "dev-acme", "scopes": ["hire:interviewer", "hire:interview", "contact:user.employee_id:readonly"]},
              {"app_id": "cli_acac000000000002", "app_secret": "AcmeReaderSecretAcmeReaderSecr02",
               "developer": "dev-acme", "scopes": ["hire:interview:readonly"]},
              {"app_id": "cli_acac000000000003", "app_secret": "AcmeOtherSecretAcmeOtherSecret03",
               "developer": "dev-other", "scopes": ["hire:interviewer", "hire:interview:readonly"]}
            ],
            "users": [
              {"user_id": "alice", "name": {"zh_cn": "爱丽丝", "en_us": "Alice"}, "people_admin_id": "pa-alice",
               "open_ids": {"cli_acac000000000001": "ou_a11ce000000000000000000000000001"},
               "union_ids": {"dev-acme": "on_a11ce000000000000000000000000001"}},
              {"user_id": "bob", "name": {"en_us": "Bob"}},
              {"user_id": "carol", "name": {"zh_cn": "卡罗尔", "en_us": "Carol"}, "people_admin_id": "pa-carol"},
              {"user_id": "dave"}
            ],
            "job_levels": [
              {"job_level_id": "p5", "people_admin_job_level_id": "pa-level-5", "name": {"zh_cn": "P5", "en_us": "P5"}},
              {"job_level_id": "p6", "name": {"en_us": "P6"}}
            ],
            "interviewers": [
              {"user_id": "bob", "verify_status": 2, "update_time": 1700000000000},
              {"user_id": "carol", "verify_status": 1, "update_time": 1700000000000}
            ],
            "interview_round_types": [
              {"id": "RT2", "biz_id": "RB2", "name": {"zh_cn": "校招一面", "en_us": "Campus round one"},
               "process_type": 2, "active_status": 1},
              {"id": "RT1", "biz_id": "RB1", "name": {"zh_cn": "一面", "en_us": "Round one"},
               "process_type": 1, "active_status": 2,
               "interview_assessment_template_info": {"id": "AT1", "biz_id": "AB1", "name": {"zh_cn": "通用", "en_us": "General"}}}
            ],
            "talents": [
              {"talent_id": "T1", "name": "Talent One"},
              {"talent_id": "T2"}
            ],
            "applications": [
              {"application_id": "A2", "talent_id": "T1"},
              {"application_id": "A1", "talent_id": "T1"}
            ],
            "interviews": [
              {"id": "I2", "application_id": "A1", "begin_time": 1700000200000, "end_time": 1700000300000, "round": 2,
               "creator": {"user_id": "carol"},
               "interview_record_list": [
                 {"id": "R3", "interviewer": {"user_id": "bob"}, "commit_status": 2, "conclusion": 4}
               ]},
              {"id": "I1", "application_id": "A1", "begin_time": 1700000000000, "end_time": 1700000100000, "round": 1,
               "creator": {"user_id": "alice"}, "contact_user": {"user_id": "bob"}, "remark": "first",
               "interview_record_list": [
                 {"id": "R1", "interviewer": {"user_id": "alice"}, "content": "solid", "commit_status": 1, "conclusion": 1,
                  "min_job_level_id": "p5", "max_job_level_id": "p6",
                  "assessment_score": {"calculate_type": 1, "score": 4.5, "full_score": 5}},
                 {"id": "R2", "interviewer": {"user_id": "carol"}, "content": "ok", "commit_status": 1, "conclusion": 2,
                  "min_job_level_id": "p5", "max_job_level_id": "p5"}
               ]},
              {"id": "I3", "application_id": "A2", "begin_time": 1700000400000, "round": 1, "creator": {"user_id": "dave"},
               "interview_record_list": []}
            ]
          }]
        }
        """#

    /// Globex: another tenant reusing Acme's user, talent and application IDs.
    package static let globex = #"""
        {
          "format": "feishu-hire-data/1",
          "tenants": [{
            "tenant_key": "globex00000000001",
            "name": "Globex",
            "apps": [
              {"app_id": "cli_9b0b000000000001", "app_secret": "GlobexSecretGlobexSecretGlobex01",
               "scopes": ["hire:interviewer", "hire:interview:readonly", "contact:user.employee_id:readonly"]}
            ],
            "users": [{"user_id": "alice", "name": {"en_us": "Alice of Globex"}}, {"user_id": "zed"}],
            "talents": [{"talent_id": "T1"}],
            "applications": [{"application_id": "A1", "talent_id": "T1"}],
            "interviews": [
              {"id": "I1", "application_id": "A1", "begin_time": 1, "creator": {"user_id": "zed"},
               "interview_record_list": [{"id": "R1", "interviewer": {"user_id": "zed"}}]}
            ]
          }]
        }
        """#
}
