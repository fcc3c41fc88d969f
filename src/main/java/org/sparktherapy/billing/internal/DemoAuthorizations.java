package org.sparktherapy.billing.internal;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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
 * The demo clinic's insurance authorizations ({@code demo} profile), recorded by the demo
 * admin through the same service as the API, after the schedule is seeded: each child
 * with direct-therapy (97153) appointments gets a six-month authorization from the first
 * of the month before last — so it covers the demo's month of completed appointments —
 * sized from what its schedule already commits so the clinic shows every state — plenty
 * left, running out, over, and used up by the sessions already given, so that the most
 * recent charges wait for more units — and the first child a supervision (97155)
 * authorization that ends soon, the expired direct-therapy authorization before the
 * current one and the approved renewal after it; the admins are told of those running
 * out, as for any recorded authorization. Children that already have authorizations are
 * left alone.
 */
@Component
@Profile("demo")
@Order(55)
class DemoAuthorizations implements DemoData {

	private static final String ADMIN = "admin@demo.sparktherapy.org";

	/** Payers and member-id prefixes, fictional. */
	private static final List<String> PAYERS = List.of("Blue Cross Blue Shield", "Aetna", "UnitedHealthcare", "Cigna",
			"State Medicaid");

	/**
	 * How many units the sessions already given exceed the used-up authorization by: a
	 * session and a half of two hours.
	 */
	static final int USED_UP_BY = 12;

	private final AuthorizationService service;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	DemoAuthorizations(AuthorizationService service, Accounts accounts, JdbcClient jdbc) {
		this.service = service;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void seed() {
		AccountSummary account = this.accounts.findByEmail(ADMIN).orElse(null);
		if (account == null) {
			return;
		}
		CurrentUser admin = new CurrentUser(account.id(), account.role(), account.name(), null);
		List<UUID> children = this.jdbc
			.sql("""
					select c.child_id from child_names c
					where c.status = 'active'
					  and exists (select 1 from appointment_facts p where p.child_id = c.child_id and p.service_code = '97153')
					  and not exists (select 1 from authorizations a where a.child_id = c.child_id)
					order by c.last_name, c.first_name""")
			.query(UUID.class)
			.list();
		LocalDate today = this.service.today();
		LocalDate start = today.minusMonths(2).with(TemporalAdjusters.firstDayOfMonth());
		LocalDate end = start.plusMonths(6).minusDays(1);
		admin.runAs(() -> {
			for (int i = 0; i < children.size(); i++) {
				UUID child = children.get(i);
				String payer = PAYERS.get(i % PAYERS.size());
				Authorization direct = this.service.create(admin, child,
						terms(payer, i, "97153", 1000, start, end, "Direct therapy, 6 months"));
				long committed = direct.unitsUsed() + direct.unitsScheduled();
				// the first plenty, the second running out, the third over, the fourth
				// used up by the sessions given (its last one and a half sessions wait
				// for more units), then plenty again
				long units = switch (i % 4) {
					case 1 -> Math.max(1, Math.round(committed / 0.85));
					case 2 -> Math.max(1, committed - 8);
					case 3 -> Math.max(1, direct.unitsUsed() - USED_UP_BY);
					default -> Math.max(committed * 4, 240);
				};
				this.service.update(admin, direct.id(), direct.version(), terms(payer, i, "97153",
						(int) Math.min(units, 100000), start, end, "Direct therapy, 6 months"));
				if (i == 0) {
					this.service.create(admin, child, terms(payer, i, "97155", 48, today.minusMonths(5),
							today.plusDays(18), "Protocol modification by the BCBA; renewal requested"));
					this.service.create(admin, child, terms(payer, i, "97153", 960, start.minusMonths(6),
							start.minusDays(1), "Direct therapy, the previous six months"));
					this.service.create(admin, child, terms(payer, i, "97153", 1000, end.plusDays(1), end.plusMonths(6),
							"Direct therapy, renewal approved"));
				}
			}
		});
	}

	private static Authorization.Terms terms(String payer, int index, String code, int units, LocalDate start,
			LocalDate end, String notes) {
		String member = payer.substring(0, 3).toUpperCase(java.util.Locale.ROOT) + (482_193_000 + index * 7_919);
		return new Authorization.Terms(payer, member, "PA-" + start.getYear() + "-" + code + "-" + (1000 + index), code,
				units, start, end, notes);
	}

}
