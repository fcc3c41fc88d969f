package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * An automatic schedule for one week: the sessions placed and the prescribed hours that
 * could not be, with why. A draft until an admin accepts it, which books every placed
 * session as an appointment, all or nothing.
 *
 * @param score the solver's score, {@code hard/medium/soft}: hard 0 means every rule
 * holds, medium counts the minutes left unplaced, soft the preference penalties (of the
 * solver's week, before any adjustment; what people see is recomputed for the sessions as
 * they stand, {@link ScheduleSolver#assess})
 * @param version counts the admins' adjustments of the draft
 */
public record Proposal(UUID id, LocalDate weekStart, String score, Status status, List<Placed> placed,
		List<Unplaced> unplaced, Instant createdAt, int version) {

	/**
	 * A session placed: who, with whom, what, where and when; the appointment once
	 * accepted.
	 */
	record Placed(UUID id, UUID childId, UUID therapistId, String serviceCode, String place, Instant start, Instant end,
			UUID appointmentId) {

		int minutes() {
			return (int) java.time.Duration.between(this.start, this.end).toMinutes();
		}

	}

	/** Prescribed hours that found no place, and why. */
	record Unplaced(UUID childId, String serviceCode, int minutes, String reason) {

		/**
		 * The time in hours, exact to the minute: {@code 4}, {@code 1.5}, {@code 0.75}.
		 */
		java.math.BigDecimal hours() {
			return Proposal.hours(this.minutes);
		}

	}

	enum Status {

		DRAFT, ACCEPTED;

		@com.fasterxml.jackson.annotation.JsonValue
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * What accepting books (once accepted: booked), in total, per child and per
	 * therapist, and the prescribed time that stays unplaced.
	 *
	 * @param children how many children get at least one session
	 */
	record Summary(int sessions, int minutes, int children, int unplacedMinutes, List<ChildSummary> perChild,
			List<TherapistSummary> perTherapist) {
	}

	/**
	 * One child's part: sessions and minutes to book, minutes already booked in the week
	 * before the proposal, minutes left unplaced.
	 */
	record ChildSummary(UUID childId, int sessions, int minutes, int alreadyBookedMinutes, int unplacedMinutes) {
	}

	/** One therapist's part: sessions and minutes to book. */
	record TherapistSummary(UUID therapistId, int sessions, int minutes) {
	}

	/**
	 * The summary of this proposal.
	 * @param alreadyBooked minutes each child has booked in the week besides this
	 * proposal's sessions
	 */
	Summary summary(java.util.Map<UUID, Integer> alreadyBooked) {
		java.util.Map<UUID, int[]> perChild = new java.util.LinkedHashMap<>();
		java.util.Map<UUID, int[]> perTherapist = new java.util.LinkedHashMap<>();
		children().forEach(child -> perChild.put(child, new int[4]));
		alreadyBooked.keySet().forEach(child -> perChild.putIfAbsent(child, new int[4]));
		int minutes = 0;
		for (Placed session : this.placed) {
			int length = session.minutes();
			minutes += length;
			int[] child = perChild.get(session.childId());
			child[0]++;
			child[1] += length;
			int[] therapist = perTherapist.computeIfAbsent(session.therapistId(), t -> new int[2]);
			therapist[0]++;
			therapist[1] += length;
		}
		int unplacedMinutes = 0;
		for (Unplaced entry : this.unplaced) {
			unplacedMinutes += entry.minutes();
			perChild.get(entry.childId())[3] += entry.minutes();
		}
		alreadyBooked.forEach((child, booked) -> perChild.get(child)[2] += booked);
		return new Summary(this.placed.size(), minutes,
				(int) perChild.values().stream().filter(counts -> counts[0] > 0).count(), unplacedMinutes,
				perChild.entrySet()
					.stream()
					.map(e -> new ChildSummary(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
							e.getValue()[3]))
					.toList(),
				perTherapist.entrySet()
					.stream()
					.map(e -> new TherapistSummary(e.getKey(), e.getValue()[0], e.getValue()[1]))
					.toList());
	}

	/** Minutes as hours, exact to the minute: {@code 4}, {@code 1.5}, {@code 0.75}. */
	static java.math.BigDecimal hours(int minutes) {
		java.math.BigDecimal hours = java.math.BigDecimal.valueOf(minutes)
			.divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
		return (minutes % 60 == 0) ? hours.setScale(0) : hours.stripTrailingZeros();
	}

	/** Every child the proposal places or leaves unplaced. */
	Set<UUID> children() {
		Set<UUID> children = new LinkedHashSet<>();
		this.placed.forEach(p -> children.add(p.childId()));
		this.unplaced.forEach(u -> children.add(u.childId()));
		return children;
	}

}
