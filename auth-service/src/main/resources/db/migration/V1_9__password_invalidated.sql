-- Support may invalidate a password (suspicious activity); no password signs in until a new one is set.
ALTER TABLE account ADD COLUMN password_invalidated_at TIMESTAMP(6) WITH TIME ZONE;
