-- Devices an account signed in from, and whether the owner trusts them (no second factor under 'new-device').
CREATE TABLE device (
    id         VARCHAR(36) PRIMARY KEY,
    account_id VARCHAR(36) NOT NULL REFERENCES account (id),
    device_key VARCHAR(64) NOT NULL,
    trusted_at TIMESTAMP(6) WITH TIME ZONE,
    first_seen TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT device_account_key UNIQUE (account_id, device_key)
);
ALTER TABLE login_challenge ADD COLUMN device_key VARCHAR(64);
