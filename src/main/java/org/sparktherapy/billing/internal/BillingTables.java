package org.sparktherapy.billing.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The billing module's tables in the clinic's full export (ADR 0036), all of them whole.
 */
@Component
class BillingTables extends TableExport {

	BillingTables(DataSource dataSource) {
		super("billing", dataSource,
				List.of("payers", "payer_modifiers", "fee_schedule_rates", "billing_settings", "provider_numbers",
						"billing_schedule_rules", "coverages", "authorizations", "charges", "claim_batches", "claims",
						"claim_lines", "invoices", "invoice_lines", "payments", "payment_allocations", "ledger_entries",
						"remittances", "remittance_claims", "remittance_adjustments", "remittance_family_shares"),
				Map.of());
		for (String table : List.of("coverages", "authorizations", "charges", "claims", "invoices", "payments",
				"ledger_entries", "remittance_family_shares")) {
			familyRows(table, "child_id in (:children)");
		}
		familyRows("claim_lines", "claim_id in (select id from claims where child_id in (:children))");
		familyRows("invoice_lines", "invoice_id in (select id from invoices where child_id in (:children))");
		familyRows("payment_allocations", "payment_id in (select id from payments where child_id in (:children))");
		familyRows("remittance_claims", "claim_id in (select id from claims where child_id in (:children))");
		familyRows("remittance_adjustments", "remittance_claim_id in (select rc.id from remittance_claims rc "
				+ "join claims c on c.id = rc.claim_id where c.child_id in (:children))");
	}

}
