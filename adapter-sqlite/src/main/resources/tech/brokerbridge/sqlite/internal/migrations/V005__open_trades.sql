-- BrokerBridge journal, schema version 5: looking after open trades. Conventions as in V001.
--
-- * fills get the commission the broker reported for them (NULL until reported);
-- * the approvals log also records actions on trades (close, cancel, modify_stop, modify_target,
--   rearm_stop), including on positions the desk did not open (proposal_id ''): the table is rebuilt
--   without its foreign key to proposals, rows, order, channel and actor kept;
-- * trade_actions: each action on a trade, recorded before the broker is called;
-- * open_trades / closed_trades: the trades the desk opened, and every closed trade with its P&L.

ALTER TABLE fills ADD COLUMN commission;

CREATE TABLE approvals_v5 (
    approval_id       INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ns           INTEGER NOT NULL,
    proposal_id       TEXT    NOT NULL,
    symbol            TEXT    NOT NULL,
    action            TEXT    NOT NULL,
    original_quantity INTEGER NOT NULL,
    original_stop             NOT NULL,
    original_target           NOT NULL,
    modified_quantity INTEGER,
    modified_stop,
    modified_target,
    reason            TEXT    NOT NULL,
    channel           TEXT    NOT NULL DEFAULT 'api',
    actor             TEXT    NOT NULL DEFAULT ''
);
INSERT INTO approvals_v5 (approval_id, time_ns, proposal_id, symbol, action, original_quantity, original_stop,
        original_target, modified_quantity, modified_stop, modified_target, reason, channel, actor)
    SELECT approval_id, time_ns, proposal_id, symbol, action, original_quantity, original_stop, original_target,
        modified_quantity, modified_stop, modified_target, reason, channel, actor FROM approvals;
DROP TABLE approvals;
ALTER TABLE approvals_v5 RENAME TO approvals;
CREATE INDEX approvals_by_time ON approvals (time_ns, approval_id);

-- action_seq is the order recorded; a NULL idempotency key is no key (UNIQUE allows many NULLs)
CREATE TABLE trade_actions (
    action_seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id       TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL CHECK (kind IN ('close', 'flatten', 'cancel', 'modify', 'rearm_stop')),
    idempotency_key TEXT    UNIQUE,
    symbol          TEXT    NOT NULL,
    order_ref       TEXT,
    placed_ref      TEXT,
    quantity        INTEGER,
    limit_price,
    stop_price,
    target_price,
    trailing_kind   TEXT    CHECK (trailing_kind IN ('amount', 'percent')),
    trailing_value          CHECK ((trailing_kind IS NULL) = (trailing_value IS NULL)),
    reason          TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('requested', 'sent', 'done', 'refused', 'failed')),
    broker_order_id TEXT,
    message         TEXT    NOT NULL,
    created_at_ns   INTEGER NOT NULL,
    updated_at_ns   INTEGER NOT NULL
);
CREATE INDEX trade_actions_by_order ON trade_actions (order_ref, created_at_ns, action_seq);
CREATE INDEX trade_actions_by_state ON trade_actions (state, created_at_ns, action_seq);
CREATE INDEX trade_actions_by_placed ON trade_actions (placed_ref);

CREATE TABLE open_trades (
    trade_id     TEXT    NOT NULL PRIMARY KEY,
    proposal_id  TEXT,
    symbol       TEXT    NOT NULL,
    direction    TEXT    NOT NULL,
    setup_type   TEXT    NOT NULL,
    advisor      TEXT    NOT NULL,
    quantity     INTEGER NOT NULL,
    entry_price          NOT NULL,
    initial_stop         NOT NULL,
    opened_at_ns INTEGER NOT NULL
);

CREATE TABLE closed_trades (
    trade_id      TEXT    NOT NULL PRIMARY KEY,
    proposal_id   TEXT,
    symbol        TEXT    NOT NULL,
    direction     TEXT    NOT NULL,
    setup_type    TEXT    NOT NULL,
    advisor       TEXT    NOT NULL,
    quantity      INTEGER NOT NULL,
    entry_time_ns INTEGER NOT NULL,
    entry_price           NOT NULL,
    exit_time_ns  INTEGER NOT NULL,
    exit_price            NOT NULL,
    gross_pnl             NOT NULL,
    commissions           NOT NULL,
    initial_risk          NOT NULL,
    exit_reason   TEXT    NOT NULL CHECK (exit_reason IN ('target', 'stop', 'close', 'flatten'))
);
CREATE INDEX closed_trades_by_exit ON closed_trades (exit_time_ns, trade_id);
