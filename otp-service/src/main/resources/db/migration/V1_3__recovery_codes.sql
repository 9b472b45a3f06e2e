-- One-time recovery codes: a set per account, each stored as a keyed hash and usable once.
CREATE TABLE recovery_code (
    id         VARCHAR(36) PRIMARY KEY,
    account_id VARCHAR(36) NOT NULL,
    factor_id  VARCHAR(36) NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    used_at    TIMESTAMP(6) WITH TIME ZONE,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX recovery_code_account ON recovery_code (account_id);
