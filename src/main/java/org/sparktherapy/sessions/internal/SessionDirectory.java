package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.sessions.Sessions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Sessions} for other modules: recording an appointment opens its session here.
 * Callers have decided that the appointment's time has come.
 */
@Service
class SessionDirectory implements Sessions {

	private final SessionRepository sessions;

	private final AuditTrail audit;

	private final Clock clock;

	private final ProgressService progress;

	private final TargetSummaries summaries;

	SessionDirectory(SessionRepository sessions, AuditTrail audit, Clock clock, ProgressService progress,
			TargetSummaries summaries) {
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
		this.progress = progress;
		this.summaries = summaries;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, List<Sessions.RecordedSession>> recordedSessionsOf(Collection<UUID> childIds, Instant from,
			Instant to) {
		return this.summaries.recordedSessions(childIds, from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, Set<UUID>> stalledTargetsOf(Collection<UUID> childIds, int window) {
		if (window < 1) {
			throw new IllegalArgumentException("window must be at least 1");
		}
		return this.summaries.stalled(childIds, window, this.clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, Instant> latestDataOf(Collection<Sessions.TargetSince> targets, Instant until) {
		return this.summaries.latestData(targets, until);
	}

	@Override
	@Transactional
	public UUID openFor(Sessions.AppointmentToRecord appointment) {
		UUID id = UUID.randomUUID();
		if (!this.sessions.insertForAppointment(id, appointment.appointmentId(), appointment.childId(),
				appointment.therapistId(), appointment.serviceCode().code(), appointment.place().value(),
				appointment.startsAt(), appointment.endsAt(), this.clock.instant())) {
			return this.sessions.forAppointment(appointment.appointmentId()).orElseThrow();
		}
		this.audit.success(new PhiAccess("create", "session", id, appointment.childId()));
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Sessions.Times> timesOf(UUID sessionId) {
		return this.sessions.find(sessionId, false).map(s -> new Sessions.Times(s.startedAt(), s.endedAt()));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.List<Sessions.TargetProgress> progressOf(UUID childId, java.time.Instant from,
			java.time.Instant to) {
		return this.progress.compute(childId, from, to, null)
			.stream()
			.map(t -> new Sessions.TargetProgress(t.targetId(), t.programId(), t.programName(), t.name(),
					t.measurement(), t.phase(), t.criterion(), t.masteredAt(),
					t.points()
						.stream()
						.map(p -> new Sessions.ProgressPoint(p.sessionId(), p.date(), p.trials(), p.percentCorrect(),
								p.percentIndependent(), p.count(), p.ratePerHour(), p.durationSeconds(),
								p.meetsCriterion()))
						.toList(),
					t.phaseChanges()
						.stream()
						.map(l -> new Sessions.PhaseLine(l.phase(), l.at(),
								(l.by() != null) ? new Sessions.Changer(l.by().id(), l.by().name()) : null,
								l.automatic()))
						.toList()))
			.toList();
	}

}
