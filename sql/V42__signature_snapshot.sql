-- 附签名 keeps the signature as it was when the decision was made (workflow): the image a signed decision shows is
-- an immutable copy, taken at signing, that a later change or removal of the user's 我的签名 does not touch. One copy
-- serves every decision a user signs with the same image (found by its SHA-256); rows are never updated, and are
-- kept for as long as decisions signed with them are.
CREATE TABLE wf_signature_image (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  username     VARCHAR(64) NOT NULL,
  content_type VARCHAR(20) NOT NULL,
  content      LONGBLOB    NOT NULL,
  sha256       CHAR(64)    NULL,
  created_at   DATETIME    NOT NULL
) ${table_options};
CREATE INDEX ix_wf_signature_image_user ON wf_signature_image (username, sha256);

-- the copy a signed decision shows (null: signed before this release by a user who has since removed the signature)
ALTER TABLE wf_signed_decision ADD COLUMN image_id BIGINT NULL;

-- decisions signed before this release showed their signer's current signature: that image, as it stands now, is
-- the copy they keep from here on
INSERT INTO wf_signature_image (username, content_type, content, sha256, created_at)
  SELECT s.username, s.content_type, s.content, NULL, s.updated_at FROM wf_user_signature s
  WHERE s.username IN (SELECT d.username FROM wf_signed_decision d);
UPDATE wf_signed_decision SET image_id =
  (SELECT MAX(i.id) FROM wf_signature_image i WHERE i.username = wf_signed_decision.username);
