-- When a login's last code was asked for: the code policy may require a pause before the next.
ALTER TABLE login_challenge ADD COLUMN last_sent_at TIMESTAMP(6) WITH TIME ZONE;
