-- Fault rules on Lockstep's own OpenID Connect endpoints: what they match (an endpoint, optionally an
-- application), what they do, when they fire (next N, every Nth, a probability; a window of sandbox
-- time) and how often they matched and acted. Emptied by a sandbox reset.
CREATE TABLE idp_fault_rule (
    id                  VARCHAR(36) PRIMARY KEY,
    position            INTEGER NOT NULL,
    name                VARCHAR(128),
    endpoint            VARCHAR(32) NOT NULL,
    client_id           VARCHAR(64),
    effect              VARCHAR(32) NOT NULL,
    status              INTEGER,
    error               VARCHAR(64),
    delay_min_ms        BIGINT,
    delay_max_ms        BIGINT,
    trigger_next        INTEGER,
    trigger_every       INTEGER,
    trigger_probability DOUBLE PRECISION,
    window_from         TIMESTAMP(6) WITH TIME ZONE,
    window_until        TIMESTAMP(6) WITH TIME ZONE,
    matched             BIGINT NOT NULL,
    hits                BIGINT NOT NULL,
    enabled             BOOLEAN NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX idp_fault_rule_endpoint ON idp_fault_rule (endpoint, position);
