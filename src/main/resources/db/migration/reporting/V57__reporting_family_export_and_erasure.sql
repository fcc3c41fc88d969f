-- reporting: a family's data export and erasure (ADR 0040).
--
-- A one-time download link may stand for a family's data export instead of the clinic's: the child whose family it
-- exports. The link's other rules (one use, a minute, only the token's hash kept) are the same.
alter table clinic_export_links add column child_id uuid;

-- A signed progress report stays final, with one exception: a family's erasure replaces the child's name in the
-- signed snapshot (printed on the PDF) by the child's pseudonym. Nothing else of the row may change, and the name may
-- only become a pseudonym of the erasure's form ("Child-" six hex digits " Erased").
create or replace function progress_reports_signed_is_final() returns trigger
    language plpgsql as
$$
begin
    if old.signed_at is not null then
        if tg_op = 'UPDATE'
            and (new.snapshot ->> 'childName') ~ '^Child-[0-9A-F]{6} Erased$'
            and (new.snapshot - 'childName') = (old.snapshot - 'childName')
            and (to_jsonb(new) - 'snapshot') = (to_jsonb(old) - 'snapshot') then
            return new;
        end if;
        raise exception 'progress report % is signed and cannot be changed', old.id using errcode = '55000';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;
