-- Brute-force protection: failure counters per account (password, and second factor when counted
-- apart), the lock they led to, and sandbox-wide lockout settings set by operators.
CREATE TABLE login_failure (
    account_id         VARCHAR(36) PRIMARY KEY REFERENCES account (id),
    failures           INTEGER     NOT NULL,
    last_failure_at    TIMESTAMP(6) WITH TIME ZONE,
    mfa_failures       INTEGER     NOT NULL,
    mfa_last_failure_at TIMESTAMP(6) WITH TIME ZONE,
    temporary_lockouts INTEGER     NOT NULL,
    locked_until       TIMESTAMP(6) WITH TIME ZONE,
    lock_reason        VARCHAR(64)
);

CREATE TABLE auth_setting (
    name         VARCHAR(64)  PRIMARY KEY,
    text_value   VARCHAR(256) NOT NULL
);
