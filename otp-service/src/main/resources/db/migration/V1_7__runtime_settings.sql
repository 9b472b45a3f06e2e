-- The settings operators change at run time live in one table of one shape in every service
-- (platform's RuntimeSettings); otp-service's code policies keep their own table (one row per channel).
CREATE TABLE runtime_setting (
    name          VARCHAR(64)     PRIMARY KEY,
    setting_value VARCHAR(100000) NOT NULL
);
