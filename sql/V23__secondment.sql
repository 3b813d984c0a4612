-- 挂职 / 交流 / 借调 / 下派 (issue 10): a secondment request and its term, the posts it holds, its reports, and the
-- rows its checks lock so that two servers deciding at once cannot together break a rule.
CREATE TABLE secondment (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id            BIGINT        NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  home_unit_id        BIGINT        NOT NULL,
  home_post_id        BIGINT,
  target_unit_id      BIGINT        NOT NULL,
  target_post_id      BIGINT        NOT NULL,
  start_date          DATE          NOT NULL,
  end_date            DATE          NOT NULL,
  planned_end_date    DATE          NOT NULL,
  extended            BOOLEAN       NOT NULL DEFAULT FALSE,
  reason              VARCHAR(1000) NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  outcome             VARCHAR(20),
  outcome_note        VARCHAR(1000),
  returned_on         DATE,
  new_post_id         BIGINT,
  requested_by        VARCHAR(64)   NOT NULL,
  process_instance_id VARCHAR(64),
  created_at          DATETIME      NOT NULL,
  updated_at          DATETIME      NOT NULL,
  CONSTRAINT fk_secondment_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id),
  CONSTRAINT fk_secondment_home_unit FOREIGN KEY (home_unit_id) REFERENCES org_unit (id),
  CONSTRAINT fk_secondment_target_unit FOREIGN KEY (target_unit_id) REFERENCES org_unit (id)
) ${table_options};
CREATE INDEX ix_secondment_home_unit ON secondment (home_unit_id, status, start_date);
CREATE INDEX ix_secondment_cadre ON secondment (cadre_id, start_date);
CREATE INDEX ix_secondment_status ON secondment (status, end_date);

-- A post held by a secondment from start to end: the cadre's home post kept for them (HOME, 岗编分离) and the post
-- they fill at the receiving unit (TARGET). Nobody else is appointed to a post over a held period.
CREATE TABLE secondment_post_hold (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  post_id       BIGINT      NOT NULL,
  secondment_id BIGINT      NOT NULL,
  hold_kind     VARCHAR(8)  NOT NULL,
  start_date    DATE        NOT NULL,
  end_date      DATE        NOT NULL,
  CONSTRAINT fk_secondment_hold_secondment FOREIGN KEY (secondment_id) REFERENCES secondment (id),
  CONSTRAINT uk_secondment_hold UNIQUE (secondment_id, hold_kind)
) ${table_options};
CREATE INDEX ix_secondment_hold_post ON secondment_post_hold (post_id, start_date);

-- Check-in reports, the mid-term evaluation, a recall's reason, the return decision: what was said during the term.
CREATE TABLE secondment_report (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  secondment_id BIGINT        NOT NULL,
  report_kind   VARCHAR(16)   NOT NULL,
  rating        VARCHAR(16),
  body          VARCHAR(2000) NOT NULL,
  author        VARCHAR(64)   NOT NULL,
  created_at    DATETIME      NOT NULL,
  CONSTRAINT fk_secondment_report_secondment FOREIGN KEY (secondment_id) REFERENCES secondment (id)
) ${table_options};
CREATE INDEX ix_secondment_report ON secondment_report (secondment_id, created_at);

-- One row per sending unit ('unit:<id>') and per post ('post:<id>'), created with the first request naming it and
-- locked (SELECT ... FOR UPDATE) while an approval checks staffing and holds: approvals of the same unit or post
-- take turns, on every server.
CREATE TABLE secondment_lock (
  lock_key VARCHAR(40) PRIMARY KEY
) ${table_options};
