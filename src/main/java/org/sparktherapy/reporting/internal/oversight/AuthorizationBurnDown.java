package org.sparktherapy.reporting.internal.oversight;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sparktherapy.scheduling.PayerRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The burn-down of each authorization whose dates touch a period: billing's
 * {@code authorization_facts}, children's {@code child_names} and scheduling's
 * {@code appointment_facts} (ADR 0021). An authorization's units are those of the child's
 * appointments of its service code whose local day falls within its dates: used, of the
 * completed ones (their actual times); planned, of those still scheduled or checked in
 * from today on (their booked times). Minutes become units by the CPT time rule billing
 * uses ({@link PayerRules#units(long)}). Nothing is stored.
 */
@Repository
class AuthorizationBurnDown {

	/** An authorization ending within this many days needs re-authorizing. */
	static final int REAUTHORIZATION_DAYS = 30;

	/**
	 * Units left unused at the end, as a share of those authorized, from which an
	 * authorization counts as expiring with units unused.
	 */
	static final int UNUSED_PERCENT = 10;

	private final JdbcClient jdbc;

	AuthorizationBurnDown(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each child's newest unsigned progress report (reporting's own
	 * {@code progress_reports}, ADR 0034): by the end of its period, then the latest
	 * made.
	 */
	Map<UUID, UUID> newestDrafts(java.util.Collection<UUID> childIds) {
		if (childIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, UUID> drafts = new java.util.HashMap<>();
		this.jdbc.sql("""
				select distinct on (child_id) child_id, id from progress_reports
				where signed_at is null and child_id in (:children)
				order by child_id, period_end desc, created_at desc""")
			.param("children", List.copyOf(childIds))
			.query((rs, n) -> drafts.put(rs.getObject("child_id", UUID.class), rs.getObject("id", UUID.class)))
			.list();
		return drafts;
	}

	/** One week of an authorization: units used and planned in it, and cumulated. */
	record Week(LocalDate weekOf, long used, long planned, long cumulative, long ideal) {
	}

	/** An authorization with its burn-down. */
	record Burn(UUID authorizationId, UUID childId, String childName, String payer, String authorizationNumber,
			String serviceCode, int unitsAuthorized, LocalDate startsOn, LocalDate endsOn, long unitsUsed,
			long unitsPlanned, LocalDate runsOutOn, List<Week> weeks) {

		long unitsRemaining() {
			return this.unitsAuthorized - this.unitsUsed - this.unitsPlanned;
		}

		/** Used and planned run past what was authorized. */
		boolean runsOut() {
			return unitsRemaining() < 0;
		}

		/**
		 * Still running, and what is used and planned leaves at least
		 * {@value #UNUSED_PERCENT} % of the units unused at its end.
		 */
		boolean expiresUnused(LocalDate today) {
			return !this.endsOn.isBefore(today)
					&& unitsRemaining() * 100 >= (long) this.unitsAuthorized * UNUSED_PERCENT;
		}

		/**
		 * Ends within {@value #REAUTHORIZATION_DAYS} days: a progress report is needed.
		 */
		boolean reauthorizationDue(LocalDate today) {
			return !this.endsOn.isBefore(today) && !this.endsOn.isAfter(today.plusDays(REAUTHORIZATION_DAYS));
		}

	}

	/** The authorizations whose dates overlap [from, to], by end date and child. */
	List<Burn> of(LocalDate from, LocalDate to, LocalDate today) {
		record Authorization(UUID id, UUID childId, String childName, String payer, String number, String code,
				int units, LocalDate startsOn, LocalDate endsOn) {
		}
		Map<UUID, Authorization> authorizations = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.*, c.display_name from authorization_facts a
				join child_names c on c.child_id = a.child_id
				where a.ends_on >= :from and a.starts_on <= :to
				order by a.ends_on, c.display_name, a.authorization_id""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new Authorization(rs.getObject("authorization_id", UUID.class),
					rs.getObject("child_id", UUID.class), rs.getString("display_name"), rs.getString("payer"),
					rs.getString("authorization_number"), rs.getString("service_code"), rs.getInt("units_authorized"),
					rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate()))
			.list()
			.forEach(a -> authorizations.put(a.id(), a));
		if (authorizations.isEmpty()) {
			return List.of();
		}
		record Visit(UUID authorizationId, LocalDate day, boolean completed, long minutes) {
		}
		List<Visit> visits = this.jdbc
			.sql("""
					select a.authorization_id, cast(p.local_start as date) as day, p.status = 'completed' as completed,
					  case when p.status = 'completed'
					    then extract(epoch from (coalesce(p.actual_end, p.ends_at) - coalesce(p.actual_start, p.starts_at)))::bigint / 60
					    else extract(epoch from (p.ends_at - p.starts_at))::bigint / 60 end as minutes
					from authorization_facts a
					join appointment_facts p on p.child_id = a.child_id and p.service_code = a.service_code
					  and p.local_start >= a.starts_on and p.local_start < a.ends_on + 1
					where a.authorization_id in (:ids)
					  and (p.status = 'completed' or (p.status in ('scheduled', 'checked_in') and p.local_start >= :today))""")
			.param("ids", List.copyOf(authorizations.keySet()))
			.param("today", Date.valueOf(today))
			.query((rs, n) -> new Visit(rs.getObject("authorization_id", UUID.class), rs.getDate("day").toLocalDate(),
					rs.getBoolean("completed"), rs.getLong("minutes")))
			.list();
		List<Burn> burns = new ArrayList<>();
		for (Authorization a : authorizations.values()) {
			LocalDate firstWeek = a.startsOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			long totalDays = ChronoUnit.DAYS.between(a.startsOn(), a.endsOn()) + 1;
			Map<LocalDate, long[]> byWeek = new LinkedHashMap<>();
			for (LocalDate week = firstWeek; !week.isAfter(a.endsOn()); week = week.plusWeeks(1)) {
				byWeek.put(week, new long[2]);
			}
			long used = 0;
			long planned = 0;
			for (Visit visit : visits) {
				if (!visit.authorizationId().equals(a.id())) {
					continue;
				}
				long units = PayerRules.units(visit.minutes());
				long[] week = byWeek.get(visit.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
				week[visit.completed() ? 0 : 1] += units;
				if (visit.completed()) {
					used += units;
				}
				else {
					planned += units;
				}
			}
			List<Week> weeks = new ArrayList<>();
			long cumulative = 0;
			LocalDate runsOutOn = null;
			for (Map.Entry<LocalDate, long[]> entry : byWeek.entrySet()) {
				cumulative += entry.getValue()[0] + entry.getValue()[1];
				LocalDate weekEnd = entry.getKey().plusDays(6);
				LocalDate counted = weekEnd.isAfter(a.endsOn()) ? a.endsOn() : weekEnd;
				long elapsed = ChronoUnit.DAYS.between(a.startsOn(), counted) + 1;
				long ideal = Math.round((double) a.units() * elapsed / totalDays);
				weeks.add(new Week(entry.getKey(), entry.getValue()[0], entry.getValue()[1], cumulative, ideal));
				if (runsOutOn == null && cumulative > a.units()) {
					runsOutOn = entry.getKey();
				}
			}
			burns.add(new Burn(a.id(), a.childId(), a.childName(), a.payer(), a.number(), a.code(), a.units(),
					a.startsOn(), a.endsOn(), used, planned, runsOutOn, weeks));
		}
		return burns;
	}

}
