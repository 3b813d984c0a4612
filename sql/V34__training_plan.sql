-- The yearly training plans (trainingplan module): one per year and set of units, opened by HR or the yearly timer.
-- status OPEN (being planned) or PUBLISHED; unit_ids are the units planned, comma-separated.
CREATE TABLE training_plan (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_year     INT           NOT NULL,
  unit_ids      VARCHAR(2000) NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  opened_by     VARCHAR(64)   NOT NULL,
  opened_at     DATETIME      NOT NULL,
  published_by  VARCHAR(64),
  published_at  DATETIME
) ${table_options};
CREATE INDEX ix_training_plan_year ON training_plan (plan_year);

-- A plan's assignments: the proposal being reviewed (published = false) and the last published plan
-- (published = true), one row per cadre and course.
CREATE TABLE training_plan_assignment (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id    BIGINT  NOT NULL,
  cadre_id   BIGINT  NOT NULL,
  course_id  BIGINT  NOT NULL,
  immersive  BOOLEAN NOT NULL,
  published  BOOLEAN NOT NULL,
  CONSTRAINT fk_training_plan_assignment_plan FOREIGN KEY (plan_id) REFERENCES training_plan (id),
  CONSTRAINT fk_training_plan_assignment_course FOREIGN KEY (course_id) REFERENCES training_course (id),
  CONSTRAINT uk_training_plan_assignment UNIQUE (plan_id, published, cadre_id, course_id)
) ${table_options};
CREATE INDEX ix_training_plan_assignment_cadre ON training_plan_assignment (cadre_id);
