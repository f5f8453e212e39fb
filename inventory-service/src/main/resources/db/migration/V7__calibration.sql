-- Reconciliation (rules WH-4, WH-5): a warehouse reading that disagrees with what the ledger expected by more than
-- the threshold opens a calibration task. While it is open the balance withholds the units the reading showed beyond
-- what was expected (never sell what may not be there); once overdue it withholds everything (no new orders).
create table calibration_task (
    id                  uuid        primary key,
    seller_id           text        not null,
    seller_sku          text        not null,
    warehouse_id        text        not null,
    status              text        not null check (status in ('OPEN', 'RESOLVED', 'ESCALATED')),
    expected_in_transit bigint      not null,
    expected_qc         bigint      not null,
    expected_frozen     bigint      not null,
    expected_sellable   bigint      not null,
    observed_in_transit bigint      not null,
    observed_qc         bigint      not null,
    observed_frozen     bigint      not null,
    observed_sellable   bigint      not null,
    unexplained         bigint      not null,
    withheld            bigint      not null check (withheld >= 0),
    opened_by_event     text        not null,
    last_event          text        not null,
    opened_at           timestamptz not null,
    due_at              timestamptz not null,
    escalated_at        timestamptz,
    resolved_at         timestamptz,
    resolution_reason   text,
    resolution_note     text,
    resolved_by         text
);
-- one task per item while it is unresolved
create unique index calibration_task_unresolved on calibration_task (seller_id, seller_sku, warehouse_id)
    where status in ('OPEN', 'ESCALATED');
create index calibration_task_seller_page on calibration_task (seller_id, opened_at desc, id);
create index calibration_task_due on calibration_task (due_at) where status = 'OPEN';

-- withheld: units of the unreserved bucket not offered while a calibration task is unresolved
-- (9223372036854775807: all of them, the task is overdue)
alter table stock_balance add column withheld bigint not null default 0 check (withheld >= 0);
alter table stock_balance add column calibration_task_id uuid;
