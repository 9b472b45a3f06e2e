-- Signing keys rotate: the newest signs; a retired key stays in the JWKS until the tokens it signed
-- have expired (retired_at + the access token lifetime, sandbox clock).
ALTER TABLE signing_key ADD COLUMN retired_at TIMESTAMP(6) WITH TIME ZONE;
