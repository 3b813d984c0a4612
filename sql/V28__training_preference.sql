-- Each cadre's wishes for a year's training plan (trainingplan module).
CREATE TABLE training_preference (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id          BIGINT       NOT NULL,
  plan_year         INT          NOT NULL,
  preferred_weeks   VARCHAR(200) NOT NULL,
  impossible_weeks  VARCHAR(200) NOT NULL,
  preferred_courses VARCHAR(500) NOT NULL,
  updated_by        VARCHAR(64)  NOT NULL,
  updated_at        DATETIME     NOT NULL,
  CONSTRAINT fk_training_preference_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id),
  CONSTRAINT uk_training_preference UNIQUE (cadre_id, plan_year)
) ${table_options};
