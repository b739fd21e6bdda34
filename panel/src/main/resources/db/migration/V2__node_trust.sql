-- Node trust: the panel's issuers and client identity, single-use enrolment tokens, issued node certificates.

-- PEM material by role: 'node-issuer' signs node server certificates, 'client-issuer' signs the panel's
-- client certificate, 'panel-client' is that client certificate and its key.
CREATE TABLE pki_material (
    name             VARCHAR(32) PRIMARY KEY,
    certificate_pem  VARCHAR(8000) NOT NULL,
    private_key_pem  VARCHAR(8000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An "Add server" token: valid 24 h, consumed by the first enrolment that proves it knows the secret.
CREATE TABLE enrolment_tokens (
    id               VARCHAR(64) PRIMARY KEY,
    server_id        BIGINT NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
    secret_b64       VARCHAR(64) NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX enrolment_tokens_server ON enrolment_tokens (server_id);

-- Every node certificate issued; removing a server revokes its certificates (the rows stay as a record).
CREATE TABLE node_certificates (
    serial           VARCHAR(64) PRIMARY KEY,
    server_id        BIGINT REFERENCES servers (id) ON DELETE SET NULL,
    certificate_pem  VARCHAR(8000) NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after        TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX node_certificates_server ON node_certificates (server_id);
