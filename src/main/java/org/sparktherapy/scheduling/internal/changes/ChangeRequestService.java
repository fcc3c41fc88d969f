package org.sparktherapy.scheduling.internal.changes;

import org.sparktherapy.scheduling.internal.autoschedule.Proposal;
import org.sparktherapy.scheduling.internal.appointments.Appointment;
import org.sparktherapy.scheduling.internal.appointments.AppointmentService;
import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import org.sparktherapy.scheduling.internal.SchedulingProblems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.database.RetryOnConcurrencyFailure;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.scheduling.AppointmentChangeDecided;
import org.sparktherapy.scheduling.AppointmentChangeRequested;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Therapists propose changes of their own appointments; admins approve them — the move
 * then goes through {@link AppointmentService#change}, so conflicts, overrides, series
 * splitting, events and audit are those of a direct move — or decline them; the proposer
 * may withdraw. A request on an appointment that changed since is stale: it can no longer
 * be approved. Who may do what is decided by {@link SchedulingAccessPolicy}; parents
 * never see requests.
 */
@Service
public class ChangeRequestService {

	private static final String RESOURCE = "appointmentChangeRequest";

	/**
	 * What a therapist proposes; {@code therapistId} and {@code note} may be
	 * {@code null}.
	 */
	public record Proposal(Appointment.Scope scope, OffsetDateTime start, OffsetDateTime end, UUID therapistId,
			String note) {
	}

	private final ChangeRequestRepository requests;

	private final AppointmentService appointments;

	private final SchedulingAccessPolicy policy;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final Children children;

	ChangeRequestService(ChangeRequestRepository requests, AppointmentService appointments,
			SchedulingAccessPolicy policy, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			SparkProperties properties, Children children) {
		this.children = children;
		this.requests = requests;
		this.appointments = appointments;
		this.policy = policy;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * Records a therapist's proposed change of their own scheduled appointment. Nothing
	 * moves yet; conflicts are checked when an admin approves, against the schedule as it
	 * is then.
	 */
	@Transactional
	public AppointmentChangeRequest propose(CurrentUser user, UUID appointmentId, Proposal proposal) {
		Appointment appointment = this.appointments.visible(user, appointmentId, "propose-change", true);
		if (!this.policy.mayProposeChange(user, appointment)) {
			refuse("create", null, appointment.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment(user.isAdmin() ? "Admins move appointments directly."
					: "Only the appointment's own therapist proposes changes.");
		}
		if (appointment.status() != Appointment.Status.SCHEDULED) {
			throw new SchedulingProblems.AppointmentNotChangeable(appointment.status());
		}
		validate(proposal);
		UUID therapistId = proposal.therapistId();
		if (therapistId != null && therapistId.equals(appointment.therapist().id())) {
			therapistId = null;
		}
		if (therapistId != null) {
			this.appointments.checkTherapist(therapistId, appointment.childId());
		}
		if (this.requests.hasPending(appointmentId)) {
			throw new SchedulingProblems.ChangeRequestPending();
		}
		Appointment.Scope scope = (appointment.seriesId() != null) ? proposal.scope() : Appointment.Scope.THIS;
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		String note = (proposal.note() != null && !proposal.note().isBlank()) ? proposal.note().trim() : null;
		this.requests.insert(id, appointment, scope, proposal.start().toInstant(), proposal.end().toInstant(),
				therapistId, note, user.id(), now);
		this.events.publishEvent(new AppointmentChangeRequested(id, appointmentId, appointment.childId(), user.id(),
				(therapistId != null) ? therapistId : appointment.therapist().id(), proposal.start().toInstant(),
				proposal.end().toInstant(), now));
		this.audit.success(new PhiAccess("create", RESOURCE, id, appointment.childId()));
		return this.requests.find(id, false).orElseThrow();
	}

	@Transactional
	AppointmentChangeRequest get(CurrentUser user, UUID id) {
		AppointmentChangeRequest request = visible(user, id, "read", false);
		this.audit.success(new PhiAccess("read", RESOURCE, id, request.childId()));
		return request;
	}

	/**
	 * Admins see every request, therapists their own; parents none (403). One access-log
	 * entry per child shown.
	 */
	@Transactional
	PageResponse<AppointmentChangeRequest> list(CurrentUser user, AppointmentChangeRequest.Status status,
			UUID appointmentId, PageQuery page) {
		if (!this.policy.mayListChangeRequests(user)) {
			refuse("list", null, null, false);
			throw new SchedulingProblems.NotAllowedForAppointment("Parents do not see proposed changes.");
		}
		PageResponse<AppointmentChangeRequest> result = this.requests
			.list(new ChangeRequestRepository.Filter(status, appointmentId, user.isAdmin() ? null : user.id()), page);
		Set<UUID> shown = new LinkedHashSet<>();
		result.content().forEach(r -> shown.add(r.childId()));
		this.audit.successAll(shown.stream().map(childId -> new PhiAccess("list", RESOURCE, null, childId)).toList());
		return result;
	}

	/**
	 * Approves a pending request: moves the appointment (and its series, by the request's
	 * scope) as an admin's move would — conflicts answer 409 as they do there, and
	 * {@code overrideReason} overrides availability and time off. Nothing changes unless
	 * all of it does.
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	Approved approve(CurrentUser user, UUID id, String overrideReason, Integer expectedVersion) {
		AppointmentChangeRequest request = decidable(user, id, "approve", expectedVersion);
		if (request.stale()) {
			throw new SchedulingProblems.ChangeRequestStale();
		}
		AppointmentService.Booking moved = this.appointments.change(user, request.appointmentId(),
				new AppointmentService.ChangeRequest(request.scope(),
						request.startsAt().atZone(this.zone).toOffsetDateTime(),
						request.endsAt().atZone(this.zone).toOffsetDateTime(),
						(request.therapist() != null) ? request.therapist().id() : null, null, null, overrideReason,
						request.appointmentVersion()));
		return new Approved(settle(user, request, AppointmentChangeRequest.Status.APPROVED, null, "approve"),
				moved.warnings());
	}

	/**
	 * An approved request, and what the child's payer rules warn of about the move.
	 */
	record Approved(AppointmentChangeRequest request,
			java.util.List<org.sparktherapy.scheduling.PayerRules.Warning> warnings) {
	}

	@Transactional
	AppointmentChangeRequest decline(CurrentUser user, UUID id, String reason, Integer expectedVersion) {
		AppointmentChangeRequest request = decidable(user, id, "decline", expectedVersion);
		return settle(user, request, AppointmentChangeRequest.Status.DECLINED, reason.trim(), "decline");
	}

	/** The proposer takes their pending request back. */
	@Transactional
	AppointmentChangeRequest withdraw(CurrentUser user, UUID id, Integer expectedVersion) {
		AppointmentChangeRequest request = visible(user, id, "withdraw", true);
		if (!this.policy.mayWithdrawChangeRequest(user, request)) {
			refuse("withdraw", id, request.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment("Only the proposer withdraws a request.");
		}
		pendingAt(request, expectedVersion);
		return settle(user, request, AppointmentChangeRequest.Status.WITHDRAWN, null, "withdraw");
	}

	private AppointmentChangeRequest decidable(CurrentUser user, UUID id, String action, Integer expectedVersion) {
		AppointmentChangeRequest request = visible(user, id, action, true);
		if (!this.policy.mayDecideChangeRequest(user)) {
			refuse(action, id, request.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment("Only admins approve or decline requests.");
		}
		pendingAt(request, expectedVersion);
		return request;
	}

	private static void pendingAt(AppointmentChangeRequest request, Integer expectedVersion) {
		if (expectedVersion != null && expectedVersion != request.version()) {
			throw new StaleVersion();
		}
		if (request.status() != AppointmentChangeRequest.Status.PENDING) {
			throw new SchedulingProblems.ChangeRequestSettled(request.status().value());
		}
	}

	private AppointmentChangeRequest settle(CurrentUser user, AppointmentChangeRequest request,
			AppointmentChangeRequest.Status outcome, String reason, String action) {
		Instant now = this.clock.instant();
		this.requests.decide(request.id(), outcome, user.id(), reason, now);
		this.events.publishEvent(new AppointmentChangeDecided(request.id(), request.appointmentId(), request.childId(),
				request.requestedBy().id(), outcome.value(), user.id(), now));
		this.audit.success(new PhiAccess(action, RESOURCE, request.id(), request.childId()));
		return this.requests.find(request.id(), false).orElseThrow();
	}

	private AppointmentChangeRequest visible(CurrentUser user, UUID id, String action, boolean forUpdate) {
		AppointmentChangeRequest request = this.requests.find(id, forUpdate).orElse(null);
		if (request == null
				|| !this.policy.maySeeChangeRequest(user, this.children.relationOf(user, request.childId()), request)) {
			refuse(action, id, (request != null) ? request.childId() : null, true);
			throw new SchedulingProblems.AppointmentNotFound("appointment change request");
		}
		return request;
	}

	private static void validate(Proposal proposal) {
		if (!proposal.end().isAfter(proposal.start())) {
			throw new SchedulingProblems.InvalidAppointment("/end", "must be after start");
		}
		if (Duration.between(proposal.start(), proposal.end()).compareTo(Duration.ofHours(24)) >= 0) {
			throw new SchedulingProblems.InvalidAppointment("/end", "an appointment lasts less than 24 hours");
		}
		if (proposal.start().toInstant().isBefore(AppointmentService.EARLIEST)) {
			throw new SchedulingProblems.InvalidAppointment("/start", "lies too far in the past");
		}
	}

	private void refuse(String action, UUID id, UUID childId, boolean notFound) {
		this.audit.refused(new PhiAccess(action, RESOURCE, id, childId), notFound);
	}

}
