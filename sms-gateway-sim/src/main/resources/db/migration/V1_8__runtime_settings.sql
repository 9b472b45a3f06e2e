-- The settings operators change at run time live in one table of one shape in every service
-- (platform's RuntimeSettings); the fault seed keeps its name.
CREATE TABLE runtime_setting (
    name          VARCHAR(64)     PRIMARY KEY,
    setting_value VARCHAR(100000) NOT NULL
);

INSERT INTO runtime_setting (name, setting_value) SELECT name, CAST(long_value AS VARCHAR(20)) FROM sim_setting;

DROP TABLE sim_setting;
