-- When the channel says the seller's authorisation lapses (its upcoming-expiry notification, CH-3); a new consent
-- clears it. The refresh token's own expiry is in refresh_expires_at.
alter table channel_connection add column authorization_expires_at timestamptz;

-- A listing whose delisting call is in flight holds the ledger's delisting lock (INV-1).
alter table listing drop constraint listing_status_check;
alter table listing add constraint listing_status_check check (status in ('DRAFT', 'PUBLISHING', 'IN_REVIEW', 'LIVE',
    'FAILED', 'DELISTING', 'DELISTED', 'FROZEN'));
