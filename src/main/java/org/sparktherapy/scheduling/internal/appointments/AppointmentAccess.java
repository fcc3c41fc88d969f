package org.sparktherapy.scheduling.internal.appointments;

import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import org.sparktherapy.scheduling.internal.SchedulingProblems;

import org.springframework.stereotype.Component;

/**
 * The lookups and refusals that booking, cancelling and attendance share: an appointment
 * the user may know of (asked of {@link SchedulingAccessPolicy}, still the one place of
 * the module's object-level rules), and a refusal written to the PHI access log. Runs in
 * the caller's transaction.
 */
@Component
class AppointmentAccess {

	private final AppointmentRepository appointments;

	private final SchedulingAccessPolicy policy;

	private final Children children;

	private final AuditTrail audit;

	AppointmentAccess(AppointmentRepository appointments, SchedulingAccessPolicy policy, Children children,
			AuditTrail audit) {
		this.appointments = appointments;
		this.policy = policy;
		this.children = children;
		this.audit = audit;
	}

	/**
	 * The appointment if the user may know of it (locked for a change); otherwise a 404
	 * written to the log.
	 */
	Appointment visible(CurrentUser user, UUID id, String action, boolean forUpdate) {
		Appointment appointment = this.appointments.find(id, forUpdate).orElse(null);
		if (appointment == null) {
			refuse(action, id, null, true);
			throw new SchedulingProblems.AppointmentNotFound("appointment");
		}
		if (!this.policy.maySee(user, this.children.relationOf(user, appointment.childId()), appointment)) {
			refuse(action, id, appointment.childId(), true);
			throw new SchedulingProblems.AppointmentNotFound("appointment");
		}
		return appointment;
	}

	void refuse(String action, UUID appointmentId, UUID childId, boolean notFound) {
		this.audit.refused(new PhiAccess(action, "appointment", appointmentId, childId), notFound);
	}

}
