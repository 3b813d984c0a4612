-- One review per cadre per year (issue 14): a launch skips the cadres already reviewed that year in another
-- campaign, and this key refuses a second review even when two launches or single starts race. appraisal_review
-- keeps its year in review_year (the campaign's year, copied when the review is started).
-- Rows that break the rule (a cadre given two reviews of one year by overlapping campaigns before this version)
-- are not removed here: each has a process and perhaps scores and opinions, which only a person may decide to
-- end. Where any exist this migration stops on the duplicate key and the server does not start; find them with
--   SELECT cadre_id, review_year, COUNT(*) FROM appraisal_review GROUP BY cadre_id, review_year HAVING COUNT(*) > 1
-- end the superfluous review (终止 its process, delete its row with its scores, objections and rechecks) and start
-- the server again.
ALTER TABLE appraisal_review ADD CONSTRAINT uk_review_cadre_year UNIQUE (cadre_id, review_year);
-- The cadres in a campaign's units left out of its launch because another campaign of the year reviews them.
ALTER TABLE appraisal_campaign ADD COLUMN covered_count INT NOT NULL DEFAULT 0;
