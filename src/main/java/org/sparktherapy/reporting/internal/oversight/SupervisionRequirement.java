package org.sparktherapy.reporting.internal.oversight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The BACB's monthly supervision requirement for a Registered Behavior Technician: in
 * each calendar month in which the technician delivers services, a BCBA or BCaBA
 * supervises at least 5 % of the hours of service, in at least two contacts, at least one
 * of them individual and at least one observing the technician with a client. See the
 * BACB's <a href="https://www.bacb.com/rbt/">RBT Handbook</a>, "Ongoing supervision".
 *
 * <p>
 * Sources of a month (ADR 0035): the technician's service is their completed appointments
 * (actual times, in the month of their start in the clinic's zone); supervision observed
 * in the schedule is a supervisor's completed 97155 overlapping the technician's 97153
 * with the same child — its overlap counts as supervised time, and each such 97155 is one
 * individual contact with a child; the supervision log adds contacts that are not in the
 * schedule. Overlaps that overlap each other (two supervisors at once) count their time
 * once. A month is measured in real minutes, so a day with a daylight-saving change
 * counts the hours it had.
 */
final class SupervisionRequirement {

	/** The share of service hours that must be supervised, in percent. */
	static final int MIN_SHARE_PERCENT = 5;

	/** Supervision contacts a month needs. */
	static final int MIN_CONTACTS = 2;

	private SupervisionRequirement() {
	}

	/** A rule of the requirement a month may fall short of. */
	enum Shortfall {

		/** Less than 5 % of the service hours supervised. */
		SHARE("share"),
		/** Fewer than two contacts. */
		CONTACTS("contacts"),
		/** No individual contact. */
		INDIVIDUAL("individual"),
		/** No contact observing the technician with a child. */
		WITH_CHILD("with_child");

		private final String value;

		Shortfall(String value) {
			this.value = value;
		}

		String value() {
			return this.value;
		}

	}

	/** A span of real time. */
	record Span(Instant start, Instant end) {

		long minutes() {
			return Math.max(0, Duration.between(this.start, this.end).toMinutes());
		}

	}

	/**
	 * A supervisor's 97155 overlapping the technician's 97153: {@code overlap} is the
	 * time they shared.
	 */
	record Observation(UUID supervisionAppointmentId, UUID supervisorId, Span overlap) {
	}

	/** A contact of the supervision log. */
	record LoggedContact(LocalDate heldOn, int minutes, boolean individual, boolean withChild) {
	}

	/** One technician's month as the requirement measures it. */
	record Month(YearMonth month, long serviceMinutes, long supervisedMinutes, int contacts, int individualContacts,
			int withChildContacts, Set<Shortfall> shortfalls) {

		/** The supervised share of the service minutes, in percent; 0 without service. */
		double sharePercent() {
			return (this.serviceMinutes == 0) ? 0 : 100.0 * this.supervisedMinutes / this.serviceMinutes;
		}

		boolean met() {
			return this.shortfalls.isEmpty();
		}

	}

	/**
	 * The technician's month {@code month} from the service spans, observations and
	 * logged contacts given (those of other months are ignored). A month without service
	 * has no requirement: no shortfalls.
	 */
	static Month measure(YearMonth month, ZoneId zone, List<Span> service, List<Observation> observations,
			List<LoggedContact> logged) {
		Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		long serviceMinutes = service.stream()
			.filter(span -> inMonth(span.start(), start, end))
			.mapToLong(Span::minutes)
			.sum();
		List<Observation> observed = observations.stream()
			.filter(observation -> inMonth(observation.overlap().start(), start, end))
			.toList();
		long observedMinutes = unionMinutes(observed.stream().map(Observation::overlap).toList());
		int observedContacts = (int) observed.stream().map(Observation::supervisionAppointmentId).distinct().count();
		List<LoggedContact> loggedInMonth = logged.stream()
			.filter(contact -> YearMonth.from(contact.heldOn()).equals(month))
			.toList();
		long loggedMinutes = loggedInMonth.stream().mapToLong(LoggedContact::minutes).sum();
		int contacts = observedContacts + loggedInMonth.size();
		int individual = observedContacts + (int) loggedInMonth.stream().filter(LoggedContact::individual).count();
		int withChild = observedContacts + (int) loggedInMonth.stream().filter(LoggedContact::withChild).count();
		long supervised = observedMinutes + loggedMinutes;
		Set<Shortfall> shortfalls = EnumSet.noneOf(Shortfall.class);
		if (serviceMinutes > 0) {
			if (supervised * 100 < serviceMinutes * MIN_SHARE_PERCENT) {
				shortfalls.add(Shortfall.SHARE);
			}
			if (contacts < MIN_CONTACTS) {
				shortfalls.add(Shortfall.CONTACTS);
			}
			if (individual < 1) {
				shortfalls.add(Shortfall.INDIVIDUAL);
			}
			if (withChild < 1) {
				shortfalls.add(Shortfall.WITH_CHILD);
			}
		}
		return new Month(month, serviceMinutes, supervised, contacts, individual, withChild, shortfalls);
	}

	private static boolean inMonth(Instant at, Instant start, Instant end) {
		return !at.isBefore(start) && at.isBefore(end);
	}

	/** The minutes covered by any of the spans, each minute once. */
	static long unionMinutes(List<Span> spans) {
		List<Span> sorted = new ArrayList<>(spans);
		sorted.sort(Comparator.comparing(Span::start));
		long seconds = 0;
		Instant coveredTo = null;
		for (Span span : sorted) {
			Instant from = (coveredTo != null && coveredTo.isAfter(span.start())) ? coveredTo : span.start();
			if (span.end().isAfter(from)) {
				seconds += Duration.between(from, span.end()).toSeconds();
				coveredTo = span.end();
			}
		}
		return seconds / 60;
	}

}
