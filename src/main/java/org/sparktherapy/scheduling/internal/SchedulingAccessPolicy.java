package org.sparktherapy.scheduling.internal;

import org.sparktherapy.scheduling.internal.changes.AppointmentChangeRequest;
import org.sparktherapy.scheduling.internal.appointments.Appointment;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Who may do what with appointments and availability — the one place this is decided for
 * the scheduling module.
 * <ul>
 * <li>Admins book, change (move), override availability, cancel, check in, complete and
 * mark no-shows for every appointment, and manage every therapist's availability and time
 * off.</li>
 * <li>Therapists see their own appointments and those of their care-team children; they
 * check in, complete and mark no-shows for their own. They do not move appointments: they
 * propose changes of their own, see and withdraw their own proposals; admins see, approve
 * and decline every proposal.</li>
 * <li>Guardians see their own children's appointments and may cancel them (a parent
 * cancellation); proposed changes do not exist for them.</li>
 * <li>Anyone else: the appointment does not exist for them.</li>
 * </ul>
 */
@Component
public class SchedulingAccessPolicy {

	/** Which appointments a user's lists show. */
	public enum Scope {

		/** every appointment */
		ALL,
		/**
		 * the therapist's own appointments and those of children whose care team they are
		 * on
		 */
		THERAPIST,
		/** the appointments of the guardian's children */
		GUARDIAN,
		/** the therapist's own appointments only (their calendar feed) */
		OWN

	}

	public Scope listScope(CurrentUser user) {
		if (user.isAdmin()) {
			return Scope.ALL;
		}
		return user.is(Role.THERAPIST) ? Scope.THERAPIST : Scope.GUARDIAN;
	}

	/**
	 * What a user's calendar feed shows: a feed leaves the clinic, so a therapist's
	 * carries only their own appointments, not their care-team children's.
	 */
	public Scope feedScope(CurrentUser user) {
		if (user.isAdmin()) {
			return Scope.ALL;
		}
		return user.is(Role.THERAPIST) ? Scope.OWN : Scope.GUARDIAN;
	}

	public boolean maySee(CurrentUser user, Relation relation, Appointment appointment) {
		return relation.canSee() || appointment.therapist().id().equals(user.id());
	}

	public boolean mayBook(Relation relation) {
		return relation == Relation.ADMIN;
	}

	public boolean mayOverrideAvailability(CurrentUser user) {
		return user.isAdmin();
	}

	public boolean mayCancel(Relation relation) {
		return relation == Relation.ADMIN || relation == Relation.GUARDIAN;
	}

	public boolean mayChange(Relation relation) {
		return relation == Relation.ADMIN;
	}

	public boolean mayRecordAttendance(CurrentUser user, Appointment appointment) {
		return user.isAdmin() || appointment.therapist().id().equals(user.id());
	}

	public boolean mayManageAvailability(CurrentUser user) {
		return user.isAdmin();
	}

	/**
	 * Admins and the therapist themself read a therapist's working hours and time off.
	 */
	public boolean mayReadAvailability(CurrentUser user, java.util.UUID therapistId) {
		return user.isAdmin() || user.id().equals(therapistId);
	}

	/**
	 * A therapist proposes changes of their own appointments; admins move appointments
	 * directly.
	 */
	public boolean mayProposeChange(CurrentUser user, Appointment appointment) {
		return user.is(Role.THERAPIST) && appointment.therapist().id().equals(user.id());
	}

	/** Admins and the request's proposer; for anyone else it does not exist. */
	/**
	 * Admins see every request; its proposer sees it while still on the child's care team
	 * (a therapist who left the team no longer sees where and when the child is
	 * scheduled).
	 */
	public boolean maySeeChangeRequest(CurrentUser user, Relation relation, AppointmentChangeRequest request) {
		return user.isAdmin() || (request.requestedBy().id().equals(user.id()) && relation.canSee());
	}

	/** Admins list every request, therapists their own; parents never see requests. */
	public boolean mayListChangeRequests(CurrentUser user) {
		return user.isAdmin() || user.is(Role.THERAPIST);
	}

	public boolean mayDecideChangeRequest(CurrentUser user) {
		return user.isAdmin();
	}

	public boolean mayWithdrawChangeRequest(CurrentUser user, AppointmentChangeRequest request) {
		return request.requestedBy().id().equals(user.id());
	}

}
