-- A service migration that changes one of platform's tables: refused.
ALTER TABLE Audit_Entry ADD COLUMN source VARCHAR(64);
