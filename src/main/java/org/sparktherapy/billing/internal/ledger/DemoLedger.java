package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.billing.internal.charges.DemoEvents;
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
 * API (the demo admin records the payments and invoices), after charges and claims: three
 * families with guardians, so the parents see them too.
 * <ul>
 * <li>A private-pay family: the family whose child has no coverage. Its ready charges
 * reached its ledger by themselves ({@link PrivatePayPostings} heard them, as in any
 * clinic; this seeding posts none of them, so nothing is posted twice); a deposit by
 * check last month, an issued invoice billing those posted charges, a partial bank
 * transfer this month, and a draft invoice waiting.</li>
 * <li>A family with a balance: family shares (coinsurance) of last month and one from
 * four months ago, partly paid by check (oldest first: 15.00 of it stays over 90 days in
 * the aging).</li>
 * <li>A family without a balance: last month's family share, paid in full by card.</li>
 * </ul>
 * Statements exist for last month (and this one). The two insured families' older shares
 * are posted as a remittance would (the demo's real 835 answers only this month's
 * claims). Seeds nothing when any payment exists.
 */
@Component
@Profile("demo")
@Order(59)
class DemoLedger implements DemoData {

	private static final String ADMIN = "admin@demo.sparktherapy.org";

	/** How long the seeding waits for the ledger to hear of the ready charges. */
	private static final Duration WAIT = Duration.ofSeconds(60);

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
		boolean seeded = this.jdbc.sql("select exists (select 1 from payments)").query(Boolean.class).single();
		if (account == null || seeded) {
			return;
		}
		// the ledger hears of the ready charges (the charges' seeding published them; the
		// listener posts private-pay ones after commit): wait for it
		DemoEvents.awaitDelivered(this.jdbc, WAIT, "ChargeReady", "ChargeVoided");
		UUID privatePay = this.jdbc.sql("""
				select e.child_id from ledger_entries e
				where e.kind = 'charge' and e.charge_id is not null and e.invoice_id is null
				  and not exists (select 1 from ledger_entries r where r.reverses = e.id)
				group by e.child_id order by count(*) desc, e.child_id limit 1""")
			.query(UUID.class)
			.optional()
			.orElse(null);
		List<UUID> families = new java.util.ArrayList<>(this.jdbc
			.sql("""
					select c.child_id from child_names c
					where c.status = 'active'
					  and exists (select 1 from child_visibility v where v.child_id = c.child_id and v.relation = 'guardian')
					  and not exists (select 1 from ledger_entries e where e.child_id = c.child_id)
					order by c.last_name, c.first_name""")
			.query(UUID.class)
			.list());
		// the insured families' money starts here, in families whose ledger is empty yet
		// (the 835's family share went to another; an insured charge never reaches a
		// ledger); the private-pay family is the one whose charges are posted
		if (privatePay != null) {
			families.add(0, privatePay);
		}
		if (families.size() < 3) {
			return;
		}
		CurrentUser admin = new CurrentUser(account.id(), account.role(), account.name(), null);
		LocalDate today = this.ledger.today();
		YearMonth last = YearMonth.from(today).minusMonths(1);
		admin.runAs(() -> {
			privatePay(admin, families.get(0), today, last);
			withBalance(admin, families.get(1), today, last);
			paidUp(admin, families.get(2), today, last);
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

	/**
	 * The family's deposit, then an invoice of the charges the ledger posted (each line
	 * names its charge, so issuing bills the entry already posted), a partial payment and
	 * a draft.
	 */
	private void privatePay(CurrentUser admin, UUID child, LocalDate today, YearMonth last) {
		pay(admin, child, Payment.Method.CHECK, "1187", "200.00", last.atDay(26));
		List<Invoice.NewLine> lines = this.jdbc.sql("""
				select c.id, c.service_date, c.units, c.unit_rate, e.description from ledger_entries e
				join charges c on c.id = e.charge_id
				where e.kind = 'charge' and e.child_id = :child and e.invoice_id is null
				  and not exists (select 1 from ledger_entries r where r.reverses = e.id)
				order by c.service_date, c.id""")
			.param("child", child)
			.query((rs, n) -> new Invoice.NewLine(rs.getString("description"),
					rs.getObject("service_date", LocalDate.class), rs.getInt("units"), rs.getBigDecimal("unit_rate"),
					rs.getObject("id", UUID.class)))
			.list();
		if (lines.isEmpty()) {
			// no private-pay charge in this demo week: an invoice of a typed line
			lines = List.of(new Invoice.NewLine("97153 Adaptive behavior treatment", today.minusDays(2), 8,
					new BigDecimal("35.00"), null));
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
