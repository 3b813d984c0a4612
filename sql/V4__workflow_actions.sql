-- Every action a person takes on a process: who, when, what and why (the timeline).
CREATE TABLE workflow_action (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  process_instance_id VARCHAR(64)  NOT NULL,
  task_id             VARCHAR(64),
  step_key            VARCHAR(100) NOT NULL,
  step_name           VARCHAR(200) NOT NULL,
  action              VARCHAR(32)  NOT NULL,
  actor               VARCHAR(64)  NOT NULL,
  actor_name          VARCHAR(50)  NOT NULL,
  opinion             VARCHAR(2000),
  created_at          DATETIME     NOT NULL
) ${table_options};
CREATE INDEX ix_workflow_action_instance ON workflow_action (process_instance_id, created_at);
CREATE INDEX ix_workflow_action_actor ON workflow_action (actor, created_at);
