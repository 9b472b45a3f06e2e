-- When a challenge began (sandbox clock), so that wrong codes are bounded per account and day
-- across challenges (DailyGuessLimit); challenges from before have none and do not count.
ALTER TABLE otp_challenge ADD COLUMN created_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX otp_challenge_account_created ON otp_challenge (account_id, created_at);
