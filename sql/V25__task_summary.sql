-- What a task is about, in one line its process defines (ProcessHandler.summary), kept on the task when it is
-- created so that 待办, 已办 and 抄送 stay one query: a message key and its arguments (separated by U+001F, a
-- character no form text may hold), so that the line reads in the reader's language. NULL for tasks created before
-- this column and for processes that define none: their rows show the subject and the process alone.
ALTER TABLE wf_task ADD COLUMN summary_key VARCHAR(100);
ALTER TABLE wf_task ADD COLUMN summary_args VARCHAR(1000);
