-- 容错纠错: one fault-tolerance case, from the cadre's application (容错申请, kind APPLICATION) or an officer's
-- accountability lead (问责线索, kind LEAD) to the committee's outcome, the correction plan (纠错) and the clearing
-- (澄清正名). Each step of processes/tolerance.bpmn fills its columns; the final outcome is written to
-- tolerance_outcome (source PROCESS, case_id), where outcomes decided on paper stay (source PAPER).
-- Findings are YES / NO per criterion (三个区分开来 and the other findings the DMN table reads).
CREATE TABLE tolerance_case (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id            BIGINT        NOT NULL,
  unit_id             BIGINT        NOT NULL,
  kind                VARCHAR(20)   NOT NULL,
  status              VARCHAR(30)   NOT NULL,
  opened_by           VARCHAR(64)   NOT NULL,
  opened_at           DATETIME      NOT NULL,
  matter              VARCHAR(500)  NOT NULL,
  matter_date         DATE          NOT NULL,
  decision_taken      VARCHAR(1000) NOT NULL,
  loss                VARCHAR(1000) NOT NULL,
  mitigation          VARCHAR(1000),
  process_instance_id VARCHAR(64),
  accepted            BOOLEAN,
  acceptance_by       VARCHAR(64),
  acceptance_reason   VARCHAR(500),
  declined_by         VARCHAR(64),
  decline_appeal      VARCHAR(500),
  investigator        VARCHAR(64),
  statement           VARCHAR(2000),
  statement_refused   BOOLEAN,
  statement_at        DATETIME,
  findings            VARCHAR(2000),
  f_founded           VARCHAR(3),
  f_pioneering        VARCHAR(3),
  f_not_forbidden     VARCHAR(3),
  f_for_development   VARCHAR(3),
  f_collective        VARCHAR(3),
  f_legal_review      VARCHAR(3),
  f_loss_limited      VARCHAR(3),
  f_private_gain      VARCHAR(3),
  f_collusion         VARCHAR(3),
  proposed_outcome    VARCHAR(20),
  proposed_reason     VARCHAR(200),
  outcome             VARCHAR(20),
  decision_no         VARCHAR(100),
  decision_date       DATE,
  differ_reason       VARCHAR(500),
  decided_by          VARCHAR(64),
  appeal_reason       VARCHAR(500),
  appeal_officer      VARCHAR(64),
  appeal_outcome      VARCHAR(20),
  appeal_opinion      VARCHAR(500),
  outcome_id          BIGINT,
  plan_owner          VARCHAR(100),
  plan_measures       VARCHAR(1000),
  plan_deadline       DATE,
  plan_verified_by    VARCHAR(64),
  plan_verified_at    DATETIME,
  plan_note           VARCHAR(500),
  closed_at           DATETIME,
  updated_at          DATETIME      NOT NULL,
  CONSTRAINT fk_tolerance_case_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id)
) ${table_options};
CREATE INDEX ix_tolerance_case_cadre ON tolerance_case (cadre_id);
CREATE INDEX ix_tolerance_case_unit ON tolerance_case (unit_id, opened_at);

ALTER TABLE tolerance_outcome ADD COLUMN source VARCHAR(10) NOT NULL DEFAULT 'PAPER';
ALTER TABLE tolerance_outcome ADD COLUMN case_id BIGINT;
