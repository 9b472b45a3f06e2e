-- One database per service, as with ./lockstep up --db postgresql; Flyway makes the tables.
CREATE DATABASE auth_service OWNER lockstep;
CREATE DATABASE otp_service OWNER lockstep;
CREATE DATABASE sms_gateway_sim OWNER lockstep;
CREATE DATABASE recovery_service OWNER lockstep;
