-- An order the channel shipped before the ledger had reserved it takes what exists; what did not exist is recorded
-- per line here, never dropped: the seller sees it on the reservation and in a metric.
create table reservation_shortfall (
    reservation_id  uuid        not null references reservation (id),
    line_no         int         not null,
    seller_sku      text        not null,
    quantity        bigint      not null check (quantity > 0),
    primary key (reservation_id, line_no)
);
