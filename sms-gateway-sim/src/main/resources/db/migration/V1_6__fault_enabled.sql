-- A fault rule can be switched off and on again (the console's toggle) without losing its counts.
ALTER TABLE fault_rule ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
