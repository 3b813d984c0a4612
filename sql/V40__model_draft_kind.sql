-- Drafts of forms and decision tables as well as processes (modelling): what kind of model a draft is, so the
-- library opens it in the right editor. Every earlier draft is a process.
ALTER TABLE model_draft ADD COLUMN kind VARCHAR(10) DEFAULT 'PROCESS' NOT NULL;
