CREATE TABLE factor (
    id           VARCHAR(36) PRIMARY KEY,
    account_id   VARCHAR(36) NOT NULL,
    type         VARCHAR(16) NOT NULL,
    phone        VARCHAR(20) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX factor_account ON factor (account_id);

CREATE TABLE otp_challenge (
    challenge_id   VARCHAR(36) PRIMARY KEY,
    account_id     VARCHAR(36) NOT NULL,
    factor_id      VARCHAR(36) NOT NULL,
    wrong_attempts INTEGER     NOT NULL,
    correlation_id VARCHAR(64),
    version        BIGINT      NOT NULL
);

CREATE TABLE issued_code (
    id           VARCHAR(36) PRIMARY KEY,
    challenge_id VARCHAR(36) NOT NULL REFERENCES otp_challenge (challenge_id),
    factor_id    VARCHAR(36) NOT NULL,
    code_hash    VARCHAR(64) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    issued_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX issued_code_challenge ON issued_code (challenge_id);

CREATE TABLE service_secret (
    name  VARCHAR(64)  PRIMARY KEY,
    secret_value VARCHAR(256) NOT NULL
);
