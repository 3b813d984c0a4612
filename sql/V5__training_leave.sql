-- Training-leave requests and the training ledger (培训台账).
CREATE TABLE training_leave_request (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id            BIGINT        NOT NULL,
  course_name         VARCHAR(200)  NOT NULL,
  organizer           VARCHAR(200)  NOT NULL,
  training_type       VARCHAR(20)   NOT NULL,
  start_date          DATE          NOT NULL,
  end_date            DATE          NOT NULL,
  hours               DECIMAL(6, 1) NOT NULL,
  location            VARCHAR(200)  NOT NULL,
  reason              VARCHAR(1000) NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  process_instance_id VARCHAR(64),
  created_at          DATETIME      NOT NULL,
  updated_at          DATETIME      NOT NULL,
  CONSTRAINT fk_training_leave_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id)
) ${table_options};
CREATE INDEX ix_training_leave_cadre ON training_leave_request (cadre_id, start_date);

CREATE TABLE training_record (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id      BIGINT        NOT NULL,
  training_year INT           NOT NULL,
  course_name   VARCHAR(200)  NOT NULL,
  organizer     VARCHAR(200)  NOT NULL,
  training_type VARCHAR(20)   NOT NULL,
  start_date    DATE          NOT NULL,
  end_date      DATE          NOT NULL,
  hours         DECIMAL(6, 1) NOT NULL,
  request_id    BIGINT,
  created_at    DATETIME      NOT NULL,
  CONSTRAINT fk_training_record_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id),
  CONSTRAINT fk_training_record_request FOREIGN KEY (request_id) REFERENCES training_leave_request (id),
  CONSTRAINT uk_training_record_request UNIQUE (request_id)
) ${table_options};
CREATE INDEX ix_training_record_cadre ON training_record (cadre_id, training_year);
