-- billing: what was open on a past day, one rule for the family aging, the payer aging and reporting's money
-- figures (ADR 0028, ADR 0035). Both are published read interfaces (ADR 0021) like the views of V40: reporting reads
-- them, never the tables. Everything is by the day an entry is dated: what is dated after the day does not count,
-- whenever it was recorded.

-- The family items open at the end of as_of. An item (a charge, a family share, a debit adjustment) dated on or
-- before the day, not reversed by then, less the credits (write-offs, credit adjustments) applied to it by then and
-- not reversed by then; the family's payments received by then (nothing of one reversed by then), less their
-- refunds by then, pay the oldest items first (by day, then when recorded) — the rule of FifoAllocation. Oldest
-- first, the items that the payments' total covers are paid, the one it reaches into is partly open, the rest open
-- in full; so what is open does not depend on the order of the payments, only on their sum.
create function family_open_items_on(as_of date)
returns table (entry_id uuid, child_id uuid, occurred_on date, recorded_at timestamptz, open_amount numeric)
language sql stable as $$
  with reversed as (
    select r.reverses as id from ledger_entries r where r.reverses is not null and r.occurred_on <= as_of
  ), items as (
    select e.id, e.child_id, e.occurred_on, e.recorded_at,
      e.amount + coalesce((select sum(w.amount) from ledger_entries w
                           where w.applies_to = e.id and w.occurred_on <= as_of
                             and w.id not in (select id from reversed)), 0) as owed
    from ledger_entries e
    where (e.kind in ('charge', 'patient_responsibility') or (e.kind = 'adjustment' and e.amount > 0))
      and e.occurred_on <= as_of and e.id not in (select id from reversed)
  ), paid as (
    select p.child_id, sum(greatest(0,
        (case when exists (select 1 from ledger_entries pe where pe.payment_id = p.id and pe.kind = 'payment'
                           and pe.id in (select id from reversed)) then 0 else p.amount end)
        - coalesce((select sum(f.amount) from ledger_entries f
                    where f.payment_id = p.id and f.kind = 'refund' and f.occurred_on <= as_of
                      and f.id not in (select id from reversed)), 0))) as total
    from payments p where p.received_on <= as_of
    group by p.child_id
  ), ordered as (
    select i.*, sum(i.owed) over (partition by i.child_id
                                  order by i.occurred_on, i.recorded_at, i.id rows unbounded preceding) as owed_so_far
    from items i where i.owed > 0
  )
  select o.id, o.child_id, o.occurred_on, o.recorded_at,
         least(o.owed, o.owed_so_far - coalesce(d.total, 0)) as open_amount
  from ordered o left join paid d on d.child_id = o.child_id
  where o.owed_so_far - coalesce(d.total, 0) > 0
$$;

comment on function family_open_items_on(date) is
    'billing''s published read interface: each family item open at the end of a day, by the entries dated by then (ADR 0021)';

-- The claims insurers had received by the end of as_of (in the clinic's zone), not superseded by a replacement
-- submitted by then, with their open balance then: billed less what the payer paid and the adjustments of the
-- remittances received by then (the 835's payment date, else its import day) — the rule of PayerAging.
create function claim_open_on(as_of date, zone text)
returns table (claim_id uuid, child_id uuid, payer_id uuid, submitted_on date, open_balance numeric)
language sql stable as $$
  with received as (
    select r.id from remittances r
    where coalesce(r.payment_date, (r.imported_at at time zone zone)::date) <= as_of
  )
  select c.id, c.child_id, c.payer_id, (c.submitted_at at time zone zone)::date,
    c.total_charge
      - coalesce((select sum(rc.paid) from remittance_claims rc
                  where rc.claim_id = c.id and rc.remittance_id in (select id from received)), 0)
      - coalesce((select sum(a.amount) from remittance_adjustments a
                  join remittance_claims rc on rc.id = a.remittance_claim_id
                  where rc.claim_id = c.id and rc.remittance_id in (select id from received)), 0)
  from claims c
  where c.frequency in ('1', '7') and c.state not in ('draft', 'void') and c.submitted_at is not null
    and (c.submitted_at at time zone zone)::date <= as_of
    and not exists (select 1 from claims n where n.replaces_claim_id = c.id and n.frequency = '7'
                    and n.state not in ('draft', 'void') and n.submitted_at is not null
                    and (n.submitted_at at time zone zone)::date <= as_of)
$$;

comment on function claim_open_on(date, text) is
    'billing''s published read interface: claims received by a day and their open balance then (ADR 0021)';
