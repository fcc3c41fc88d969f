package org.sparktherapy.sessions;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.vocabulary.Measurement;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

/**
 * What other modules may ask of the sessions module.
 */
public interface Sessions {

	/** An appointment whose session is to be recorded. */
	record AppointmentToRecord(UUID appointmentId, UUID childId, UUID therapistId, ServiceCode serviceCode, Place place,
			Instant startsAt, Instant endsAt) {
	}

	/**
	 * When a session began and ended, as its therapist recorded it ({@code endedAt} may
	 * be {@code null}).
	 */
	record Times(Instant startedAt, Instant endedAt) {
	}

	/**
	 * A submitted session of a child and the targets it recorded data for (entries undone
	 * in the session left out).
	 */
	record RecordedSession(UUID sessionId, Instant startedAt, Set<UUID> targetIds) {
	}

	/**
	 * The submitted sessions of each child asked for that began in {@code [from, to)},
	 * oldest first, with the targets each recorded data for (every child asked for is a
	 * key, in the order given): for reports, whose caller has decided that its user may
	 * see the children and writes the access log. One read for all of them.
	 */
	Map<UUID, List<RecordedSession>> recordedSessionsOf(Collection<UUID> childIds, Instant from, Instant to);

	/**
	 * Of each child asked for, the targets in intervention whose teaching no longer moves
	 * them (the home page's stalled rule), comparing the latest {@code window} sessions
	 * with the {@code window} before them (every child asked for is a key): for reports,
	 * whose caller checks access and logs. A few set-based reads however many children:
	 * each target's latest results since its phase began, not the children's histories.
	 */
	Map<UUID, Set<UUID>> stalledTargetsOf(Collection<UUID> childIds, int window);

	/** A child's target and the moment from which its data counts. */
	record TargetSince(UUID childId, UUID targetId, Instant since) {
	}

	/**
	 * For each target asked for, when its latest submitted session with data for it
	 * began, counting sessions that began at or after its {@code since} and before
	 * {@code until}; targets without such a session are not keys. "Data" is any entry
	 * about the target not undone in its session. For reports, whose caller checks access
	 * and logs. One read for all of them.
	 */
	Map<UUID, Instant> latestDataOf(Collection<TargetSince> targets, Instant until);

	/**
	 * Opens the session record of an appointment for its therapist, who then records data
	 * into it and submits it; the session names the appointment. The caller has decided
	 * that the appointment's time has come. Returns the session's id — the one already
	 * opened for this appointment, if any.
	 */
	UUID openFor(AppointmentToRecord appointment);

	/** The session's times as recorded so far, if it exists. */
	Optional<Times> timesOf(UUID sessionId);

	/**
	 * One submitted session's result for a target, as the progress graph plots it: the
	 * value drawn depends on the measurement (percent correct, percent independent,
	 * count, rate per hour or seconds).
	 */
	record ProgressPoint(UUID sessionId, Instant date, int trials, @Nullable Double percentCorrect,
			@Nullable Double percentIndependent, int count, @Nullable Double ratePerHour, int durationSeconds,
			boolean meetsCriterion) {
	}

	/** Who changed a target's phase. */
	record Changer(UUID id, String name) {
	}

	/** A phase-change line of a graph; {@code by} is null for automatic changes. */
	record PhaseLine(TargetPhase phase, Instant at, @Nullable Changer by, boolean automatic) {
	}

	/**
	 * One target's graph: its points in the period, every phase change of the target and
	 * its program's criterion — the same figures as {@code GET
	 * /api/children/{id}/progress}.
	 */
	record TargetProgress(UUID targetId, UUID programId, String programName, String name, Measurement measurement,
			TargetPhase phase, @Nullable Programs.Criterion criterion, @Nullable Instant masteredAt,
			List<ProgressPoint> points, List<PhaseLine> phaseChanges) {
	}

	/**
	 * The child's progress per target of its current (not archived) programs over the
	 * sessions submitted in {@code [from, to)}, for reports. The caller has decided that
	 * its user may see the child and writes the access log; nothing is logged here.
	 */
	List<TargetProgress> progressOf(UUID childId, Instant from, Instant to);

}
