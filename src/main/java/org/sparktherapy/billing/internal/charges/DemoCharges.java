package org.sparktherapy.billing.internal.charges;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoData;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's billing data ({@code demo} profile), recorded by the demo admin
 * through the same services as the API, after the schedule, its signed notes and the
 * authorizations: the clinic's billing settings; two insurers that differ in rounding and
 * modifiers (Blue Cross Blue Shield: the CMS 8-minute rule, HM/HN/HO; State Medicaid:
 * whole units only, HM/HN/HP, lower rates) besides private pay, each with a fee schedule
 * for every code; every therapist's NPI; and a coverage for the children with
 * appointments — alternately with each insurer, except the third child, whose family pays
 * privately, and the second, whose Medicaid coverage lacks its member id so its charges
 * are held. The subscriber is the child's guardian, at the family's home. The coverages
 * come before the private-pay fee schedule, so no insured child's charge is ever priced
 * as private pay (and posted to its family's ledger). The charges themselves come from
 * the completed appointments as in any clinic (billing hears of them); once those are
 * heard, every open charge is checked again, and one is voided as recorded by mistake.
 * Seeded once: a clinic with an insurer is left alone.
 */
@Component
@Profile("demo")
@Order(57)
class DemoCharges implements DemoData {

	private static final String ADMIN = "admin@demo.sparktherapy.org";

	/** How long the seeding waits for billing to hear of the completed appointments. */
	private static final Duration WAIT = Duration.ofSeconds(60);

	private final PayerService payers;

	private final CoverageService coverages;

	private final ChargeBook book;

	private final ChargeService charges;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	DemoCharges(PayerService payers, CoverageService coverages, ChargeBook book, ChargeService charges,
			Accounts accounts, JdbcClient jdbc) {
		this.payers = payers;
		this.coverages = coverages;
		this.book = book;
		this.charges = charges;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void seed() {
		AccountSummary account = this.accounts.findByEmail(ADMIN).orElse(null);
		boolean seeded = this.jdbc.sql("select exists (select 1 from payers where kind = 'insurance')")
			.query(Boolean.class)
			.single();
		if (account == null || seeded) {
			return;
		}
		CurrentUser admin = new CurrentUser(account.id(), account.role(), account.name(), null);
		admin.runAs(() -> seed(admin));
	}

	private void seed(CurrentUser admin) {
		LocalDate yearAgo = LocalDate.now().minusYears(1);
		this.payers.saveSettings(admin, null,
				new BillingSettings("SPARK Demo Behavioral Health LLC", "1245319599", "84-1234567", "103K00000X",
						new Address("400 Harbor Way", "Suite 210", "Springfield", "IL", "62701"), "2175550142", "10",
						0));
		Payer bcbs = this.payers.create(admin,
				new Payer.Terms("Blue Cross Blue Shield", "BCBSIL", UnitRoundingRule.CMS_8_MINUTE, true, "USD",
						new Address("PO Box 805107", null, "Chicago", "IL", "60680"), true,
						modifiers("HO", "HN", "HM")));
		Payer medicaid = this.payers.create(admin,
				new Payer.Terms("State Medicaid", "ILMCD", UnitRoundingRule.WHOLE_UNITS, true, "USD",
						new Address("201 South Grand Avenue East", null, "Springfield", "IL", "62763"), true,
						modifiers("HP", "HN", "HM")));
		rates(admin, bcbs, yearAgo, "31.00", "18.50", "17.00", "12.00", "28.50", "26.00", "12.00", "16.00");
		rates(admin, medicaid, yearAgo, "25.50", "14.75", "13.50", "9.25", "22.00", "20.50", "9.00", "12.50");
		List<UUID> therapists = this.jdbc
			.sql("select account_id from account_names where role = 'therapist' and active order by name, account_id")
			.query(UUID.class)
			.list();
		for (int i = 0; i < therapists.size(); i++) {
			this.payers.saveNpi(admin, therapists.get(i), npi(1_306_455_780 + i * 10));
		}
		List<UUID> children = this.jdbc.sql("""
				select c.child_id from child_names c
				where c.status = 'active'
				  and exists (select 1 from appointment_facts p where p.child_id = c.child_id)
				order by c.last_name, c.first_name""").query(UUID.class).list();
		// the coverages before the private-pay fee schedule: until an insured child's
		// coverage is recorded its charges are private pay, and with a private-pay fee
		// they would be posted to the family's ledger, to be reversed when the coverage
		// came
		for (int i = 0; i < children.size(); i++) {
			if (i == 2) {
				// this family pays privately: no coverage
				continue;
			}
			Payer payer = (i % 2 == 0) ? bcbs : medicaid;
			String member = (i == 1) ? null : payer.name().substring(0, 3).toUpperCase() + (700_100_200 + i * 37);
			this.coverages.create(admin, children.get(i),
					new Coverage.Terms(payer.id(), member, (i % 2 == 0) ? "GRP-20417" : null,
							guardianOf(children.get(i)), List.of("F84.0"), yearAgo, null, 1));
		}
		rates(admin, this.book.privatePay(), yearAgo, "35.00", "20.00", "20.00", "14.00", "32.00", "30.00", "14.00",
				"18.00");
		// billing hears of the completed appointments and signed notes asynchronously:
		// wait for it, then check every open charge against the data above
		DemoEvents.awaitDelivered(this.jdbc, WAIT, "AppointmentCompleted", "SessionSubmitted");
		this.book.recheckEverything();
		this.jdbc.sql("select id from charges where status = 'held' order by service_date, id limit 1")
			.query(UUID.class)
			.optional()
			.ifPresent(id -> this.charges.voidCharge(admin, id, null,
					"Recorded for the wrong appointment; the session is billed on its own charge."));
	}

	private void rates(CurrentUser admin, Payer payer, LocalDate from, String... perCode) {
		ServiceCode[] codes = ServiceCode.values();
		for (int i = 0; i < codes.length; i++) {
			this.payers.addRate(admin, payer.id(),
					new PayerService.RateRequest(codes[i].code(), perCode[i], from, null));
		}
	}

	private static Map<Credential, String> modifiers(String bcba, String bcaba, String rbt) {
		Map<Credential, String> modifiers = new EnumMap<>(Credential.class);
		modifiers.put(Credential.BCBA, bcba);
		modifiers.put(Credential.BCABA, bcaba);
		modifiers.put(Credential.RBT, rbt);
		return modifiers;
	}

	/**
	 * A fictional NPI with a valid check digit from a base whose last digit is replaced.
	 */
	static String npi(long base) {
		String nine = Long.toString(base).substring(0, 9);
		return nine + BillingIdentifiers.luhnCheckDigit("80840" + nine);
	}

	/**
	 * The child's subscriber: the guardian linked first (a parent, on whose plan the
	 * child is), at the family's home (the child's record).
	 */
	private Coverage.Subscriber guardianOf(UUID child) {
		String guardian = this.jdbc.sql("""
				select a.name from child_visibility v join account_names a on a.account_id = v.account_id
				where v.child_id = :child and v.relation = 'guardian'
				order by v.since, a.account_id limit 1""")
			.param("child", child)
			.query(String.class)
			.optional()
			.orElse(null);
		Address home = this.jdbc.sql("""
				select address_line1, address_line2, address_city, address_state, address_postal_code
				from child_billing_facts where child_id = :child and address_line1 is not null""")
			.param("child", child)
			.query((rs, n) -> new Address(rs.getString("address_line1"), rs.getString("address_line2"),
					rs.getString("address_city"), rs.getString("address_state"), rs.getString("address_postal_code")))
			.optional()
			.orElse(null);
		return new Coverage.Subscriber(guardian, "child", null, home);
	}

}
