import GRDB

/// The SQLite schema, as versioned migrations. Never edit a shipped migration: add one.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: tenants, identities, tokens, hiring data") { db in
            try db.execute(sql: """
                CREATE TABLE server_keys (
                    name TEXT PRIMARY KEY,
                    key BLOB NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE tenants (
                    tenant_key TEXT PRIMARY KEY,
                    name TEXT,
                    -- bumped by every interviewer change; list snapshots read at a revision
                    revision INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;

                CREATE TABLE apps (
                    app_id TEXT PRIMARY KEY,
                    tenant_key TEXT NOT NULL REFERENCES tenants(tenant_key),
                    name TEXT,
                    developer TEXT NOT NULL,
                    secret_sha256 TEXT NOT NULL,
                    scopes TEXT NOT NULL -- space-separated, in the order given
                ) WITHOUT ROWID;
                CREATE INDEX apps_by_tenant ON apps(tenant_key, app_id);

                CREATE TABLE users (
                    id INTEGER PRIMARY KEY,
                    tenant_key TEXT NOT NULL REFERENCES tenants(tenant_key),
                    user_id TEXT NOT NULL,
                    name TEXT, -- canonical JSON {zh_cn, en_us}
                    people_admin_id TEXT,
                    UNIQUE (tenant_key, user_id)
                );
                CREATE UNIQUE INDEX users_by_people_admin_id ON users(tenant_key, people_admin_id)
                    WHERE people_admin_id IS NOT NULL;

                -- open_ids (namespace: app_id) and union_ids (namespace: developer)
                CREATE TABLE user_ids (
                    tenant_key TEXT NOT NULL,
                    id_type TEXT NOT NULL,
                    namespace TEXT NOT NULL,
                    external_id TEXT NOT NULL,
                    user_row INTEGER NOT NULL REFERENCES users(id),
                    pinned INTEGER NOT NULL,
                    PRIMARY KEY (tenant_key, id_type, namespace, external_id)
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX user_ids_by_user ON user_ids(user_row, id_type, namespace);

                CREATE TABLE access_tokens (
                    token_hash TEXT PRIMARY KEY,
                    app_id TEXT NOT NULL REFERENCES apps(app_id),
                    secret_sha256 TEXT NOT NULL,
                    nonce BLOB NOT NULL,
                    issued_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX access_tokens_by_app ON access_tokens(app_id, expires_at);
                CREATE INDEX access_tokens_by_expiry ON access_tokens(expires_at);

                CREATE TABLE job_levels (
                    tenant_key TEXT NOT NULL REFERENCES tenants(tenant_key),
                    job_level_id TEXT NOT NULL,
                    people_admin_job_level_id TEXT,
                    name TEXT,
                    PRIMARY KEY (tenant_key, job_level_id)
                ) WITHOUT ROWID;

                CREATE TABLE talents (
                    tenant_key TEXT NOT NULL REFERENCES tenants(tenant_key),
                    talent_id TEXT NOT NULL,
                    name TEXT,
                    PRIMARY KEY (tenant_key, talent_id)
                ) WITHOUT ROWID;

                CREATE TABLE applications (
                    tenant_key TEXT NOT NULL,
                    application_id TEXT NOT NULL,
                    talent_id TEXT NOT NULL,
                    PRIMARY KEY (tenant_key, application_id),
                    FOREIGN KEY (tenant_key, talent_id) REFERENCES talents(tenant_key, talent_id)
                ) WITHOUT ROWID;
                CREATE INDEX applications_by_talent ON applications(tenant_key, talent_id, application_id);

                CREATE TABLE interviews (
                    tenant_key TEXT NOT NULL,
                    interview_id TEXT NOT NULL,
                    application_id TEXT NOT NULL,
                    begin_time INTEGER,
                    body TEXT NOT NULL, -- canonical JSON of the interview's own members
                    creator_row INTEGER REFERENCES users(id),
                    contact_row INTEGER REFERENCES users(id),
                    PRIMARY KEY (tenant_key, interview_id),
                    FOREIGN KEY (tenant_key, application_id) REFERENCES applications(tenant_key, application_id)
                ) WITHOUT ROWID;
                CREATE INDEX interviews_by_application
                    ON interviews(tenant_key, application_id, begin_time, interview_id);

                CREATE TABLE interview_records (
                    tenant_key TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    interview_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    body TEXT NOT NULL, -- canonical JSON of the record's own members
                    interviewer_row INTEGER REFERENCES users(id),
                    min_job_level_id TEXT,
                    max_job_level_id TEXT,
                    PRIMARY KEY (tenant_key, record_id),
                    FOREIGN KEY (tenant_key, interview_id) REFERENCES interviews(tenant_key, interview_id)
                ) WITHOUT ROWID;
                CREATE INDEX interview_records_by_interview ON interview_records(tenant_key, interview_id, position);

                CREATE TABLE interviewers (
                    tenant_key TEXT NOT NULL,
                    user_row INTEGER NOT NULL REFERENCES users(id),
                    user_id TEXT NOT NULL, -- users.user_id, here for the list order
                    verify_status INTEGER NOT NULL,
                    update_time INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    PRIMARY KEY (tenant_key, user_row)
                ) WITHOUT ROWID;
                CREATE INDEX interviewers_by_update ON interviewers(tenant_key, update_time, user_id);

                -- superseded interviewer states, kept while a page token may read them
                CREATE TABLE interviewer_history (
                    tenant_key TEXT NOT NULL,
                    user_row INTEGER NOT NULL,
                    user_id TEXT NOT NULL,
                    verify_status INTEGER NOT NULL,
                    update_time INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    superseded_revision INTEGER NOT NULL,
                    superseded_at INTEGER NOT NULL
                );
                CREATE INDEX interviewer_history_by_snapshot
                    ON interviewer_history(tenant_key, superseded_revision, update_time, user_id);
                CREATE INDEX interviewer_history_by_age ON interviewer_history(superseded_at);
                """)
        }
        migrator.registerMigration("v2: snapshots") { db in
            try db.execute(sql: """
                CREATE TABLE snapshots (
                    name TEXT PRIMARY KEY,
                    tenants TEXT NOT NULL, -- JSON array of tenant keys
                    all_tenants INTEGER NOT NULL,
                    created_ms INTEGER NOT NULL,
                    data BLOB NOT NULL -- the tenants as a JSON Lines data file
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3: interview round types; interviews by begin time") { db in
            try db.execute(sql: """
                CREATE TABLE interview_round_types (
                    tenant_key TEXT NOT NULL REFERENCES tenants(tenant_key),
                    round_type_id TEXT NOT NULL,
                    position INTEGER NOT NULL, -- the tenant's round types are listed in this order
                    process_type INTEGER,
                    body TEXT NOT NULL, -- canonical JSON of the round type, as the data file gives it
                    PRIMARY KEY (tenant_key, round_type_id)
                ) WITHOUT ROWID;
                CREATE INDEX interview_round_types_in_order ON interview_round_types(tenant_key, position);

                -- interview listings by a window of begin times
                CREATE INDEX interviews_by_begin_time ON interviews(tenant_key, begin_time, interview_id);
                """)
        }
        return migrator
    }
}
