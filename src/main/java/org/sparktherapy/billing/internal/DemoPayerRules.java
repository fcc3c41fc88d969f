package org.sparktherapy.billing.internal;

import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoData;
import org.sparktherapy.platform.web.PageQuery;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Payer rules in the demo clinic ({@code demo} profile, ADR 0031): the clinic warns (the
 * default of V26) and one authorization running out is left with 4 units, so that booking
 * one more session of it in the demo shows the warning. Runs after
 * {@link DemoAuthorizations}; an authorization already this close is left alone.
 */
@Component
@Profile("demo")
@Order(56)
class DemoPayerRules implements DemoData {

	private static final String ADMIN = "admin@demo.sparktherapy.org";

	/** The units the nearly used-up authorization keeps: less than one 2-hour session. */
	static final int UNITS_LEFT = 4;

	private final AuthorizationService service;

	private final Accounts accounts;

	DemoPayerRules(AuthorizationService service, Accounts accounts) {
		this.service = service;
		this.accounts = accounts;
	}

	@Override
	public void seed() {
		AccountSummary account = this.accounts.findByEmail(ADMIN).orElse(null);
		if (account == null) {
			return;
		}
		CurrentUser admin = new CurrentUser(account.id(), account.role(), account.name(), null);
		admin.runAs(() -> this.service
			.current(admin, Authorization.Alert.RUNNING_OUT, PageQuery.of(0, 1), this.service.today())
			.content()
			.stream()
			.filter(a -> a.unitsRemaining() > UNITS_LEFT)
			.findFirst()
			.ifPresent(a -> this.service.update(admin, a.id(), a.version(),
					new Authorization.Terms(a.payer(), a.memberId(), a.authorizationNumber(), a.serviceCode(),
							(int) (a.unitsUsed() + a.unitsScheduled() + UNITS_LEFT), a.startDate(), a.endDate(),
							a.notes()))));
	}

}
