-- Who is launching a campaign now, whichever server it runs on: a launch holds this row while it starts reviews
-- and renews heartbeat_at after every batch. A second launch of the campaign is refused while the row is fresh;
-- a row left stale by a server that stopped mid-launch is taken over by the next resume.
CREATE TABLE appraisal_campaign_launch (
  campaign_id  BIGINT       NOT NULL PRIMARY KEY,
  holder       VARCHAR(120) NOT NULL,
  started_by   VARCHAR(64)  NOT NULL,
  started_at   DATETIME     NOT NULL,
  heartbeat_at DATETIME     NOT NULL,
  CONSTRAINT fk_campaign_launch_campaign FOREIGN KEY (campaign_id) REFERENCES appraisal_campaign (id)
) ${table_options};
