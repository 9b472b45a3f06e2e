-- A copy from before 3.0, when every service still created platform's tables itself: allowed as history.
CREATE TABLE audit_entry (id BIGINT PRIMARY KEY);
