-- BrokerBridge journal, schema version 2: the desk's state, typed.
--
-- Version 1 kept the kill switch and the license records as text in a key-value table `settings`.
-- This version gives each its own table; the Java step of this migration (LegacySettings) then
-- converts the rows of `settings` and drops it. Conventions as in V001.

-- the kill switch as the desk last left it: at most one row (id 1)
CREATE TABLE kill_switch (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    engaged    INTEGER NOT NULL CHECK (engaged IN (0, 1)),
    engaged_by TEXT    CHECK ((engaged = 1) = (engaged_by IS NOT NULL)),
    reason     TEXT    NOT NULL,
    since_ns   INTEGER NOT NULL
);

-- the license records: at most one row (id 1); never a key or a subscription id
CREATE TABLE license (
    id                     INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    first_start_ns         INTEGER NOT NULL,
    answer_kind            TEXT    CHECK (answer_kind IN ('found', 'not_found', 'key_refused')),
    answer_at_ns           INTEGER CHECK ((answer_kind IS NULL) = (answer_at_ns IS NULL)),
    answer_status          TEXT    CHECK ((answer_kind = 'found') = (answer_status IS NOT NULL)),
    answer_bound_to        TEXT,
    answer_period_end_ns   INTEGER,
    outage_since_ns        INTEGER,
    outage_last_attempt_ns INTEGER CHECK ((outage_since_ns IS NULL) = (outage_last_attempt_ns IS NULL)),
    outage_reason          TEXT    CHECK ((outage_since_ns IS NULL) = (outage_reason IS NULL))
);

-- a rejected or expired proposal holds back its symbol, direction and setup type until until_ns
CREATE TABLE proposal_cool_downs (
    symbol      TEXT    NOT NULL,
    direction   TEXT    NOT NULL,
    setup_type  TEXT    NOT NULL,
    cause       TEXT    NOT NULL CHECK (cause IN ('rejected', 'expired')),
    proposal_id TEXT    NOT NULL,
    at_ns       INTEGER NOT NULL,
    until_ns    INTEGER NOT NULL,
    entry_price         NOT NULL,
    stop_price          NOT NULL,
    PRIMARY KEY (symbol, direction, setup_type)
);
CREATE INDEX proposal_cool_downs_by_end ON proposal_cool_downs (until_ns);
