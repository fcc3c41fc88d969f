package org.sparktherapy.scheduling.internal.changes;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.scheduling.PayerRules;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.scheduling.internal.appointments.Appointment;
import org.sparktherapy.scheduling.internal.appointments.AppointmentController;
import org.sparktherapy.scheduling.internal.appointments.AppointmentService;
import org.sparktherapy.scheduling.internal.autoschedule.Proposal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Changes of appointments proposed by their therapists, approved or declined by admins.
 */
@RestController
@Tag(name = "Appointment change requests", description = "Therapists propose moves; admins approve or decline")
class ChangeRequestController {

	private final ChangeRequestService service;

	private final ZoneId zone;

	ChangeRequestController(ChangeRequestService service, SparkProperties properties) {
		this.service = service;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * scope {@code this} (default), {@code following} or {@code all}, as when moving an
	 * appointment.
	 */
	record ProposeRequest(@Schema(allowableValues = {
			"this", "following", "all" }) @Pattern(regexp = "this|following|all",
					message = "must be this, following or all") String scope,
			@NotNull OffsetDateTime start, @NotNull OffsetDateTime end, UUID therapistId,
			@Nullable @Size(max = 500) String note){
	}

	record ApproveRequest(@Valid AppointmentController.OverrideRequest override) {
	}

	record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
	}

	/** The appointment as it is now, for comparison with what is proposed. */
	record CurrentAppointment(OffsetDateTime start, OffsetDateTime end, Appointment.Person therapist,
			Appointment.Status status, int version) {
	}

	record ChangeRequestResponse(UUID id, UUID appointmentId, UUID childId, @Schema(allowableValues = {
			"this", "following", "all" }) String scope, OffsetDateTime start, OffsetDateTime end,
			@Nullable Appointment.Person therapist, @Nullable String note, AppointmentChangeRequest.Status status,
			boolean stale, Appointment.Person requestedBy, OffsetDateTime requestedAt,
			@Nullable Appointment.Person decidedBy, @Nullable OffsetDateTime decidedAt, @Nullable String decisionReason,
			CurrentAppointment appointment, int version, List<PayerRules.Warning> warnings){

		static ChangeRequestResponse of(AppointmentChangeRequest r, ZoneId zone) {
			return of(r, zone, List.of());
		}

		/**
		 * {@code warnings}: an approval's, where the move goes beyond the child's
		 * authorizations; empty otherwise.
		 */
		static ChangeRequestResponse of(AppointmentChangeRequest r, ZoneId zone, List<PayerRules.Warning> warnings) {
			AppointmentChangeRequest.Current a = r.appointment();
			return new ChangeRequestResponse(r.id(), r.appointmentId(), r.childId(),
					r.scope().name().toLowerCase(Locale.ROOT), r.startsAt().atZone(zone).toOffsetDateTime(),
					r.endsAt().atZone(zone).toOffsetDateTime(), r.therapist(), r.note(), r.status(), r.stale(),
					r.requestedBy(), r.requestedAt().atZone(zone).toOffsetDateTime(), r.decidedBy(),
					(r.decidedAt() != null) ? r.decidedAt().atZone(zone).toOffsetDateTime() : null, r.decisionReason(),
					new CurrentAppointment(a.startsAt().atZone(zone).toOffsetDateTime(),
							a.endsAt().atZone(zone).toOffsetDateTime(), a.therapist(), a.status(), a.version()),
					r.version(), warnings);
		}

	}

	@PostMapping("/api/appointments/{id}/change-requests")
	@Operation(summary = "Propose a change of one's own appointment",
			description = "The appointment's therapist proposes a new start and end, optionally another therapist of "
					+ "the child's care team and a note, for this occurrence, this and the following ones (following) "
					+ "or all of its series, as PUT /api/appointments/{id} would move them. Nothing moves until an "
					+ "admin approves. One pending request per appointment (409 change-request-pending); 409 unless "
					+ "scheduled. Admins move appointments directly (403).")
	ResponseEntity<ChangeRequestResponse> propose(@PathVariable UUID id, @Valid @RequestBody ProposeRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		AppointmentChangeRequest created = this.service.propose(user, id, new ChangeRequestService.Proposal(
				scope(request.scope()), request.start(), request.end(), request.therapistId(), request.note()));
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/api/appointment-change-requests/{id}")
				.buildAndExpand(created.id())
				.toUri())
			.eTag(ETags.of(created.version()))
			.body(ChangeRequestResponse.of(created, this.zone));
	}

	@GetMapping("/api/appointment-change-requests")
	@Operation(summary = "Proposed appointment changes, newest first",
			description = "Admins see every request, therapists their own; parents none (403). status: pending, "
					+ "approved, declined, withdrawn; appointmentId: one appointment's. stale: the appointment changed "
					+ "since the request was made, so it can only be declined or withdrawn.")
	PageResponse<ChangeRequestResponse> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) UUID appointmentId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		PageQuery query = PageQuery.of(page, size, null, ChangeRequestRepository.SORTABLE, "requestedAt,desc");
		return this.service.list(user, status(status), appointmentId, query)
			.map(r -> ChangeRequestResponse.of(r, this.zone));
	}

	@GetMapping("/api/appointment-change-requests/{id}")
	@Operation(summary = "One proposed appointment change",
			description = "Admins and the proposer; 404 for anyone else. The ETag is its version for If-Match.")
	ResponseEntity<ChangeRequestResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		AppointmentChangeRequest request = this.service.get(user, id);
		return ResponseEntity.ok().eTag(ETags.of(request.version())).body(ChangeRequestResponse.of(request, this.zone));
	}

	@PostMapping("/api/appointment-change-requests/{id}/approve")
	@Operation(summary = "Approve a proposed change: move the appointment",
			description = "Admins. Moves the appointment (by the request's scope) exactly as PUT /api/appointments/{id} "
					+ "does: conflicts answer 409 appointment-conflict listing them and nothing changes; override "
					+ "{reason} books outside availability or time off. 409 change-request-stale when the appointment "
					+ "changed since the request, 409 change-request-settled unless pending. warnings as when moving "
					+ "(409 authorization-exceeded where the clinic blocks). If-Match: the request's version.")
	ChangeRequestResponse approve(@PathVariable UUID id, @Valid @RequestBody(required = false) ApproveRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		String override = (request != null && request.override() != null) ? request.override().reason() : null;
		ChangeRequestService.Approved approved = this.service.approve(user, id, override, ETags.version(ifMatch));
		return ChangeRequestResponse.of(approved.request(), this.zone, approved.warnings());
	}

	@PostMapping("/api/appointment-change-requests/{id}/decline")
	@Operation(summary = "Decline a proposed change, saying why",
			description = "Admins; 409 change-request-settled unless pending. If-Match: the request's version.")
	ChangeRequestResponse decline(@PathVariable UUID id, @Valid @RequestBody DeclineRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		return ChangeRequestResponse.of(this.service.decline(user, id, request.reason(), ETags.version(ifMatch)),
				this.zone);
	}

	@PostMapping("/api/appointment-change-requests/{id}/withdraw")
	@Operation(summary = "Withdraw one's own proposed change",
			description = "The proposer; 409 change-request-settled unless pending.")
	ChangeRequestResponse withdraw(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		return ChangeRequestResponse.of(this.service.withdraw(user, id, ETags.version(ifMatch)), this.zone);
	}

	private static Appointment.Scope scope(String value) {
		return (value != null) ? Appointment.Scope.valueOf(value.toUpperCase(Locale.ROOT)) : Appointment.Scope.THIS;
	}

	private static AppointmentChangeRequest.Status status(String value) {
		if (value == null) {
			return null;
		}
		return Arrays.stream(AppointmentChangeRequest.Status.values())
			.filter(s -> s.value().equals(value.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("status", "must be one of pending, approved, declined, withdrawn"));
	}

}
