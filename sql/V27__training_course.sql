-- The training course catalogue (培训课程目录) of the trainingplan module.
CREATE TABLE training_course (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  title         VARCHAR(200)  NOT NULL,
  capabilities  VARCHAR(500)  NOT NULL,
  start_date    DATE          NOT NULL,
  end_date      DATE          NOT NULL,
  place         VARCHAR(200)  NOT NULL,
  capacity      INT           NOT NULL,
  hours         DECIMAL(6, 1) NOT NULL,
  immersive     BOOLEAN       NOT NULL,
  full_time     BOOLEAN       NOT NULL,
  created_by    VARCHAR(64)   NOT NULL,
  created_at    DATETIME      NOT NULL
) ${table_options};
CREATE INDEX ix_training_course_start ON training_course (start_date);
