-- The bell names what an item is about: the request number (the instance's business key, e.g. KH-2026-15) and the
-- person the request is about (its subject: the cadre of an annual review, whom HR started it for), so that items
-- of different requests read differently and a cadre's own 述职 is not announced as HR's request.
ALTER TABLE notification ADD COLUMN business_key VARCHAR(255);
ALTER TABLE notification ADD COLUMN about_user VARCHAR(64);
ALTER TABLE notification ADD COLUMN about_name VARCHAR(50);

-- One item per person, task and kind: a repeated one (the same task announced again, a second 催办) refreshes the
-- existing item instead of adding an identical row. Earlier duplicates keep only their newest row.
DELETE FROM notification WHERE task_id IS NOT NULL AND EXISTS (
  SELECT 1 FROM notification d WHERE d.recipient = notification.recipient AND d.kind = notification.kind
                                 AND d.task_id = notification.task_id AND d.id > notification.id);
CREATE UNIQUE INDEX uk_notification_task ON notification (recipient, kind, task_id);
