-- 回避: the person a task's process is about (its subject, a username), so that a step offered to a group is never
-- offered to that person. Rows written before this column stay NULL: their tasks are checked against the
-- instance's variables when someone tries to take them (TaskAccess), they are only not filtered out of lists.
ALTER TABLE wf_task ADD COLUMN subject VARCHAR(64);
