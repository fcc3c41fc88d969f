package org.sparktherapy.scheduling.internal.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.database.RetryOnConcurrencyFailure;
import org.sparktherapy.scheduling.AppointmentCancelled;
import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import org.sparktherapy.scheduling.internal.SchedulingProblems;
import org.sparktherapy.scheduling.internal.appointments.Appointment.Scope;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancelling appointments: one, or an occurrence and the following ones of its series.
 * Checks the user with {@link SchedulingAccessPolicy} and writes the PHI access log
 * (refusals included), in one transaction.
 */
@Service
public class AppointmentCancellations {

	private final AppointmentRepository appointments;

	private final AppointmentAccess access;

	private final SchedulingAccessPolicy policy;

	private final CancellationPolicy cancellation;

	private final Children children;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AppointmentCancellations(AppointmentRepository appointments, AppointmentAccess access,
			SchedulingAccessPolicy policy, CancellationPolicy cancellation, Children children, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.appointments = appointments;
		this.access = access;
		this.policy = policy;
		this.cancellation = cancellation;
		this.children = children;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Cancels a scheduled appointment, or with {@link Scope#FOLLOWING} it and the
	 * scheduled occurrences after it in its series: each is late when within the notice
	 * period; a guardian's is a parent cancellation. Returns the appointment addressed.
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	public Appointment cancel(CurrentUser user, UUID id, String reason, Scope scope) {
		Appointment appointment = this.access.visible(user, id, "cancel", true);
		Relation relation = this.children.relationOf(user, appointment.childId());
		if (!this.policy.mayCancel(relation)) {
			this.access.refuse("cancel", id, appointment.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment("Only guardians and admins cancel appointments.");
		}
		if (!appointment.status().mayMoveTo(Appointment.Status.CANCELLED)) {
			throw new SchedulingProblems.WrongAppointmentStatus(appointment.status(), Appointment.Status.CANCELLED);
		}
		List<Appointment> cancelling = switch (scope) {
			case THIS -> List.of(appointment);
			case FOLLOWING -> {
				if (appointment.seriesId() == null) {
					throw new SchedulingProblems.InvalidAppointment("/scope",
							"following applies to an occurrence of a weekly series; this appointment is a single one");
				}
				yield this.appointments.scheduledOfSeries(appointment.seriesId(), appointment.startsAt());
			}
			case ALL -> throw new SchedulingProblems.InvalidAppointment("/scope", "must be this or following");
		};
		Instant now = this.clock.instant();
		boolean byParent = relation == Relation.GUARDIAN;
		UUID cancellationId = UUID.randomUUID();
		for (Appointment occurrence : cancelling) {
			boolean late = this.cancellation.isLate(occurrence.startsAt(), now);
			this.appointments.cancel(occurrence.id(), user.id(), byParent ? "parent" : "admin", reason.trim(), late,
					now);
			this.events.publishEvent(new AppointmentCancelled(occurrence.id(), occurrence.childId(),
					occurrence.therapist().id(), occurrence.startsAt(), byParent, late, now, cancellationId,
					cancelling.size(), cancelling.getFirst().startsAt()));
		}
		this.audit.success(new PhiAccess("cancel", "appointment", id, appointment.childId()));
		return this.appointments.find(id, false).orElseThrow();
	}

}
