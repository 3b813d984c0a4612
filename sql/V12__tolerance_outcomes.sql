-- 容错认定结果: the outcome of a fault-tolerance review (容错纠错) for one matter of a cadre. HR records outcomes
-- the committee decided (also those decided on paper before the system); the 容错纠错 process will write its
-- outcomes here too. Annual reviews read the EXEMPT and MITIGATED ones: such a matter must not lower the grade.
-- outcome EXEMPT 免责 / MITIGATED 从轻减轻 / NOT_TOLERATED 不予容错; decision_no the 认定文号.
CREATE TABLE tolerance_outcome (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id      BIGINT       NOT NULL,
  matter        VARCHAR(500) NOT NULL,
  matter_date   DATE         NOT NULL,
  outcome       VARCHAR(20)  NOT NULL,
  decision_date DATE         NOT NULL,
  decision_no   VARCHAR(100) NOT NULL,
  recorded_by   VARCHAR(64)  NOT NULL,
  recorded_at   DATETIME     NOT NULL,
  CONSTRAINT fk_tolerance_outcome_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id)
) ${table_options};
CREATE INDEX ix_tolerance_outcome_cadre ON tolerance_outcome (cadre_id, matter_date);
