-- recovery-service's own copy of accounts, fed by lockstep.auth.events.
CREATE TABLE known_account (
    account_id VARCHAR(36) PRIMARY KEY,
    username   VARCHAR(64) NOT NULL,
    known_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
