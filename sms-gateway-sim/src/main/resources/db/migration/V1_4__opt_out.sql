-- A subscriber who replied STOP (21610), and numbers that cannot take SMS at all (21614).
ALTER TABLE phone ADD COLUMN opted_out BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE phone ADD COLUMN sms_capable BOOLEAN DEFAULT TRUE NOT NULL;
