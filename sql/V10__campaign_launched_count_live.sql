-- A campaign's launched count is the number of its reviews, counted when read: launch batches run in parallel,
-- and a stored count updated by each of them would make them wait on the campaign row for one another.
ALTER TABLE appraisal_campaign DROP COLUMN launched_count;
