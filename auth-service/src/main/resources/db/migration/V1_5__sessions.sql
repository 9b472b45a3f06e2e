-- Sessions: what a login started, kept alive by rotating refresh tokens (each usable once; a reused
-- one revokes its session). Tokens are stored as SHA-256 of 256 random bits.
CREATE TABLE login_session (
    id                VARCHAR(36) PRIMARY KEY,
    account_id        VARCHAR(36) NOT NULL REFERENCES account (id),
    device_key        VARCHAR(64),
    amr               VARCHAR(64) NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_refreshed_at TIMESTAMP(6) WITH TIME ZONE,
    revoked_at        TIMESTAMP(6) WITH TIME ZONE,
    revoked_reason    VARCHAR(64)
);
CREATE INDEX login_session_account ON login_session (account_id);

CREATE TABLE refresh_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    session_id VARCHAR(36) NOT NULL REFERENCES login_session (id),
    status     VARCHAR(16) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);
