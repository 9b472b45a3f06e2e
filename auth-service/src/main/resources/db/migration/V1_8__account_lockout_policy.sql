-- An account's own brute-force policy (it wins over the sandbox's); preset 'off' exempts the account.
CREATE TABLE lockout_policy (
    account_id              VARCHAR(36) PRIMARY KEY REFERENCES account (id),
    preset                  VARCHAR(32),
    mode                    VARCHAR(16) NOT NULL,
    failure_factor          INTEGER     NOT NULL,
    wait_increment_ms       BIGINT      NOT NULL,
    max_wait_ms             BIGINT      NOT NULL,
    max_delta_ms            BIGINT      NOT NULL,
    quick_login_check_ms    BIGINT      NOT NULL,
    min_quick_login_wait_ms BIGINT      NOT NULL,
    max_temporary_lockouts  INTEGER     NOT NULL,
    strategy                VARCHAR(16) NOT NULL
);
