-- billing: what the 837P still took from elsewhere (ADR 0030). A payer's claim filing indicator (SBR09: the kind
-- of plan, CI commercial by default, MC Medicaid, BL Blue Cross Blue Shield, HM HMO, ...), and the clinic's
-- submitter id at its clearinghouse (ISA06, GS02, NM1*41), null while the clinic's NPI stands in.

alter table payers
    add column claim_filing_indicator text not null default 'CI'
        check (claim_filing_indicator in ('11', '12', '13', '14', '15', 'BL', 'CH', 'CI', 'FI', 'HM', 'MC', 'OF',
                                          'TV', 'VA', 'ZZ'));

alter table billing_settings
    add column submitter_id text check (submitter_id ~ '^[A-Za-z0-9]{2,15}$');
