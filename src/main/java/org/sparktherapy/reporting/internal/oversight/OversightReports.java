package org.sparktherapy.reporting.internal.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	/**
	 * Where each child's progress report is, for the authorizations that need
	 * re-authorizing: the newest draft, else the child's list of progress reports.
	 */
	Map<UUID, String> progressReportLinks(List<AuthorizationBurnDown.Burn> burns) {
		Map<UUID, UUID> drafts = this.burnDown
			.newestDrafts(burns.stream().map(AuthorizationBurnDown.Burn::childId).distinct().toList());
		Map<UUID, String> links = new java.util.HashMap<>();
		for (AuthorizationBurnDown.Burn burn : burns) {
			UUID draft = drafts.get(burn.childId());
			links.put(burn.childId(), (draft != null) ? "/progress-reports/" + draft
					: "/children/" + burn.childId() + "#progress-reports");
		}
		return links;
	}

	/**
	 * The day outstanding is as of: the period's last day, or today while the period has
	 * not ended.
	 */
	LocalDate outstandingOn(ReportPeriod period) {
		LocalDate today = today();
		return period.to().isBefore(today) ? period.to() : today;
	}

	/** The money figures of a period. */
	record Money(MoneyFigures.Charged charged, MoneyFigures.Collected collected, LocalDate outstandingOn,
			List<MoneyFigures.Aged> outstanding, List<MoneyFigures.Denials> denials) {
	}

	@Transactional
	Money money(CurrentUser user, ReportPeriod period) {
		this.access.clinic(user, "money", period);
		LocalDate asOf = outstandingOn(period);
		Money figures = new Money(this.money.charged(period.from(), period.to()),
				this.money.collected(period.from(), period.to(), this.zone), asOf,
				this.money.outstanding(asOf, this.zone), this.money.denials(period.from(), period.to(), this.zone));
		return figures;
	}

}
