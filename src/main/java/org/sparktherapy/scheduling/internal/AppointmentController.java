package org.sparktherapy.scheduling.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Appointments: booking (single or a weekly series), reading, cancelling, check-in and completion. Times are
 * ISO-8601 with offsets; answers give them in the clinic's time zone.
 */
@RestController
@Tag(name = "Appointments", description = "Booking, recurring series, conflicts, cancellation, check-in")
class AppointmentController {

	private final AppointmentService service;

	private final ZoneId zone;

	AppointmentController(AppointmentService service, SparkProperties properties) {
		this.service = service;
		this.zone = properties.clinicTimeZone();
	}

	record OverrideRequest(@NotBlank @Size(max = 500) String reason) {
	}

	record AppointmentRequest(@NotNull UUID childId, @NotNull UUID therapistId, @NotBlank String serviceCode,
			@NotBlank String place, @NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
			@Size(max = 500) String recurrence, @Valid OverrideRequest override) {
	}

	/**
	 * A change of an appointment; {@code scope} {@code this} (the default), {@code following} or {@code all} for
	 * occurrences of a series. Fields left out stay as they are.
	 */
	record ChangeRequest(
			@Pattern(regexp = "this|following|all", message = "must be this, following or all") String scope,
			OffsetDateTime start, OffsetDateTime end, UUID therapistId, String serviceCode, String place,
			@Valid OverrideRequest override) {
	}

	/** Why; {@code scope} {@code this} (the default) or {@code following} (this and the later occurrences). */
	record CancelRequest(@NotBlank @Size(max = 500) String reason,
			@Pattern(regexp = "this|following", message = "must be this or following") String scope) {
	}

	record AppointmentResponse(UUID id, UUID seriesId, UUID childId, Appointment.Person therapist,
			String serviceCode, String place, OffsetDateTime start, OffsetDateTime end, Appointment.Status status,
			Appointment.Cancellation cancellation, Appointment.Override override, UUID sessionId,
			String sessionStatus, int version) {

		static AppointmentResponse of(Appointment a, ZoneId zone) {
			return new AppointmentResponse(a.id(), a.seriesId(), a.childId(), a.therapist(), a.serviceCode(),
					a.place(), a.startsAt().atZone(zone).toOffsetDateTime(),
					a.endsAt().atZone(zone).toOffsetDateTime(), a.status(), a.cancellation(), a.override(),
					a.sessionId(), a.sessionStatus(), a.version());
		}

	}

	record SeriesResponse(UUID id, String recurrence) {
	}

	record BookingResponse(SeriesResponse series, List<AppointmentResponse> occurrences) {
	}

	@PostMapping("/api/appointments")
	@Operation(summary = "Book an appointment or a weekly series",
			description = "recurrence: an RFC 5545 rule, weekly only, with BYDAY and COUNT or UNTIL (at most 200 "
					+ "occurrences), e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10; occurrences keep the first one's "
					+ "wall-clock time in the clinic's time zone. All or nothing: 409 lists every conflicting "
					+ "occurrence (errors[].pointer /occurrences/{n}) — therapist or child already booked, therapist "
					+ "outside their weekly hours or on time off. override {reason} books outside availability and "
					+ "time off, recorded; never a double booking. Admins only.")
	ResponseEntity<BookingResponse> book(@Valid @RequestBody AppointmentRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		AppointmentService.Booking booking = this.service.book(user,
				new AppointmentService.BookingRequest(request.childId(), request.therapistId(), request.serviceCode(),
						request.place(), request.start(), request.end(), request.recurrence(),
						(request.override() != null) ? request.override().reason() : null));
		BookingResponse body = response(booking);
		return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(booking.occurrences().getFirst().id())
			.toUri()).body(body);
	}

	@GetMapping("/api/appointments")
	@Operation(summary = "Appointments the caller may see, by start",
			description = "Admins see all; therapists their own and their care-team children's; guardians their "
					+ "children's. from/to: ISO-8601 date-times with offsets (appointments overlapping the range); "
					+ "status: scheduled, checked_in, completed, cancelled, no_show.")
	PageResponse<AppointmentResponse> list(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) UUID therapistId, @RequestParam(required = false) UUID childId,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@AuthenticationPrincipal CurrentUser user) {
		if (from != null && to != null && !to.isAfter(from)) {
			throw new InvalidInput("to", "must be after from");
		}
		PageQuery query = PageQuery.of(page, size, sort, Map.of("start", "p.starts_at"), "start,asc");
		AppointmentRepository.Filter filter = new AppointmentRepository.Filter(instant(from), instant(to),
				therapistId, childId, status(status));
		return this.service.list(user, filter, query).map(a -> AppointmentResponse.of(a, this.zone));
	}

	@GetMapping("/api/appointments/{id}")
	@Operation(summary = "One appointment", description = "404 for appointments the caller may not see. The ETag "
			+ "is the version to send back in If-Match when moving it.")
	ResponseEntity<AppointmentResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		AppointmentResponse body = AppointmentResponse.of(this.service.get(user, id), this.zone);
		return ResponseEntity.ok().eTag(org.sparktherapy.platform.web.ETags.of(body.version())).body(body);
	}

	@PutMapping("/api/appointments/{id}")
	@Operation(summary = "Move or change a scheduled appointment, alone or with its series",
			description = "scope: this (default), following (this and the following occurrences; they become a "
					+ "series of their own) or all (every scheduled occurrence). start/end, therapistId, serviceCode, "
					+ "place: what changes (a new start alone keeps the length); the wall-clock shift of the start, in "
					+ "the clinic's time zone, applies to every occurrence. Conflicts as when booking: all or nothing, "
					+ "409 listing them; override {reason} for availability and time off. Admins only; answers "
					+ "{series, occurrences} with every occurrence changed. If-Match: the appointment's version "
					+ "(412 when it changed since).")
	BookingResponse change(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		AppointmentService.Scope scope = (request.scope() != null)
				? AppointmentService.Scope.valueOf(request.scope().toUpperCase(Locale.ROOT))
				: AppointmentService.Scope.THIS;
		AppointmentService.Booking booking = this.service.change(user, id,
				new AppointmentService.ChangeRequest(scope, request.start(), request.end(), request.therapistId(),
						request.serviceCode(), request.place(),
						(request.override() != null) ? request.override().reason() : null, ETags.version(ifMatch)));
		return response(booking);
	}

	@PostMapping("/api/appointments/{id}/no-show")
	@Operation(summary = "Record that the child did not come",
			description = "The appointment's therapist or an admin; 409 unless scheduled. The slot is free again.")
	AppointmentResponse noShow(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return AppointmentResponse.of(this.service.noShow(user, id), this.zone);
	}

	@PostMapping("/api/appointments/{id}/cancel")
	@Operation(summary = "Cancel a scheduled appointment",
			description = "Guardians (a parent cancellation) and admins. Late when within 24 hours of the start; "
					+ "who, when and why are recorded. scope: this (default) or following (this occurrence and the "
					+ "scheduled ones after it in its series, all or nothing; 400 at /scope for a single appointment). "
					+ "Answers the appointment addressed. 409 unless scheduled.")
	AppointmentResponse cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		AppointmentService.Scope scope = "following".equals(request.scope()) ? AppointmentService.Scope.FOLLOWING
				: AppointmentService.Scope.THIS;
		return AppointmentResponse.of(this.service.cancel(user, id, request.reason(), scope), this.zone);
	}

	@PostMapping("/api/appointments/{id}/check-in")
	@Operation(summary = "Check in: the session begins",
			description = "The appointment's therapist or an admin; 409 unless scheduled.")
	AppointmentResponse checkIn(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return AppointmentResponse.of(this.service.checkIn(user, id), this.zone);
	}

	@PostMapping("/api/appointments/{id}/complete")
	@Operation(summary = "Complete a checked-in appointment, opening its session record",
			description = "The appointment's therapist or an admin; 409 unless checked in. Opens the session for "
					+ "data collection with the appointment's therapist, service, place and times; sessionId names it (and "
					+ "sessionStatus, open or submitted, says whether it is still to be recorded) "
					+ "and the session's appointmentId names the appointment.")
	AppointmentResponse complete(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return AppointmentResponse.of(this.service.complete(user, id), this.zone);
	}

	private BookingResponse response(AppointmentService.Booking booking) {
		return new BookingResponse(
				(booking.series() != null)
						? new SeriesResponse(booking.series().id(), booking.series().recurrence()) : null,
				booking.occurrences().stream().map(a -> AppointmentResponse.of(a, this.zone)).toList());
	}

	private static Instant instant(OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

	private static Appointment.Status status(String value) {
		if (value == null) {
			return null;
		}
		return Arrays.stream(Appointment.Status.values())
			.filter(s -> s.value().equals(value.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("status",
					"must be one of scheduled, checked_in, completed, cancelled, no_show"));
	}

}
