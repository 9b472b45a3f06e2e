-- The settings operators change at run time live in one table of one shape in every service
-- (platform's RuntimeSettings); the recovery settings are named "recovery".
CREATE TABLE runtime_setting (
    name          VARCHAR(64)     PRIMARY KEY,
    setting_value VARCHAR(100000) NOT NULL
);

INSERT INTO runtime_setting (name, setting_value) SELECT 'recovery', setting_value FROM recovery_setting WHERE name = 'settings';

DROP TABLE recovery_setting;
