-- LST-5: when a live listing's channel stock was last compared with the ledger's
alter table listing add column precision_checked_at timestamptz;
create index listing_precision_due on listing (precision_checked_at nulls first) where status = 'LIVE';
