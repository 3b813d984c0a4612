-- The task centre's read model: every user task and sub-task the engine creates, kept in step by the
-- engine's history events (workflow.TaskProjection), so that lists, filters and counts stay fast at any size.
CREATE TABLE wf_task (
  task_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
  parent_task_id      VARCHAR(64),
  process_instance_id VARCHAR(64),
  process_key         VARCHAR(100),
  step_key            VARCHAR(100),
  name                VARCHAR(255) NOT NULL,
  business_key        VARCHAR(255),
  starter             VARCHAR(64),
  unit_id             BIGINT,
  cadre_name          VARCHAR(50),
  assignee            VARCHAR(64),
  owner               VARCHAR(64),
  state               VARCHAR(10)  NOT NULL,
  created_at          DATETIME     NOT NULL,
  due_at              DATETIME,
  ended_at            DATETIME,
  completed_by        VARCHAR(64)
) ${table_options};
CREATE INDEX ix_wf_task_mine ON wf_task (state, assignee, created_at);
CREATE INDEX ix_wf_task_done ON wf_task (completed_by, ended_at);
CREATE INDEX ix_wf_task_instance ON wf_task (process_instance_id);
CREATE INDEX ix_wf_task_parent ON wf_task (parent_task_id);

-- Candidate groups of open tasks (a candidate user is stored as 'user:<id>'); created_at repeats the
-- task's, so a group's newest tasks come straight from the index.
CREATE TABLE wf_task_candidate (
  group_id   VARCHAR(100) NOT NULL,
  created_at DATETIME     NOT NULL,
  task_id    VARCHAR(64)  NOT NULL,
  PRIMARY KEY (group_id, created_at, task_id)
) ${table_options};
CREATE INDEX ix_wf_task_candidate_task ON wf_task_candidate (task_id);

-- Transfers, delegations, added approvers and copies name a second person.
ALTER TABLE workflow_action ADD COLUMN target VARCHAR(64);
ALTER TABLE workflow_action ADD COLUMN target_name VARCHAR(50);

-- 抄送我的: instances copied to a person, read or not.
CREATE TABLE wf_copy (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  recipient           VARCHAR(64) NOT NULL,
  sender              VARCHAR(64) NOT NULL,
  created_at          DATETIME    NOT NULL,
  read_at             DATETIME,
  CONSTRAINT uk_wf_copy UNIQUE (process_instance_id, recipient)
) ${table_options};
CREATE INDEX ix_wf_copy_recipient ON wf_copy (recipient, created_at);

-- In-app notifications (the bell); e-mail goes out too when a mail server is configured.
CREATE TABLE notification (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  recipient           VARCHAR(64)  NOT NULL,
  kind                VARCHAR(20)  NOT NULL,
  process_key         VARCHAR(100),
  process_instance_id VARCHAR(64),
  task_id             VARCHAR(64),
  subject             VARCHAR(255) NOT NULL,
  actor_name          VARCHAR(50),
  created_at          DATETIME     NOT NULL,
  read_at             DATETIME
) ${table_options};
CREATE INDEX ix_notification_recipient ON notification (recipient, read_at, created_at);
