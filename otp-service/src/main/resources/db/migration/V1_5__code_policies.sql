-- Code policies per channel, for the sandbox or one account; what is not set comes from the configuration.
CREATE TABLE code_policy (
    scope            VARCHAR(36) NOT NULL,
    channel          VARCHAR(8)  NOT NULL,
    preset           VARCHAR(32),
    digits           INTEGER     NOT NULL,
    lifetime_seconds BIGINT      NOT NULL,
    max_attempts     INTEGER     NOT NULL,
    max_sends        INTEGER     NOT NULL,
    cooldown_seconds BIGINT      NOT NULL,
    resend_mode      VARCHAR(16) NOT NULL,
    PRIMARY KEY (scope, channel)
);

-- The channel a code went by (its policy), and for the same-code mode the code itself, sealed.
ALTER TABLE issued_code ADD COLUMN channel VARCHAR(8) DEFAULT 'sms' NOT NULL;
ALTER TABLE issued_code ADD COLUMN sealed_code VARCHAR(128);
