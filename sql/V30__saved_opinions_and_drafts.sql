-- The task view's own helpers (workflow). 常用意见: each user's saved opinions, picked into an opinion field; at most
-- SavedOpinions.MAX_COUNT per user, each at most SavedOpinions.MAX_LENGTH characters (checked on the server).
CREATE TABLE wf_saved_opinion (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  username   VARCHAR(64)  NOT NULL,
  opinion    VARCHAR(200) NOT NULL,
  created_at DATETIME     NOT NULL
) ${table_options};
CREATE INDEX ix_wf_saved_opinion_user ON wf_saved_opinion (username);

-- 暂存: the values a user saved on a form step without completing it, one draft per task and user, as JSON (UTF-8,
-- at most TaskDrafts.MAX_BYTES). Completing the task or its ending otherwise deletes it.
CREATE TABLE wf_task_draft (
  task_id     VARCHAR(64)  NOT NULL,
  username    VARCHAR(64)  NOT NULL,
  form_values BLOB         NOT NULL,
  saved_at    DATETIME     NOT NULL,
  PRIMARY KEY (task_id, username)
) ${table_options};
