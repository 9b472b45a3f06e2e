-- The issuer an application reached the provider under (HTTP or HTTPS): its tokens carry that iss.
ALTER TABLE oidc_authorization ADD COLUMN issuer VARCHAR(256);
