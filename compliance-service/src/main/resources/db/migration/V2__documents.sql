-- Compliance documents (rule CMP-2). The file itself lives in its own table so that lists never load it.
create table compliance_document (
    id              uuid primary key,
    seller_id       text        not null,
    type            text        not null,
    number          text        not null,
    issuer          text        not null,
    issued_at       date        not null,
    -- the document is no longer valid from this date on; null = does not expire
    expires_at      date,
    market          text        not null,
    scope           text        not null check (scope in ('SELLER', 'PRODUCT', 'SKU')),
    scope_id        text,
    status          text        not null
        check (status in ('SUBMITTED', 'PENDING_REVIEW', 'VERIFIED', 'REJECTED', 'EXPIRED')),
    file_name       text,
    content_type    text        not null,
    size_bytes      bigint      not null,
    sha256          text        not null,
    submitted_by    text        not null,
    created_at      timestamptz not null,
    reviewed_by     text,
    reviewed_at     timestamptz,
    review_reason   text,
    version         bigint      not null default 0,
    check ((scope = 'SELLER') = (scope_id is null))
);

create index compliance_document_seller_page on compliance_document (seller_id, created_at, id);
create index compliance_document_page on compliance_document (created_at, id);
create index compliance_document_seller_market on compliance_document (seller_id, market, type);
-- the expiry sweep and the "expiring soon" list walk documents by date
create index compliance_document_expiry on compliance_document (expires_at, id)
    where expires_at is not null and status in ('SUBMITTED', 'PENDING_REVIEW', 'VERIFIED');

create table compliance_document_file (
    document_id uuid primary key references compliance_document (id),
    content     bytea not null
);

-- every status change, who made it and why: the review trail a reviewer or an auditor reads
create table compliance_document_status_change (
    id           uuid primary key,
    document_id  uuid        not null references compliance_document (id),
    from_status  text,
    to_status    text        not null,
    changed_by   text        not null,
    changed_at   timestamptz not null,
    reason       text
);

create index compliance_document_status_change_doc on compliance_document_status_change (document_id, changed_at);
