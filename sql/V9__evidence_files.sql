-- Files a cadre attaches to digital-capability evidence they enter themselves (checked like task attachments).
CREATE TABLE digital_evidence_file (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  evidence_id  BIGINT       NOT NULL,
  file_name    VARCHAR(200) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  content      LONGBLOB     NOT NULL,
  file_size    BIGINT       NOT NULL,
  created_at   DATETIME     NOT NULL,
  CONSTRAINT fk_evidence_file FOREIGN KEY (evidence_id) REFERENCES digital_evidence (id)
) ${table_options};
CREATE INDEX ix_evidence_file ON digital_evidence_file (evidence_id);
