package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoData;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's family money ({@code demo} profile), through the same services as the
 * API (the demo admin records the payments and invoices): three families with guardians,
 * so the parents see them too.
 * <ul>
 * <li>A family with a balance: family shares (coinsurance) of last month and one from
 * four months ago, partly paid by check (oldest first: 15.00 of it stays over 90 days in
 * the aging).</li>
 * <li>A family without a balance: last month's family share, paid in full by card.</li>
 * <li>A private-pay family: last month's sessions as private-pay charges, an issued
 * invoice billing them and a partial bank transfer this month; a draft invoice
 * waiting.</li>
 * </ul>
 * Statements exist for last month (and this one). Until the claims module posts family
 * shares from real remittances, the demo posts them as a remittance would. Seeds nothing
 * when any ledger entry exists.
 */
@Component
@Profile("demo")
@Order(56)
class DemoLedger implements DemoData {

	private static final String ADMIN = "admin@demo.sparktherapy.org";

	private final LedgerService ledger;

	private final InvoiceService invoices;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	DemoLedger(LedgerService ledger, InvoiceService invoices, Accounts accounts, JdbcClient jdbc) {
		this.ledger = ledger;
		this.invoices = invoices;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void seed() {
		AccountSummary account = this.accounts.findByEmail(ADMIN).orElse(null);
		boolean seeded = this.jdbc.sql("select exists (select 1 from ledger_entries)").query(Boolean.class).single();
		if (account == null || seeded) {
			return;
		}
		List<UUID> families = this.jdbc
			.sql("""
					select c.child_id from child_names c
					where c.status = 'active'
					  and exists (select 1 from child_visibility v where v.child_id = c.child_id and v.relation = 'guardian')
					order by c.last_name, c.first_name
					limit 3""")
			.query(UUID.class)
			.list();
		if (families.size() < 3) {
			return;
		}
		CurrentUser admin = new CurrentUser(account.id(), account.role(), account.name(), null);
		LocalDate today = this.ledger.today();
		YearMonth last = YearMonth.from(today).minusMonths(1);
		admin.runAs(() -> {
			withBalance(admin, families.get(0), today, last);
			paidUp(admin, families.get(1), today, last);
			privatePay(admin, families.get(2), today, last);
		});
	}

	private void withBalance(CurrentUser admin, UUID child, LocalDate today, YearMonth last) {
		share(child, today.minusDays(120), today.minusDays(100), "97153", "45.00", "180.00");
		share(child, last.atDay(4), last.atDay(20), "97153", "38.40", "153.60");
		share(child, last.atDay(11), last.atDay(24), "97155", "22.50", "90.00");
		pay(admin, child, Payment.Method.CHECK, "2214", "30.00", last.atDay(27));
	}

	private void paidUp(CurrentUser admin, UUID child, LocalDate today, YearMonth last) {
		share(child, last.atDay(6), last.atDay(21), "97153", "30.00", "120.00");
		pay(admin, child, Payment.Method.CARD_TERMINAL, "T-55810", "30.00", last.atDay(28));
	}

	private void privatePay(CurrentUser admin, UUID child, LocalDate today, YearMonth last) {
		List<Invoice.NewLine> lines = new java.util.ArrayList<>();
		for (int day : new int[] { 3, 10, 17 }) {
			UUID charge = UUID.randomUUID();
			LocalDate on = last.atDay(day);
			BigDecimal amount = new BigDecimal("250.00");
			this.ledger.postPrivatePayCharge(new Ledger.PrivatePayCharge(charge, child, on,
					"97153 Adaptive behavior treatment, 8 units (" + on + ")", amount, Amounts.CURRENCY));
			lines.add(new Invoice.NewLine("97153 Adaptive behavior treatment", on, 8, new BigDecimal("31.25"), charge));
		}
		Invoice invoice = this.invoices.create(admin, child, null, lines);
		this.invoices.issue(admin, invoice.id(), invoice.version());
		pay(admin, child, Payment.Method.BANK_TRANSFER, "ACH 7731", "300.00", today);
		this.invoices.create(admin, child, null, List.of(new Invoice.NewLine("97156 Family training, 4 units",
				today.minusDays(1), 4, new BigDecimal("30.00"), null)));
	}

	private void share(UUID child, LocalDate service, LocalDate remitted, String code, String amount, String paid) {
		this.ledger.postFamilyShare(new Ledger.FamilyShare(child, null,
				"DEMO-835-" + child + "-" + service + "-" + code, new BigDecimal(amount), new BigDecimal(paid),
				Amounts.CURRENCY, service, remitted, code + " on " + service + ": coinsurance"));
	}

	private void pay(CurrentUser admin, UUID child, Payment.Method method, String reference, String amount,
			LocalDate on) {
		this.ledger.recordPayment(admin, "demo-" + child + "-" + on,
				new Payment.Request(child, method, reference, new BigDecimal(amount), on, null));
	}

}
