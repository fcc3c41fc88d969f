package org.sparktherapy.billing.internal;

import java.time.Clock;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.StaleVersion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and changing the clinic's {@link ScheduleRules}: admins only
 * ({@link BillingAccessPolicy}). The rules name no child, so nothing goes to the PHI
 * access log; who changed them last is kept on the row.
 */
@Service
class ScheduleRulesService {

	private final ScheduleRulesRepository rules;

	private final BillingAccessPolicy policy;

	private final Clock clock;

	ScheduleRulesService(ScheduleRulesRepository rules, BillingAccessPolicy policy, Clock clock) {
		this.rules = rules;
		this.policy = policy;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	ScheduleRules get(CurrentUser user) {
		allowed(user);
		return this.rules.get();
	}

	/**
	 * Replaces the rules; {@code version} (from If-Match) when the caller wants a change
	 * in between refused (412).
	 */
	@Transactional
	ScheduleRules change(CurrentUser user, Integer version, ScheduleRules.Enforcement enforcement, int graceDays) {
		allowed(user);
		int expected = (version != null) ? version : this.rules.get().version();
		if (!this.rules.update(expected, enforcement, graceDays, user.id(), this.clock.instant())) {
			throw new StaleVersion();
		}
		return this.rules.get();
	}

	private void allowed(CurrentUser user) {
		if (!this.policy.mayManageScheduleRules(user)) {
			throw new BillingProblems.NotAllowedInBilling("Only admins see and change the schedule's payer rules.");
		}
	}

}
