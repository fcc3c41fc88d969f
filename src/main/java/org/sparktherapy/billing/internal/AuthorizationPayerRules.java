package org.sparktherapy.billing.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.billing.internal.charges.InsuredDays;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.scheduling.PayerRules;

import org.springframework.stereotype.Component;

/**
 * Scheduling's {@link PayerRules}, answered from the children's authorizations (ADR
 * 0031).
 * <ul>
 * <li>An appointment on a day the child's services go to an insurer is checked; any other
 * is private pay and checked for nothing. The child's coverages decide the days
 * ({@link InsuredDays}); a child with no coverage recorded at all but with an
 * authorization (a clinic that tracks authorizations without entering coverages) counts
 * as insured every day, and one with neither as private pay.</li>
 * <li>An insured child's appointment of a code counts against the authorization of that
 * code covering its local day. None of that code at all: {@code no_authorization}; some,
 * but none covering the day: {@code outside_dates}, naming the nearest. Either way its
 * units are the shortfall.</li>
 * <li>An authorization the appointments count against whose used and planned units (with
 * them: they were written in the caller's transaction) exceed what it authorizes:
 * {@code over}, the excess as shortfall.</li>
 * </ul>
 * The clinic's {@link ScheduleRules} decide whether warnings block. Each authorization a
 * warning names is logged as read (the admin booking sees its number).
 */
@Component
class AuthorizationPayerRules implements PayerRules {

	private final AuthorizationRepository authorizations;

	private final ScheduleRulesRepository rules;

	private final InsuredDays insured;

	private final AuditTrail audit;

	private final ZoneId zone;

	AuthorizationPayerRules(AuthorizationRepository authorizations, ScheduleRulesRepository rules, InsuredDays insured,
			AuditTrail audit, SparkProperties properties) {
		this.authorizations = authorizations;
		this.rules = rules;
		this.insured = insured;
		this.audit = audit;
		this.zone = properties.clinicTimeZone();
	}

	@Override
	public Verdict check(List<ProposedAppointment> proposed) {
		Map<UUID, List<ProposedAppointment>> byChild = new LinkedHashMap<>();
		proposed.forEach(p -> byChild.computeIfAbsent(p.childId(), id -> new ArrayList<>()).add(p));
		List<Warning> warnings = new ArrayList<>();
		byChild.forEach((childId, appointments) -> warnings.addAll(check(childId, appointments)));
		if (warnings.isEmpty()) {
			return Verdict.NONE;
		}
		return new Verdict(warnings, this.rules.get().enforcement() == ScheduleRules.Enforcement.BLOCK);
	}

	private List<Warning> check(UUID childId, List<ProposedAppointment> appointments) {
		List<Authorization> all = this.authorizations.ofChild(childId);
		InsuredDays.Periods coverages = this.insured.of(childId);
		if (!coverages.recorded() && all.isEmpty()) {
			return List.of();
		}
		Set<Authorization> touched = new LinkedHashSet<>();
		// per code and nearest authorization (null: none of the code): units uncovered
		Map<Uncovered, long[]> uncovered = new LinkedHashMap<>();
		for (ProposedAppointment appointment : appointments) {
			LocalDate day = appointment.startsAt().atZone(this.zone).toLocalDate();
			if (coverages.recorded() && !coverages.covers(day)) {
				// private pay that day
				continue;
			}
			long units = PayerRules
				.units(java.time.Duration.between(appointment.startsAt(), appointment.endsAt()).toMinutes());
			List<Authorization> ofCode = all.stream()
				.filter(a -> a.serviceCode().equals(appointment.serviceCode()))
				.toList();
			Authorization covering = ofCode.stream()
				.filter(a -> !day.isBefore(a.startDate()) && !day.isAfter(a.endDate()))
				.findFirst()
				.orElse(null);
			if (covering != null) {
				touched.add(covering);
				continue;
			}
			Authorization nearest = ofCode.stream().min(Comparator.comparingLong(a -> distance(a, day))).orElse(null);
			long[] sum = uncovered.computeIfAbsent(new Uncovered(appointment.serviceCode(), nearest), k -> new long[2]);
			sum[0]++;
			sum[1] += units;
		}
		List<Warning> warnings = new ArrayList<>();
		uncovered.forEach((key, sum) -> {
			String sessions = (sum[0] == 1) ? "A session" : sum[0] + " sessions";
			if (key.nearest() == null) {
				warnings.add(new Warning("no_authorization", key.serviceCode(), null, null, sum[1],
						sessions + " of " + key.serviceCode() + " (" + units(sum[1])
								+ ") without an authorization: the child has none for " + key.serviceCode() + "."));
			}
			else {
				Authorization a = key.nearest();
				warnings.add(new Warning("outside_dates", key.serviceCode(), a.id(), a.authorizationNumber(), sum[1],
						sessions + " of " + key.serviceCode() + " (" + units(sum[1]) + ") outside authorization "
								+ a.authorizationNumber() + ", which runs " + a.startDate() + " to " + a.endDate()
								+ "."));
				logRead(a);
			}
		});
		for (Authorization a : touched) {
			long committed = a.unitsUsed() + a.unitsScheduled();
			if (committed > a.unitsAuthorized()) {
				long shortfall = committed - a.unitsAuthorized();
				warnings.add(new Warning("over", a.serviceCode(), a.id(), a.authorizationNumber(), shortfall,
						"Authorization " + a.authorizationNumber() + " (" + a.serviceCode() + ") is " + units(shortfall)
								+ " short: " + committed + " used or planned of " + a.unitsAuthorized()
								+ " authorized."));
				logRead(a);
			}
		}
		return warnings;
	}

	@Override
	public List<ChildAllowances> allowances(Collection<UUID> childIds, LocalDate from, LocalDate to) {
		List<ChildAllowances> found = new ArrayList<>();
		for (UUID childId : childIds) {
			List<Authorization> all = this.authorizations.ofChild(childId);
			InsuredDays.Periods coverages = this.insured.of(childId);
			if ((!coverages.recorded() && all.isEmpty()) || (coverages.recorded() && !coverages.overlaps(from, to))) {
				// private pay in these weeks: no limit
				continue;
			}
			found.add(new ChildAllowances(childId,
					all.stream()
						.filter(a -> !a.endDate().isBefore(from) && !a.startDate().isAfter(to))
						.map(a -> new Allowance(a.id(), a.serviceCode(), a.startDate(), a.endDate(),
								Math.max(0, a.unitsRemaining())))
						.toList()));
		}
		return found;
	}

	/** Days between the authorization's dates and {@code day} (0 inside them). */
	private static long distance(Authorization a, LocalDate day) {
		if (day.isBefore(a.startDate())) {
			return a.startDate().toEpochDay() - day.toEpochDay();
		}
		return Math.max(0, day.toEpochDay() - a.endDate().toEpochDay());
	}

	private static String units(long units) {
		return units + ((units == 1) ? " unit" : " units");
	}

	private void logRead(Authorization a) {
		this.audit.success(new PhiAccess("read", "authorization", a.id(), a.childId()));
	}

	/** Appointments of a code no authorization covers, by the nearest one of the code. */
	private record Uncovered(String serviceCode, Authorization nearest) {
	}

}
