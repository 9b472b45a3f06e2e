-- A recovery key (Apple-style) is a factor whose secret is kept only as a keyed hash.
ALTER TABLE factor ADD COLUMN secret_hash VARCHAR(64);
