package org.sparktherapy.reporting.internal.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
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

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	OversightReports(AuthorizationBurnDown burnDown, MoneyFigures money, AuditTrail audit, Clock clock,
			SparkProperties properties) {
		this.burnDown = burnDown;
		this.money = money;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	@Transactional(readOnly = true)
	List<AuthorizationBurnDown.Burn> authorizations(CurrentUser user, ReportPeriod period) {
		OversightAccess.requireAdmin(user, this.audit, "authorizationReport");
		List<AuthorizationBurnDown.Burn> burns = this.burnDown.of(period.from(), period.to(), today());
		new LinkedHashSet<>(burns.stream().map(AuthorizationBurnDown.Burn::childId).toList())
			.forEach(child -> this.audit.success(new PhiAccess("list", "authorizationReport", null, child)));
		return burns;
	}

	/** The money figures of a period. */
	record Money(MoneyFigures.Charged charged, MoneyFigures.Collected collected, LocalDate outstandingOn,
			List<MoneyFigures.Aged> outstanding, List<MoneyFigures.Denials> denials) {
	}

	@Transactional(readOnly = true)
	Money money(CurrentUser user, ReportPeriod period) {
		OversightAccess.requireAdmin(user, this.audit, "moneyReport");
		LocalDate today = today();
		Money figures = new Money(this.money.charged(period.from(), period.to()),
				this.money.collected(period.from(), period.to(), this.zone), today,
				this.money.outstanding(today, this.zone), this.money.denials(period.from(), period.to(), this.zone));
		this.audit.success(new PhiAccess("read", "moneyReport", null, null));
		return figures;
	}

}
