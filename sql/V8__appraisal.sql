-- 年度考核 annual review with digital-capability appraisal: reference data (frameworks, indicators, rules)
-- and the campaign, review, score, evidence, objection, 复核, training-need and honour records.

CREATE TABLE appraisal_framework (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  source_note VARCHAR(200),
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  sort_order  INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_appraisal_framework_code UNIQUE (code)
) ${table_options};

CREATE TABLE appraisal_framework_item (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  framework_id BIGINT       NOT NULL,
  code         VARCHAR(32)  NOT NULL,
  name         VARCHAR(100) NOT NULL,
  weight       DECIMAL(5, 2) NOT NULL,
  sort_order   INT          NOT NULL DEFAULT 0,
  CONSTRAINT fk_framework_item_framework FOREIGN KEY (framework_id) REFERENCES appraisal_framework (id),
  CONSTRAINT uk_framework_item_code UNIQUE (framework_id, code)
) ${table_options};

-- target_value: the figure that earns the full 100 points for the indicator in a year.
CREATE TABLE digital_indicator (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  code         VARCHAR(32)   NOT NULL,
  name         VARCHAR(100)  NOT NULL,
  measure_unit VARCHAR(20)   NOT NULL,
  target_value DECIMAL(10, 2) NOT NULL,
  weight       DECIMAL(5, 2)  NOT NULL,
  sort_order   INT           NOT NULL DEFAULT 0,
  CONSTRAINT uk_digital_indicator_code UNIQUE (code)
) ${table_options};

CREATE TABLE appraisal_rule (
  rule_key    VARCHAR(64)  NOT NULL PRIMARY KEY,
  rule_value  VARCHAR(100) NOT NULL,
  description VARCHAR(200) NOT NULL
) ${table_options};

CREATE TABLE appraisal_campaign (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_year  INT          NOT NULL,
  name           VARCHAR(200) NOT NULL,
  framework_code VARCHAR(32)  NOT NULL,
  status         VARCHAR(20)  NOT NULL,
  total_count    INT          NOT NULL DEFAULT 0,
  launched_count INT          NOT NULL DEFAULT 0,
  skipped_count  INT          NOT NULL DEFAULT 0,
  created_by     VARCHAR(64)  NOT NULL,
  created_at     DATETIME     NOT NULL,
  updated_at     DATETIME     NOT NULL
) ${table_options};

CREATE TABLE appraisal_campaign_unit (
  campaign_id BIGINT NOT NULL,
  unit_id     BIGINT NOT NULL,
  CONSTRAINT pk_appraisal_campaign_unit PRIMARY KEY (campaign_id, unit_id),
  CONSTRAINT fk_campaign_unit_campaign FOREIGN KEY (campaign_id) REFERENCES appraisal_campaign (id),
  CONSTRAINT fk_campaign_unit_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ${table_options};

CREATE TABLE appraisal_review (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id         BIGINT        NOT NULL,
  cadre_id            BIGINT        NOT NULL,
  unit_id             BIGINT        NOT NULL,
  review_year         INT           NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  process_instance_id VARCHAR(64),
  self_score          DECIMAL(6, 2),
  peer_score          DECIMAL(6, 2),
  peer_votes          INT           NOT NULL DEFAULT 0,
  leader_score        DECIMAL(6, 2),
  digital_score       DECIMAL(6, 2),
  total_score         DECIMAL(6, 2),
  suggested_grade     VARCHAR(10),
  suggested_reason    VARCHAR(300),
  proposed_grade      VARCHAR(10),
  hr_grade            VARCHAR(10),
  final_grade         VARCHAR(10),
  leader_opinion      VARCHAR(1000),
  hr_opinion          VARCHAR(1000),
  committee_opinion   VARCHAR(1000),
  quota_approved      BOOLEAN       NOT NULL DEFAULT FALSE,
  notice_started_at   DATETIME,
  notified_at         DATETIME,
  finalized_at        DATETIME,
  created_at          DATETIME      NOT NULL,
  updated_at          DATETIME      NOT NULL,
  CONSTRAINT uk_appraisal_review UNIQUE (campaign_id, cadre_id),
  CONSTRAINT fk_review_campaign FOREIGN KEY (campaign_id) REFERENCES appraisal_campaign (id),
  CONSTRAINT fk_review_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id),
  CONSTRAINT fk_review_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ${table_options};
CREATE INDEX ix_review_campaign_unit ON appraisal_review (campaign_id, unit_id);
CREATE INDEX ix_review_cadre ON appraisal_review (cadre_id, review_year);

-- rater_role SELF / PEER / LEADER; item_code a framework item's code, or OVERALL for a single mark.
CREATE TABLE appraisal_score (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  review_id     BIGINT       NOT NULL,
  rater_role    VARCHAR(10)  NOT NULL,
  rater         VARCHAR(64)  NOT NULL,
  item_code     VARCHAR(32)  NOT NULL,
  score         DECIMAL(6, 2) NOT NULL,
  vote_grade    VARCHAR(10),
  created_at    DATETIME     NOT NULL,
  CONSTRAINT fk_score_review FOREIGN KEY (review_id) REFERENCES appraisal_review (id),
  CONSTRAINT uk_appraisal_score UNIQUE (review_id, rater_role, rater, item_code)
) ${table_options};

CREATE TABLE digital_evidence (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id       BIGINT        NOT NULL,
  evidence_year  INT           NOT NULL,
  indicator_code VARCHAR(32)   NOT NULL,
  evidence_value DECIMAL(10, 2) NOT NULL,
  note           VARCHAR(500),
  source         VARCHAR(10)   NOT NULL,
  created_by     VARCHAR(64)   NOT NULL,
  created_at     DATETIME      NOT NULL,
  verified_by    VARCHAR(64),
  verified_at    DATETIME,
  CONSTRAINT fk_evidence_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id),
  CONSTRAINT fk_evidence_indicator FOREIGN KEY (indicator_code) REFERENCES digital_indicator (code)
) ${table_options};
CREATE INDEX ix_evidence_cadre ON digital_evidence (cadre_id, evidence_year);

CREATE TABLE appraisal_objection (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  review_id   BIGINT        NOT NULL,
  raised_by   VARCHAR(64)   NOT NULL,
  reason      VARCHAR(1000) NOT NULL,
  raised_at   DATETIME      NOT NULL,
  finding     VARCHAR(1000),
  upheld      BOOLEAN,
  resolved_by VARCHAR(64),
  resolved_at DATETIME,
  CONSTRAINT fk_objection_review FOREIGN KEY (review_id) REFERENCES appraisal_review (id)
) ${table_options};

CREATE TABLE appraisal_recheck (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  review_id      BIGINT        NOT NULL,
  requested_by   VARCHAR(64)   NOT NULL,
  reason         VARCHAR(1000) NOT NULL,
  requested_at   DATETIME      NOT NULL,
  original_grade VARCHAR(10)   NOT NULL,
  outcome_grade  VARCHAR(10),
  opinion        VARCHAR(1000),
  decided_by     VARCHAR(64),
  decided_at     DATETIME,
  CONSTRAINT fk_recheck_review FOREIGN KEY (review_id) REFERENCES appraisal_review (id)
) ${table_options};

CREATE TABLE training_need (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id         BIGINT       NOT NULL,
  capability_code  VARCHAR(32)  NOT NULL,
  capability_name  VARCHAR(100) NOT NULL,
  source_review_id BIGINT,
  status           VARCHAR(20)  NOT NULL,
  created_at       DATETIME     NOT NULL,
  CONSTRAINT fk_training_need_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id),
  CONSTRAINT fk_training_need_review FOREIGN KEY (source_review_id) REFERENCES appraisal_review (id),
  CONSTRAINT uk_training_need UNIQUE (source_review_id, capability_code)
) ${table_options};

CREATE TABLE cadre_honour (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id         BIGINT      NOT NULL,
  honour_type      VARCHAR(32) NOT NULL,
  honour_year      INT         NOT NULL,
  source_review_id BIGINT,
  status           VARCHAR(20) NOT NULL,
  created_at       DATETIME    NOT NULL,
  CONSTRAINT fk_honour_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id),
  CONSTRAINT uk_cadre_honour UNIQUE (cadre_id, honour_type, honour_year)
) ${table_options};

-- Default frameworks (admin-editable).
INSERT INTO appraisal_framework (code, name, source_note, active, sort_order) VALUES
  ('GRASSROOTS11', '基层干部十一项治理能力', '基层干部治理能力提升 (seed 001)', TRUE, 1),
  ('MODERN8', '现代化治理八个维度', '治理现代化能力框架 (seed 002)', TRUE, 2),
  ('DIGITAL7', '数字领导力', '数字领导力 (seed 003)', TRUE, 3);

-- GRASSROOTS11: weights sum to 100
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'POLITICAL', '政治领导能力', 10.00, 1 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'COORDINATION', '组织协调能力', 9.00, 2 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'EXECUTION', '行政执行能力', 9.00, 3 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'RULE_OF_LAW', '法治示范能力', 9.00, 4 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'IT_USE', '信息技术运用能力', 9.00, 5 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'MASS_WORK', '群众工作能力', 10.00, 6 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'PETITIONS', '信访工作能力', 9.00, 7 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'UNITED_FRONT', '统战工作能力', 8.00, 8 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'MEDIA', '运用媒体的能力', 9.00, 9 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'DEVELOPMENT', '推动发展的能力', 9.00, 10 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'EMERGENCY', '应急处突能力', 9.00, 11 FROM appraisal_framework WHERE code = 'GRASSROOTS11';
-- MODERN8: weights sum to 100
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'STRATEGY', '战略决策', 13.00, 1 FROM appraisal_framework WHERE code = 'MODERN8';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'IMPLEMENTATION', '执行落实', 13.00, 2 FROM appraisal_framework WHERE code = 'MODERN8';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'RISK', '风险防控', 12.00, 3 FROM appraisal_framework WHERE code = 'MODERN8';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'PUBLIC_SERVICE', '公共服务', 13.00, 4 FROM appraisal_framework WHERE code = 'MODERN8';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'LEGALITY', '法治化', 12.00, 5 FROM appraisal_framework WHERE code = 'MODERN8';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'DIGITAL', '数字化', 13.00, 6 FROM appraisal_framework WHERE code = 'MODERN8';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'CO_GOVERNANCE', '协同共治', 12.00, 7 FROM appraisal_framework WHERE code = 'MODERN8';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'LEARNING', '持续学习与适应', 12.00, 8 FROM appraisal_framework WHERE code = 'MODERN8';
-- DIGITAL7: weights sum to 100
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'D_COMPETENCE', '数字胜任力', 16.00, 1 FROM appraisal_framework WHERE code = 'DIGITAL7';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'D_COMMUNICATION', '数字沟通', 14.00, 2 FROM appraisal_framework WHERE code = 'DIGITAL7';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'D_SOCIAL', '数字社交技能', 14.00, 3 FROM appraisal_framework WHERE code = 'DIGITAL7';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'D_TEAM', '数字团队构建', 14.00, 4 FROM appraisal_framework WHERE code = 'DIGITAL7';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'D_CHANGE', '数字变革管理', 14.00, 5 FROM appraisal_framework WHERE code = 'DIGITAL7';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'D_TECH', '数字科技技能', 14.00, 6 FROM appraisal_framework WHERE code = 'DIGITAL7';
INSERT INTO appraisal_framework_item (framework_id, code, name, weight, sort_order) SELECT id, 'D_TRUST', '数字信任', 14.00, 7 FROM appraisal_framework WHERE code = 'DIGITAL7';

-- Digital-capability indicators (seed 000); weights sum to 100.
INSERT INTO digital_indicator (code, name, measure_unit, target_value, weight, sort_order) VALUES
  ('PLATFORM_USAGE', '协同办公平台（湘政通）使用', '活跃天数', 200.00, 30.00, 1),
  ('CITY_BRAIN_PROPOSALS', '基于城市大脑数据的优化建议数', '条', 4.00, 15.00, 2),
  ('CITY_BRAIN_QUALITY', '城市大脑数据建议质量（组织部评定）', '分', 100.00, 15.00, 3),
  ('NEW_MEDIA_OUTREACH', '新媒体政策宣传与舆情收集', '次', 12.00, 20.00, 4),
  ('DIGITAL_TRAINING_HOURS', '数字素养培训学时（培训台账）', '学时', 24.00, 20.00, 5);

-- Rule settings (configurable).
INSERT INTO appraisal_rule (rule_key, rule_value, description) VALUES
  ('excellent.quota.percent', '20', '优秀比例上限（占参加考核人数的百分比）'),
  ('excellent.quota.max.percent', '25', '经批准可放宽至的优秀比例上限'),
  ('notice.working.days', '5', '考核结果公示期（工作日）'),
  ('recheck.window.days', '15', '收到书面通知后可申请复核的期限（日）'),
  ('peer.deadline.days', '7', '民主测评截止期限（日）'),
  ('peer.completion.percent', '80', '民主测评完成比例（达到即结束）'),
  ('digital.weak.threshold', '60', '数字化能力得分低于此值时推荐针对性培训'),
  ('merit.consecutive.excellent', '3', '连续优秀年数达到此值时标记三等功'),
  ('weight.self', '10', '总分权重：个人自评'),
  ('weight.peer', '30', '总分权重：民主测评'),
  ('weight.leader', '40', '总分权重：单位负责人评鉴'),
  ('weight.digital', '20', '总分权重：数字化能力');
