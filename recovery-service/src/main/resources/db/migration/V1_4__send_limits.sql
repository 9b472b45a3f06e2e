-- The daily send limits across cases count by destination and by account name (SendLimits).
CREATE INDEX recovery_case_phone_sends ON recovery_case (recovery_phone, created_at);
CREATE INDEX recovery_case_email_sends ON recovery_case (contact_email, created_at);
CREATE INDEX recovery_case_name_sends ON recovery_case (username, created_at);
