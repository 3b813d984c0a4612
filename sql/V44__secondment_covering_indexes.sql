-- HR's secondment reports and the staffing check at province size (issue 10, cn.cadreflow.bench.SecondmentBenchmark):
-- every column these queries read is in their index, so the database counts from the index alone and never visits
-- the rows. The flows count departures begun and returns made in a period per pair of units; the talent pump counts
-- the secondments running now (held beyond the planned end or not) and those converted to a transfer per pair of
-- units; the staffing check reads a unit's absences overlapping the term.
DROP INDEX ix_secondment_started ON secondment;
CREATE INDEX ix_secondment_started ON secondment (start_date, home_unit_id, target_unit_id, status, outcome);
DROP INDEX ix_secondment_returned ON secondment;
CREATE INDEX ix_secondment_returned ON secondment (returned_on, home_unit_id, target_unit_id, outcome, new_post_id);
DROP INDEX ix_secondment_outcome ON secondment;
CREATE INDEX ix_secondment_outcome ON secondment (outcome, home_unit_id, target_unit_id);
CREATE INDEX ix_secondment_away ON secondment (status, home_unit_id, target_unit_id, planned_end_date);
CREATE INDEX ix_secondment_absence ON secondment (home_unit_id, start_date, end_date, status, cadre_id);
