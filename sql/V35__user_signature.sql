-- 我的签名 (workflow): each user's handwritten signature image, a PNG or JPEG of at most Signatures.MAX_BYTES (checked on
-- the server, by the file's first bytes). Replacing it overwrites the row; removing it deletes the row.
CREATE TABLE wf_user_signature (
  username     VARCHAR(64)  NOT NULL PRIMARY KEY,
  content_type VARCHAR(20)  NOT NULL,
  content      LONGBLOB     NOT NULL,
  updated_at   DATETIME     NOT NULL
) ${table_options};

-- 附签名: the decisions (同意 / 不同意) whose maker attached their signature, one row per task and user. The image is
-- not copied: the step list and the 审批单 show the user's current signature while it exists.
CREATE TABLE wf_signed_decision (
  task_id   VARCHAR(64) NOT NULL,
  username  VARCHAR(64) NOT NULL,
  signed_at DATETIME    NOT NULL,
  PRIMARY KEY (task_id, username)
) ${table_options};
