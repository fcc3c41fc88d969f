package org.sparktherapy.reporting.internal.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.reporting.internal.ReportAccess;
import org.sparktherapy.reporting.internal.ReportPeriod;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorizations' burn-down and the clinic's money (admins): each read of a child's
 * authorization is audited; the money figures are sums per payer and age without a child,
 * audited as one read of the report.
 */
@Service
class OversightReports {

	private final AuthorizationBurnDown burnDown;

	private final MoneyFigures money;

	private final ReportAccess access;

	private final Clock clock;

	private final ZoneId zone;

	OversightReports(AuthorizationBurnDown burnDown, MoneyFigures money, ReportAccess access, Clock clock,
			SparkProperties properties) {
		this.burnDown = burnDown;
		this.money = money;
		this.access = access;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	@Transactional
	List<AuthorizationBurnDown.Burn> authorizations(CurrentUser user, ReportPeriod period) {
		this.access.clinic(user, "authorizations", period);
		List<AuthorizationBurnDown.Burn> burns = this.burnDown.of(period.from(), period.to(), today());
		return burns;
	}

	/** The money figures of a period. */
	record Money(MoneyFigures.Charged charged, MoneyFigures.Collected collected, LocalDate outstandingOn,
			List<MoneyFigures.Aged> outstanding, List<MoneyFigures.Denials> denials) {
	}

	@Transactional
	Money money(CurrentUser user, ReportPeriod period) {
		this.access.clinic(user, "money", period);
		LocalDate today = today();
		Money figures = new Money(this.money.charged(period.from(), period.to()),
				this.money.collected(period.from(), period.to(), this.zone), today,
				this.money.outstanding(today, this.zone), this.money.denials(period.from(), period.to(), this.zone));
		return figures;
	}

}
