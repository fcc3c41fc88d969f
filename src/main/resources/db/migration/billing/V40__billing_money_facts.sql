-- billing: what it publishes for reporting's money figures (docs/adr/0021, ADR 0035). Reporting reads charges,
-- claims, remittances and the family ledger only through these views, never the tables. Amounts are numeric with
-- their currency; no descriptions, notes or references (free text) are published.

-- Each charge: what was billed for which visit, to whom, and where it stands.
create view charge_facts as
select ch.id as charge_id,
       ch.appointment_id,
       ch.child_id,
       ch.payer_id,
       p.name as payer_name,
       p.kind as payer_kind,
       ch.service_code,
       ch.service_date,
       ch.units,
       ch.amount,
       ch.currency,
       ch.status,
       ch.authorization_id,
       ch.rendering_provider_id
from charges ch
join payers p on p.id = ch.payer_id;

comment on view charge_facts is
    'billing''s published read interface: each charge''s child, payer, service, date, units, amount and status (ADR 0021)';

-- Each claim an insurer received (originals and replacements, not drafts or voids), with its open balance now:
-- billed less what the payer paid and the adjustments of every remittance so far (the rule of PayerAging), and
-- whether a submitted replacement superseded it (then its balance lives on the replacement).
create view claim_facts as
select c.id as claim_id,
       c.child_id,
       c.payer_id,
       p.name as payer_name,
       c.state,
       c.frequency,
       c.submitted_at,
       c.total_charge,
       c.currency,
       c.total_charge
         - coalesce((select sum(rc.paid) from remittance_claims rc where rc.claim_id = c.id), 0)
         - coalesce((select sum(a.amount) from remittance_adjustments a
                     join remittance_claims rc on rc.id = a.remittance_claim_id
                     where rc.claim_id = c.id), 0) as open_balance,
       exists (select 1 from claims n where n.replaces_claim_id = c.id and n.frequency = '7'
               and n.state not in ('draft', 'void') and n.submitted_at is not null) as superseded
from claims c
join payers p on p.id = c.payer_id
where c.frequency in ('1', '7') and c.state not in ('draft', 'void') and c.submitted_at is not null;

comment on view claim_facts is
    'billing''s published read interface: claims insurers received, their state and open balance (ADR 0021)';

-- Each answer of a payer to a claim (one claim of an 835 remittance): when it was paid (the 835's payment date,
-- else when it was imported), the outcome and the money.
create view claim_remittance_facts as
select rc.id as remittance_claim_id,
       rc.claim_id,
       coalesce(c.payer_id, r.payer_id) as payer_id,
       coalesce(p.name, r.payer_name) as payer_name,
       r.payment_date,
       r.imported_at,
       rc.outcome,
       rc.charge,
       rc.paid,
       rc.patient_responsibility,
       r.currency
from remittance_claims rc
join remittances r on r.id = rc.remittance_id
left join claims c on c.id = rc.claim_id
left join payers p on p.id = coalesce(c.payer_id, r.payer_id);

comment on view claim_remittance_facts is
    'billing''s published read interface: payers'' answers to claims, outcome and amounts by remittance day (ADR 0021)';

-- The family ledger's entries (ADR 0028) without their descriptions: kind, amount, day, what an entry reverses,
-- and for an item the family owes what is still open now (less the payments allocated to it and the unreversed
-- credits that apply to it; nothing once reversed), the rule of LedgerRepository.
create view ledger_facts as
select e.id as entry_id,
       e.child_id,
       e.kind,
       e.amount,
       e.currency,
       e.occurred_on,
       e.charge_id,
       e.payment_id,
       e.reverses,
       (select v.kind from ledger_entries v where v.id = e.reverses) as reverses_kind,
       case when e.kind in ('charge', 'patient_responsibility') or (e.kind = 'adjustment' and e.amount > 0) then
         case when exists (select 1 from ledger_entries r where r.reverses = e.id) then 0.00 else e.amount
           - coalesce((select sum(a.amount) from payment_allocations a where a.entry_id = e.id), 0)
           + coalesce((select sum(w.amount) from ledger_entries w where w.applies_to = e.id
               and not exists (select 1 from ledger_entries x where x.reverses = w.id)), 0)
         end
       end as open_amount
from ledger_entries e;

comment on view ledger_facts is
    'billing''s published read interface: family ledger entries without text, with each owed item''s open amount (ADR 0021)';
