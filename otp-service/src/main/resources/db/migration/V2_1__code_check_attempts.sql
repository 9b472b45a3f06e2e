-- The verify attempt whose code check answered "valid", and for which kind of factor: the same attempt
-- asked again (auth-service lost the answer) gets the same answer; any other finds the code spent.
ALTER TABLE otp_challenge ADD COLUMN valid_attempt_id VARCHAR(64);
ALTER TABLE otp_challenge ADD COLUMN valid_factor_type VARCHAR(16);
