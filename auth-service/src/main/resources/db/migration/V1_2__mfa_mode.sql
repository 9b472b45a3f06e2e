-- When an account needs a second factor: 'always', or 'off' (password only) set by support.
ALTER TABLE account ADD COLUMN mfa_mode VARCHAR(16) DEFAULT 'always' NOT NULL;
CREATE INDEX audit_entry_target ON audit_entry (target, at);
