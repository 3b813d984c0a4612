-- 已办 and the assigned half of 待办 list newest first, the task id breaking ties (ORDER BY ended_at DESC,
-- task_id ASC). With the date descending and the task id ascending in the index, both H2 and MariaDB read
-- just the page, in order, instead of sorting everything the person ever completed or holds
-- (measured by cn.cadreflow.bench.TaskCentreBenchmark, see README). Same columns as V6's, other order.
DROP INDEX ix_wf_task_done ON wf_task;
CREATE INDEX ix_wf_task_done ON wf_task (completed_by, ended_at DESC, task_id);
DROP INDEX ix_wf_task_mine ON wf_task;
CREATE INDEX ix_wf_task_mine ON wf_task (state, assignee, created_at DESC, task_id);
