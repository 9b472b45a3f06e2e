-- OpenID Connect: registered applications (clients), authorizations (one per trip through the
-- authorization endpoint; after the code exchange, the grant its tokens belong to), and refresh tokens
-- and sessions that know their client and browser. Secrets are kept as SHA-256 of 256 random bits.
CREATE TABLE oidc_client (
    client_id                 VARCHAR(64) PRIMARY KEY,
    name                      VARCHAR(128) NOT NULL,
    secret_hash               VARCHAR(64),
    redirect_uris             VARCHAR(4000) NOT NULL,
    post_logout_redirect_uris VARCHAR(4000) NOT NULL,
    backchannel_logout_uri    VARCHAR(1000),
    grant_types               VARCHAR(256) NOT NULL,
    default_acr               VARCHAR(64),
    created_at                TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE oidc_authorization (
    id              VARCHAR(43) PRIMARY KEY,
    browser_hash    VARCHAR(64) NOT NULL,
    client_id       VARCHAR(64) NOT NULL,
    redirect_uri    VARCHAR(1000) NOT NULL,
    scope           VARCHAR(512) NOT NULL,
    state           VARCHAR(512),
    nonce           VARCHAR(512),
    code_challenge  VARCHAR(128),
    acr_required    VARCHAR(64),
    max_age         INTEGER,
    login_hint      VARCHAR(128),
    ui_locale       VARCHAR(16),
    correlation_id  VARCHAR(36) NOT NULL,
    issuer          VARCHAR(256) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    challenge_id    VARCHAR(36),
    account_id      VARCHAR(36),
    session_id      VARCHAR(36),
    code_hash       VARCHAR(64),
    code_expires_at TIMESTAMP(6) WITH TIME ZONE,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP(6) WITH TIME ZONE,
    version         BIGINT NOT NULL
);
CREATE UNIQUE INDEX oidc_authorization_code ON oidc_authorization (code_hash);
CREATE INDEX oidc_authorization_session ON oidc_authorization (session_id);

-- A refresh token from the token endpoint belongs to a client and a grant; the JSON API's have neither.
ALTER TABLE refresh_token ADD COLUMN client_id VARCHAR(64);
ALTER TABLE refresh_token ADD COLUMN grant_id VARCHAR(43);
ALTER TABLE refresh_token ADD COLUMN scope VARCHAR(512);

-- The hosted login's browser keeps a cookie whose SHA-256 is here: single sign-on, prompt=none.
ALTER TABLE login_session ADD COLUMN browser_hash VARCHAR(64);
CREATE INDEX login_session_browser ON login_session (browser_hash);
