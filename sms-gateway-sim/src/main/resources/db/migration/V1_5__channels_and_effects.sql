-- Email goes to virtual mailboxes; SMS and voice to phones. A message's address is either.
CREATE TABLE mailbox (
    address        VARCHAR(254) PRIMARY KEY,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    active         BOOLEAN DEFAULT TRUE NOT NULL,
    inbox_capacity INTEGER DEFAULT 1000 NOT NULL
);
ALTER TABLE message ADD COLUMN address VARCHAR(254);
UPDATE message SET address = phone;
ALTER TABLE message ALTER COLUMN address SET NOT NULL;
ALTER TABLE message ALTER COLUMN phone DROP NOT NULL;
CREATE INDEX message_address ON message (address, seq);

-- Order of arrival at the address (a delayed or reordered message arrives after later ones).
ALTER TABLE message ADD COLUMN arrival BIGINT;
UPDATE message SET arrival = seq WHERE status = 'delivered';

-- What the handset shows can differ from what was sent (truncate, corrupt); reorder holds a message.
ALTER TABLE message ADD COLUMN original_text VARCHAR(2000);
ALTER TABLE message ADD COLUMN hold VARCHAR(16);

-- A phone roaming where its carrier has no agreement is unreachable (30003).
ALTER TABLE phone ADD COLUMN roaming_agreement BOOLEAN DEFAULT TRUE NOT NULL;

-- More effects: log-normal delays, truncate, throttle; rules may match an email address.
ALTER TABLE fault_rule ALTER COLUMN match_number SET DATA TYPE VARCHAR(254);
ALTER TABLE fault_rule ADD COLUMN delay_distribution VARCHAR(16);
ALTER TABLE fault_rule ADD COLUMN delay_sigma DOUBLE PRECISION;
ALTER TABLE fault_rule ADD COLUMN text_length INTEGER;
ALTER TABLE fault_rule ADD COLUMN per_minute INTEGER;
ALTER TABLE fault_rule ADD COLUMN throttle_minute TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE fault_rule ADD COLUMN throttle_count INTEGER;
