-- The process library's record (modelling): every deployment, suspension, resumption, retry and cancellation
-- an administrator made, with who, when and what. A refused upload leaves no row: it changed nothing.
CREATE TABLE model_audit (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  at            DATETIME      NOT NULL,
  actor         VARCHAR(100)  NOT NULL,
  action        VARCHAR(20)   NOT NULL,
  target        VARCHAR(255)  NOT NULL,
  deployment_id VARCHAR(64),
  detail        VARCHAR(1000)
) ${table_options};
CREATE INDEX ix_model_audit_deployment ON model_audit (deployment_id);
CREATE INDEX ix_model_audit_at ON model_audit (at);
