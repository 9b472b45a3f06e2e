-- A service's own table whose name only contains one of platform's: allowed.
CREATE TABLE audit_entry_export (id BIGINT PRIMARY KEY);
