-- The latest report applied per cause of the alerts other services raise: a report older than it (delivered late,
-- or again) changes nothing, so a clear overtaken by its own raise never reopens an alert.
create table alert_report_mark (
    seller_id    text        not null,
    type         text        not null,
    cause        text        not null,
    reported_at  timestamptz not null,
    primary key (seller_id, type, cause)
);
