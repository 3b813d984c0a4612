-- The days each step of the annual review is due in, until now fixed in annual-review.bpmn (camunda:dueDate),
-- become rule settings like the other periods, with the same values.
INSERT INTO appraisal_rule (rule_key, rule_value, description) VALUES
  ('due.selfReport.days', '10', '述职办理期限（日）'),
  ('due.leaderRating.days', '7', '单位负责人评鉴办理期限（日）'),
  ('due.hrReview.days', '7', '组织部审核办理期限（日）'),
  ('due.quotaApproval.days', '5', '超比例审批办理期限（日）'),
  ('due.committeeDecision.days', '10', '党委决定办理期限（日）'),
  ('due.objectionCheck.days', '10', '核查异议办理期限（日）'),
  ('due.recheck.days', '30', '复核办理期限（日）');
