-- The settings operators change at run time live in one table of one shape in every service
-- (platform's RuntimeSettings): the lockout settings keep their names, the risk policy becomes "risk".
CREATE TABLE runtime_setting (
    name          VARCHAR(64)     PRIMARY KEY,
    setting_value VARCHAR(100000) NOT NULL
);

INSERT INTO runtime_setting (name, setting_value) SELECT name, text_value FROM auth_setting;
INSERT INTO runtime_setting (name, setting_value) SELECT 'risk', body FROM risk_setting WHERE id = 1;

DROP TABLE auth_setting;
DROP TABLE risk_setting;
