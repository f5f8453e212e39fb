-- Puts :skus SKUs with :stock units each in warehouse :wh for seller :seller, as the ledger would hold them
-- (balances and the movements that explain them).
insert into known_warehouse (seller_id, warehouse_id) values (:'seller', :'wh') on conflict do nothing;
insert into known_sku (seller_id, seller_sku)
  select :'seller', :'prefix' || n from generate_series(1, :skus) n on conflict do nothing;
insert into stock_balance (seller_id, seller_sku, warehouse_id, unreserved)
  select :'seller', :'prefix' || n, :'wh', :stock from generate_series(1, :skus) n;
insert into stock_movement (seller_id, seller_sku, warehouse_id, from_bucket, to_bucket, quantity, reason, source, actor)
  select :'seller', :'prefix' || n, :'wh', 'OUTSIDE', 'SELLABLE', :stock, 'BENCH_SEED', 'SYSTEM', 'bench'
  from generate_series(1, :skus) n;
