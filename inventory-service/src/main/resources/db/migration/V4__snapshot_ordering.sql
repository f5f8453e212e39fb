-- Ordering of warehouse snapshots is kept on the balance (columns snapshot_observed_at, snapshot_sequence, V2);
-- this index serves the stale-warehouse checks of the health report.
create index stock_balance_snapshot on stock_balance (seller_id, warehouse_id, snapshot_observed_at);
