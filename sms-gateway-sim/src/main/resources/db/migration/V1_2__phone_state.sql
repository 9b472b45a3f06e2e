-- Virtual phone state: what decides whether a message reaches the handset.
ALTER TABLE phone ADD COLUMN line_type VARCHAR(24) DEFAULT 'mobile' NOT NULL;
ALTER TABLE phone ADD COLUMN carrier VARCHAR(64);
ALTER TABLE phone ADD COLUMN sim_state VARCHAR(16) DEFAULT 'active' NOT NULL;
ALTER TABLE phone ADD COLUMN handset VARCHAR(8) DEFAULT 'on' NOT NULL;
ALTER TABLE phone ADD COLUMN signal_state VARCHAR(8) DEFAULT 'ok' NOT NULL;
ALTER TABLE phone ADD COLUMN roaming VARCHAR(2);
ALTER TABLE phone ADD COLUMN sms_filter VARCHAR(16) DEFAULT 'none' NOT NULL;
ALTER TABLE phone ADD COLUMN inbox_capacity INTEGER DEFAULT 1000 NOT NULL;
ALTER TABLE message ADD COLUMN status_reason VARCHAR(200);
