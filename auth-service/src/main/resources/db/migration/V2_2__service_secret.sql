-- Secrets auth-service makes for itself on first start (ServiceSecrets): the pepper of verify-attempt ids.
CREATE TABLE service_secret (
    name  VARCHAR(64)  PRIMARY KEY,
    secret_value VARCHAR(256) NOT NULL
);
