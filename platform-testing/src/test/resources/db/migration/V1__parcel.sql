create table parcel (
    id         uuid primary key,
    seller_id  text not null,
    label      text not null
);
