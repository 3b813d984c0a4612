-- HR's secondment reports (issue 10) at province size: the flows between levels read the departures begun and the
-- returns made in a period, and the talent-pump figure the secondments converted to a transfer.
CREATE INDEX ix_secondment_started ON secondment (start_date, home_unit_id, target_unit_id);
CREATE INDEX ix_secondment_returned ON secondment (returned_on, home_unit_id, target_unit_id);
CREATE INDEX ix_secondment_outcome ON secondment (outcome, home_unit_id);
