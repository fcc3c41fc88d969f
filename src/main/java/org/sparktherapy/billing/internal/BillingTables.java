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
	}

}
