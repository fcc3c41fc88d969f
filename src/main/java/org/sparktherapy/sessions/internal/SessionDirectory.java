package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.util.Optional;
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

	SessionDirectory(SessionRepository sessions, AuditTrail audit, Clock clock) {
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
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

}
