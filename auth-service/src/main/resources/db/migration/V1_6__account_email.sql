-- The account's email address, where alerts go (a virtual mailbox in the simulator).
ALTER TABLE account ADD COLUMN email VARCHAR(254);
