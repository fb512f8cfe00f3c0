-- BrokerBridge journal, schema version 3: notifications. Conventions as in V001.
--
-- * the approvals log records where the user acted (channel 'api' or 'telegram') and who (the Telegram
--   user id; '' for the API); every action recorded before is an API one;
-- * notification_audit: what left the machine for a notification channel, and the presses refused.

ALTER TABLE approvals ADD COLUMN channel TEXT NOT NULL DEFAULT 'api';
ALTER TABLE approvals ADD COLUMN actor TEXT NOT NULL DEFAULT '';

CREATE TABLE notification_audit (
    audit_id    INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ns     INTEGER NOT NULL,
    channel     TEXT    NOT NULL,
    destination TEXT    NOT NULL,
    event       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('sent', 'retrying', 'failed', 'dropped', 'ignored')),
    detail      TEXT    NOT NULL
);
CREATE INDEX notification_audit_by_time ON notification_audit (time_ns DESC, audit_id DESC);
