-- BrokerBridge journal, schema version 4: the prices a proposal was made on.
--
-- The market data source (simulated, ibkr, csv, ...), whether it was simulated, and the last price
-- with its freshness (delayed data is said so on the proposal). Proposals written before this
-- version read back with source 'unknown'. Conventions as in V001.

ALTER TABLE proposals ADD COLUMN price_source TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE proposals ADD COLUMN price_simulated INTEGER NOT NULL DEFAULT 0 CHECK (price_simulated IN (0, 1));
ALTER TABLE proposals ADD COLUMN price_freshness TEXT
    CHECK (price_freshness IN ('realtime', 'delayed', 'frozen', 'delayed_frozen', 'end_of_day'));
ALTER TABLE proposals ADD COLUMN last_price;
