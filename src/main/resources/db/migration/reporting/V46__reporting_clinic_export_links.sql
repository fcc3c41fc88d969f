-- reporting: one-time download links of the clinic's full export (ADR 0036). An admin asks for a link (the export is
-- logged then, with export_id); the browser follows it once, within a minute, without the access token. Only the
-- SHA-256 hash of the link's random token is kept. Rows are removed a day after they expire.

create table clinic_export_links (
    token_hash  bytea       primary key,
    export_id   uuid        not null unique,
    account_id  uuid        not null,
    format      text        not null check (format in ('csv', 'json')),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create index clinic_export_links_expires_at_idx on clinic_export_links (expires_at);
