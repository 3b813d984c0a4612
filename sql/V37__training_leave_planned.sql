-- The per-leave process of a published yearly plan (trainingleave module, process trainingLeave): a request started
-- from a plan's published assignment knows its plan and catalogue course (both null for a request a cadre made by
-- hand); the cadre's substitute (工作交接: who, and what is handed over); why the system ended it (PLAN_CHANGED: the
-- assignment was dropped by a re-publish); the learning report (学习报告) of a planned leave.
ALTER TABLE training_leave_request ADD plan_id BIGINT;
ALTER TABLE training_leave_request ADD course_id BIGINT;
ALTER TABLE training_leave_request ADD substitute_cadre_id BIGINT;
ALTER TABLE training_leave_request ADD handover VARCHAR(1000);
ALTER TABLE training_leave_request ADD ended_reason VARCHAR(20);
CREATE INDEX ix_training_leave_plan ON training_leave_request (plan_id, cadre_id, course_id);

-- Attendance of a planned leave, per course day: the hours attended and the hours absent (考勤).
CREATE TABLE training_leave_attendance (
  request_id   BIGINT        NOT NULL,
  course_day   DATE          NOT NULL,
  attended     DECIMAL(4, 1) NOT NULL,
  absent       DECIMAL(4, 1) NOT NULL,
  recorded_by  VARCHAR(64)   NOT NULL,
  recorded_at  DATETIME      NOT NULL,
  CONSTRAINT pk_training_leave_attendance PRIMARY KEY (request_id, course_day),
  CONSTRAINT fk_training_leave_attendance FOREIGN KEY (request_id) REFERENCES training_leave_request (id)
) ${table_options};
