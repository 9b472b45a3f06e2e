-- Fault rules: what may go wrong with messages, in order, on the sandbox clock.
CREATE TABLE fault_rule (
    id                  VARCHAR(36)  PRIMARY KEY,
    position            INTEGER      NOT NULL,
    name                VARCHAR(128),
    match_number        VARCHAR(20),
    match_prefix        VARCHAR(20),
    match_country       VARCHAR(2),
    match_carrier       VARCHAR(64),
    match_channel       VARCHAR(16),
    match_kind          VARCHAR(32),
    effect              VARCHAR(16)  NOT NULL,
    error_code          INTEGER,
    delay_min_ms        BIGINT,
    delay_max_ms        BIGINT,
    trigger_next        INTEGER,
    trigger_every       INTEGER,
    trigger_probability DOUBLE PRECISION,
    window_from         TIMESTAMP(6) WITH TIME ZONE,
    window_until        TIMESTAMP(6) WITH TIME ZONE,
    matched             BIGINT       NOT NULL,
    hits                BIGINT       NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE sim_setting (
    name       VARCHAR(64) PRIMARY KEY,
    long_value BIGINT      NOT NULL
);

ALTER TABLE message ADD COLUMN rule_id VARCHAR(36);
ALTER TABLE message ADD COLUMN deliver_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE message ADD COLUMN phone_seq BIGINT;
