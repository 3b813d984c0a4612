-- Sign-in attempts counted per account ('account:<name>') and per client address ('address:<ip>', an IPv6 client
-- by its /64), shared by every server on this database (security.internal.LoginThrottle). A row changes only by
-- compare-and-set on its version; rows whose window has lapsed and that hold no lock are deleted.
CREATE TABLE login_throttle (
  subject      VARCHAR(100) NOT NULL PRIMARY KEY,
  attempts     INT          NOT NULL,
  window_start DATETIME     NOT NULL,
  locked_until DATETIME,
  version      INT          NOT NULL
) ${table_options};
CREATE INDEX ix_login_throttle_window ON login_throttle (window_start);
