-- Org units: 省 > 市 > 县(市、区) > 乡镇(街道) > 村(社区). Township and village units are grassroots.
CREATE TABLE org_unit (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  code         VARCHAR(32)  NOT NULL,
  name         VARCHAR(100) NOT NULL,
  unit_level   VARCHAR(16)  NOT NULL,
  parent_id    BIGINT,
  grassroots   BOOLEAN      NOT NULL DEFAULT FALSE,
  min_staffing INT          NOT NULL DEFAULT 0,
  sort_order   INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_org_unit_code UNIQUE (code),
  CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
) ${table_options};
CREATE INDEX ix_org_unit_parent ON org_unit (parent_id);

CREATE TABLE post (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  unit_id    BIGINT       NOT NULL,
  name       VARCHAR(100) NOT NULL,
  leading_post BOOLEAN    NOT NULL DEFAULT FALSE,
  sort_order INT          NOT NULL DEFAULT 0,
  CONSTRAINT fk_post_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ${table_options};
CREATE INDEX ix_post_unit ON post (unit_id);

CREATE TABLE cadre (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  name            VARCHAR(50) NOT NULL,
  gender          VARCHAR(1)  NOT NULL,
  birth_date      DATE        NOT NULL,
  ethnicity       VARCHAR(20) NOT NULL,
  party_date      DATE,
  work_start_date DATE        NOT NULL,
  education       VARCHAR(20) NOT NULL,
  rank_code       VARCHAR(20) NOT NULL,
  unit_id         BIGINT      NOT NULL,
  post_id         BIGINT,
  status          VARCHAR(16) NOT NULL DEFAULT 'ACTIVE',
  CONSTRAINT fk_cadre_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT fk_cadre_post FOREIGN KEY (post_id) REFERENCES post (id)
) ${table_options};
CREATE INDEX ix_cadre_unit ON cadre (unit_id, status);

CREATE TABLE post_history (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  cadre_id   BIGINT       NOT NULL,
  unit_id    BIGINT       NOT NULL,
  post_name  VARCHAR(100) NOT NULL,
  start_date DATE         NOT NULL,
  end_date   DATE,
  CONSTRAINT fk_post_history_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id),
  CONSTRAINT fk_post_history_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ${table_options};
CREATE INDEX ix_post_history_cadre ON post_history (cadre_id, start_date);
