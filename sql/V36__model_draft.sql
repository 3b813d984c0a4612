-- Drafts of processes an administrator models in the browser (modelling): each save is a new draft version of
-- the process key, kept until deleted with the library; a draft runs nothing until it is deployed (through the
-- guard, recorded in model_audit).
CREATE TABLE model_draft (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  process_key   VARCHAR(255)  NOT NULL,
  name          VARCHAR(255)  NOT NULL,
  content       LONGBLOB      NOT NULL,
  saved_by      VARCHAR(100)  NOT NULL,
  saved_at      DATETIME      NOT NULL
) ${table_options};
CREATE INDEX ix_model_draft_key ON model_draft (process_key);
