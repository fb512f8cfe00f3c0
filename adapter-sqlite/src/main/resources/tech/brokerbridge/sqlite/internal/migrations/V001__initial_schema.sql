-- BrokerBridge journal, schema version 1.
--
-- Conventions:
--  * instants are INTEGER nanoseconds since the epoch, UTC (columns *_ns): full precision, sortable;
--  * doubles have no declared type (BLOB affinity) so SQLite keeps them bit-exact: a REAL column would
--    turn -0.0 into 0.0. NaN, which SQLite turns into NULL, is stored as the text 'NaN';
--  * absent optionals are NULL; enums are their lower-case wire names;
--  * lists keep their order in an `ordinal` column.
-- Statements end with ';' at the end of a line (the migrator splits on that).

CREATE TABLE proposals (
    proposal_id     TEXT    NOT NULL PRIMARY KEY,
    symbol          TEXT    NOT NULL,
    direction       TEXT    NOT NULL,
    setup_type      TEXT    NOT NULL,
    conviction               NOT NULL,
    composite_score          NOT NULL,
    entry_price              NOT NULL,
    stop_price               NOT NULL,
    target_price             NOT NULL,
    quantity        INTEGER NOT NULL,
    thesis_summary  TEXT    NOT NULL,
    created_at_ns   INTEGER NOT NULL,
    expires_at_ns   INTEGER NOT NULL,
    status          TEXT    NOT NULL
);
CREATE INDEX proposals_by_created ON proposals (created_at_ns DESC, proposal_id DESC);
CREATE INDEX proposals_by_status ON proposals (status, created_at_ns, proposal_id);

CREATE TABLE proposal_gates (
    proposal_id TEXT    NOT NULL REFERENCES proposals (proposal_id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    gate        TEXT    NOT NULL,
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    reason      TEXT    NOT NULL,
    PRIMARY KEY (proposal_id, ordinal)
);

CREATE TABLE proposal_gate_values (
    proposal_id  TEXT    NOT NULL,
    gate_ordinal INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    value                NOT NULL,
    PRIMARY KEY (proposal_id, gate_ordinal, ordinal),
    FOREIGN KEY (proposal_id, gate_ordinal) REFERENCES proposal_gates (proposal_id, ordinal) ON DELETE CASCADE
);

CREATE TABLE proposal_status_history (
    proposal_id TEXT    NOT NULL REFERENCES proposals (proposal_id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    time_ns     INTEGER NOT NULL,
    from_status TEXT,
    to_status   TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    PRIMARY KEY (proposal_id, ordinal)
);

CREATE TABLE decisions (
    decision_id       TEXT    NOT NULL PRIMARY KEY,
    time_ns           INTEGER NOT NULL,
    scan_id           TEXT    NOT NULL,
    symbol            TEXT    NOT NULL,
    direction         TEXT    NOT NULL,
    setup_type        TEXT    NOT NULL,
    evidence_strength         NOT NULL,
    setup_quality             NOT NULL,
    composite_score           NOT NULL,
    outcome           TEXT    NOT NULL,
    reason            TEXT    NOT NULL,
    ai_verdict        TEXT,
    ai_conviction,
    thesis_summary    TEXT,
    proposal_id       TEXT
);
CREATE INDEX decisions_by_time ON decisions (time_ns);

CREATE TABLE decision_evidence (
    decision_id TEXT    NOT NULL REFERENCES decisions (decision_id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    value               NOT NULL,
    note        TEXT    NOT NULL,
    PRIMARY KEY (decision_id, ordinal)
);

CREATE TABLE decision_gates (
    decision_id TEXT    NOT NULL REFERENCES decisions (decision_id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    gate        TEXT    NOT NULL,
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    reason      TEXT    NOT NULL,
    PRIMARY KEY (decision_id, ordinal)
);

CREATE TABLE decision_gate_values (
    decision_id  TEXT    NOT NULL,
    gate_ordinal INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    value                NOT NULL,
    PRIMARY KEY (decision_id, gate_ordinal, ordinal),
    FOREIGN KEY (decision_id, gate_ordinal) REFERENCES decision_gates (decision_id, ordinal) ON DELETE CASCADE
);

-- the approvals log; approval_id is the insertion order
CREATE TABLE approvals (
    approval_id       INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ns           INTEGER NOT NULL,
    proposal_id       TEXT    NOT NULL REFERENCES proposals (proposal_id),
    symbol            TEXT    NOT NULL,
    action            TEXT    NOT NULL,
    original_quantity INTEGER NOT NULL,
    original_stop             NOT NULL,
    original_target           NOT NULL,
    modified_quantity INTEGER,
    modified_stop,
    modified_target,
    reason            TEXT    NOT NULL
);
CREATE INDEX approvals_by_time ON approvals (time_ns, approval_id);

-- one row per bracket, keyed by the order ref (the proposal id); no foreign key: the broker may know refs the desk did not propose
CREATE TABLE orders (
    order_ref     TEXT    NOT NULL PRIMARY KEY,
    symbol        TEXT    NOT NULL,
    direction     TEXT    NOT NULL,
    quantity      INTEGER NOT NULL,
    entry_price           NOT NULL,
    stop_price            NOT NULL,
    target_price          NOT NULL,
    state         TEXT    NOT NULL,
    message       TEXT    NOT NULL,
    created_at_ns INTEGER NOT NULL,
    updated_at_ns INTEGER NOT NULL
);
CREATE INDEX orders_by_created ON orders (created_at_ns DESC, order_ref DESC);

CREATE TABLE order_broker_ids (
    order_ref       TEXT    NOT NULL REFERENCES orders (order_ref) ON DELETE CASCADE,
    ordinal         INTEGER NOT NULL,
    broker_order_id TEXT    NOT NULL,
    PRIMARY KEY (order_ref, ordinal)
);

-- fills; the unique execution id makes recording a fill idempotent
CREATE TABLE fills (
    fill_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id TEXT    NOT NULL UNIQUE,
    order_ref    TEXT    NOT NULL,
    leg          TEXT    NOT NULL,
    symbol       TEXT    NOT NULL,
    quantity     INTEGER NOT NULL,
    price                NOT NULL,
    time_ns      INTEGER NOT NULL
);
CREATE INDEX fills_by_order ON fills (order_ref, time_ns, fill_id);

-- what left the machine for an AI provider, byte for byte (never an auth header)
CREATE TABLE ai_audit (
    audit_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ns       INTEGER NOT NULL,
    provider      TEXT    NOT NULL,
    model         TEXT    NOT NULL,
    url           TEXT    NOT NULL,
    request_body  TEXT    NOT NULL,
    status        INTEGER NOT NULL,
    response_body TEXT    NOT NULL,
    latency_ns    INTEGER NOT NULL,
    input_tokens  INTEGER,
    output_tokens INTEGER
);
CREATE INDEX ai_audit_by_time ON ai_audit (time_ns DESC, audit_id DESC);

CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
