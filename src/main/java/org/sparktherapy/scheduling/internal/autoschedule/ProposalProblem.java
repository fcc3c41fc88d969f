package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.identity.Credential;
import org.sparktherapy.scheduling.PayerRules;
import org.sparktherapy.scheduling.internal.availability.AvailabilityRepository;
import org.sparktherapy.scheduling.internal.availability.TherapistAvailability;

/**
 * Everything {@link ScheduleSolver} needs to propose one week, read beforehand so that
 * solving touches no database.
 *
 * @param weekStart the Monday of the week, in the clinic's time zone
 * @param notBefore no session is proposed to start earlier (now, for the current week)
 * @param children the children to schedule, with their preferences and care teams
 * @param therapists every care-team therapist involved, with their weekly hours
 */
record ProposalProblem(LocalDate weekStart, ZoneId zone, Instant notBefore, List<ChildWeek> children,
		List<TherapistWeek> therapists) {

	/**
	 * One child's week.
	 *
	 * @param careTeam the active therapists on the child's care team
	 * @param booked the child's live appointments in the week: the solver plans only the
	 * prescribed time they leave and never overlaps them
	 * @param allowances what the child's payer still allows ({@link PayerRules}): the
	 * solver plans no more units of a code than remain and nothing outside their dates;
	 * {@code null} when no payer limits the child (private pay)
	 */
	record ChildWeek(SchedulePreferences preferences, List<UUID> careTeam, List<Booked> booked,
			List<PayerRules.Allowance> allowances) {

		/** A child no payer limits. */
		ChildWeek(SchedulePreferences preferences, List<UUID> careTeam, List<Booked> booked) {
			this(preferences, careTeam, booked, null);
		}

		/**
		 * The child's allowances of {@code serviceCode}; {@code null} when no payer
		 * limits the child.
		 */
		List<PayerRules.Allowance> allowances(String serviceCode) {
			return (this.allowances == null) ? null
					: this.allowances.stream().filter(a -> a.serviceCode().equals(serviceCode)).toList();
		}

		/** Minutes of {@code serviceCode} already booked this week. */
		int bookedMinutes(String serviceCode) {
			return this.booked.stream()
				.filter(b -> b.serviceCode().equals(serviceCode))
				.mapToInt(b -> (int) java.time.Duration.between(b.start(), b.end()).toMinutes())
				.sum();
		}

	}

	/**
	 * One therapist's week.
	 *
	 * @param credential what the therapist may deliver
	 * ({@link org.sparktherapy.vocabulary.ServiceCode#mayDeliver}); {@code null} when
	 * none is recorded, which delivers nothing
	 * @param hours weekly availability; none means not available for proposals
	 * ({@link TherapistAvailability#plannable})
	 * @param busy live appointments in the week
	 * @param timeOff time off in the week
	 */
	record TherapistWeek(UUID therapistId, Credential credential, List<SchedulePreferences.Hours> hours,
			List<Busy> busy, List<AvailabilityRepository.TimeOff> timeOff) {

		/** A week without time off. */
		TherapistWeek(UUID therapistId, Credential credential, List<SchedulePreferences.Hours> hours, List<Busy> busy) {
			this(therapistId, credential, hours, busy, List.of());
		}

		/** The therapist's availability rule, in the clinic's time zone. */
		TherapistAvailability availability(ZoneId zone) {
			return new TherapistAvailability(this.hours.stream()
				.map(h -> new AvailabilityRepository.Block(h.weekday(), h.start(), h.end()))
				.toList(), this.timeOff, zone);
		}

	}

	/** A live appointment of the child, of one service. */
	record Booked(String serviceCode, Instant start, Instant end) {

		boolean overlaps(Instant otherStart, Instant otherEnd) {
			return this.start.isBefore(otherEnd) && otherStart.isBefore(this.end);
		}

	}

	/** A stretch of time already taken. */
	record Busy(Instant start, Instant end) {

		boolean overlaps(Instant otherStart, Instant otherEnd) {
			return this.start.isBefore(otherEnd) && otherStart.isBefore(this.end);
		}

	}

}
