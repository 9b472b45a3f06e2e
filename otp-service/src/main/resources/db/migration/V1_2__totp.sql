-- Authenticator-app factors (TOTP) beside trusted phones: the secret is kept encrypted (AES-GCM
-- under a key of the service), never hashed, because verifying needs it.
ALTER TABLE factor ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE factor ADD COLUMN status VARCHAR(16) DEFAULT 'active' NOT NULL;
ALTER TABLE factor ADD COLUMN totp_secret VARCHAR(256);
ALTER TABLE factor ADD COLUMN totp_algorithm VARCHAR(8);
ALTER TABLE factor ADD COLUMN totp_digits INTEGER;
ALTER TABLE factor ADD COLUMN totp_period_seconds INTEGER;
ALTER TABLE factor ADD COLUMN totp_last_step BIGINT;
ALTER TABLE factor ADD COLUMN label VARCHAR(128);
