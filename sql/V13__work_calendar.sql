-- 工作日历 work calendar: the dates that break the Monday-to-Friday week, as the State Council announces them each
-- year. HOLIDAY: a weekday off (国庆节); WORKDAY: a Saturday or Sunday worked instead (国庆节调休). Every other date
-- is a working day from Monday to Friday and a day off at the weekend.
CREATE TABLE work_calendar_day (
  calendar_date DATE        NOT NULL PRIMARY KEY,
  day_kind      VARCHAR(10) NOT NULL,
  name          VARCHAR(50) NOT NULL,
  recorded_by   VARCHAR(64) NOT NULL,
  recorded_at   DATETIME    NOT NULL
) ${table_options};
