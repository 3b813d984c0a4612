-- Application users. A user may be a cadre (cadre_id set); roles may be scoped to an org unit:
-- UNIT_LEADER to the unit led, HR_OFFICER to each unit whose subtree the officer manages.
CREATE TABLE app_user (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(50)  NOT NULL,
  cadre_id      BIGINT,
  email         VARCHAR(120),
  enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
  CONSTRAINT uk_app_user_username UNIQUE (username),
  CONSTRAINT fk_app_user_cadre FOREIGN KEY (cadre_id) REFERENCES cadre (id)
) ${table_options};

CREATE TABLE user_role (
  id      BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT      NOT NULL,
  role    VARCHAR(32) NOT NULL,
  unit_id BIGINT,
  CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_user_role_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ${table_options};
CREATE INDEX ix_user_role_user ON user_role (user_id);
CREATE INDEX ix_user_role_role ON user_role (role, unit_id);
