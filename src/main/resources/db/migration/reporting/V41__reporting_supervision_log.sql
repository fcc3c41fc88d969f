-- reporting: the supervision log (ADR 0035). RBT supervision that is not in the schedule — a meeting of a BCBA or
-- BCaBA with one technician (individual) or several (group), with or without a child — is recorded here by the
-- supervisor or an admin; supervision observed in the schedule (a 97155 over a technician's 97153) is read from
-- scheduling's appointment_facts and never copied here. Entries are not changed or deleted
-- (no API does).

create table supervision_contacts (
    id              uuid primary key,
    held_on         date        not null,
    minutes         integer     not null check (minutes between 1 and 600),
    supervisor_id   uuid        not null,
    kind            text        not null check (kind in ('individual', 'group')),
    with_child      boolean     not null,
    recorded_by     uuid        not null,
    recorded_at     timestamptz not null
);

create index supervision_contacts_held_on_idx on supervision_contacts (held_on);

-- The technicians a contact supervised: exactly one for an individual contact (the service checks it).
create table supervision_contact_technicians (
    contact_id    uuid not null references supervision_contacts (id),
    technician_id uuid not null,
    primary key (contact_id, technician_id)
);

create index supervision_contact_technicians_technician_idx on supervision_contact_technicians (technician_id);

-- The alert of the third week (ADR 0035): claimed once per technician and month, in the transaction that publishes
-- it, so two nodes or two runs never tell twice.
create table supervision_alerts (
    technician_id uuid        not null,
    month         date        not null check (extract(day from month) = 1),
    shortfalls    text[]      not null,
    sent_at       timestamptz not null,
    primary key (technician_id, month)
);
