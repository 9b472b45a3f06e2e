-- The credential-stuffing signal reads the latest failed attempts from one address. With (ip, at) alone
-- it walked every attempt the address made in the window, right or wrong: a sandbox that a test suite
-- signs in to from 127.0.0.1 all day made each login read thousands of rows (./lockstep bench-scale --risk on).
-- One index range per failure outcome reads only the failures.
CREATE INDEX login_attempt_ip_outcome ON login_attempt (ip, outcome, at);
DROP INDEX login_attempt_ip;
