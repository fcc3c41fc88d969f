package org.sparktherapy.scheduling.internal.appointments;

import java.time.Instant;
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
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.scheduling.PayerRules;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

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
 * Appointments: booking (single or a weekly series), reading, cancelling, check-in and
 * completion. Times are ISO-8601 with offsets; answers give them in the clinic's time
 * zone.
 */
@RestController
@Tag(name = "Appointments", description = "Booking, recurring series, conflicts, cancellation, check-in")
public class AppointmentController {

	private final AppointmentService service;

	private final AttendanceService attendances;

	private final AppointmentCancellations cancellations;

	private final ZoneId zone;

	private final AttendanceRule attendance;

	AppointmentController(AppointmentService service, AttendanceService attendances,
			AppointmentCancellations cancellations, SparkProperties properties, AttendanceRule attendance) {
		this.service = service;
		this.attendances = attendances;
		this.cancellations = cancellations;
		this.zone = properties.clinicTimeZone();
		this.attendance = attendance;
	}

	public record OverrideRequest(@NotBlank @Size(max = 500) String reason) {
	}

	record AppointmentRequest(@NotNull UUID childId, @NotNull UUID therapistId,
			@NotBlank @Schema(implementation = ServiceCode.class) String serviceCode,
			@NotBlank @Schema(implementation = Place.class) String place, @NotNull OffsetDateTime start,
			@NotNull OffsetDateTime end, @Size(max = 500) String recurrence, @Valid OverrideRequest override) {
	}

	/**
	 * A change of an appointment; {@code scope} {@code this} (the default),
	 * {@code following} or {@code all} for occurrences of a series. Fields left out stay
	 * as they are.
	 */
	record ChangeRequest(@Schema(allowableValues = {
			"this", "following", "all" }) @Pattern(regexp = "this|following|all",
					message = "must be this, following or all") String scope,
			OffsetDateTime start, OffsetDateTime end, UUID therapistId,
			@Schema(implementation = ServiceCode.class) String serviceCode,
			@Schema(implementation = Place.class) String place, @Valid OverrideRequest override){
	}

	/**
	 * Why; {@code scope} {@code this} (the default) or {@code following} (this and the
	 * later occurrences).
	 */
	record CancelRequest(@NotBlank @Size(max = 500) String reason, @Schema(allowableValues = {
			"this", "following" }) @Pattern(regexp = "this|following",
					message = "must be this or following") String scope){
	}

	/**
	 * Check-in or a no-show; {@code override} (admins) records it before its time, saying
	 * why.
	 */
	record AttendanceRequest(@Valid OverrideRequest override) {
	}

	/**
	 * A completion: when the session actually began and ended (both optional: the
	 * recorded session's times, else the scheduled ones, the end no later than now);
	 * {@code override} (admins) completes before the start.
	 */
	record CompletionRequest(OffsetDateTime actualStart, OffsetDateTime actualEnd, @Valid OverrideRequest override) {
	}

	/**
	 * An appointment. {@code checkInOpensAt}: from when it can be checked in and
	 * recorded; {@code actualStart} and {@code actualEnd}: when a completed one really
	 * took place (what units are counted from); {@code supervises} (a 97155) and
	 * {@code supervisedBy} (a 97153): the overlapping appointments of the same child on
	 * the other side of a supervision, with their therapists.
	 */
	record AppointmentResponse(UUID id, @Nullable UUID seriesId, UUID childId, Appointment.Person therapist,
			@Schema(implementation = ServiceCode.class) String serviceCode,
			@Schema(implementation = Place.class) String place, OffsetDateTime start, OffsetDateTime end,
			Appointment.Status status, @Nullable Appointment.Cancellation cancellation,
			@Nullable Appointment.Override override, @Nullable UUID sessionId, @Nullable @Schema(allowableValues = {
					"open", "submitted" }) String sessionStatus,
			OffsetDateTime checkInOpensAt, @Nullable OffsetDateTime actualStart, @Nullable OffsetDateTime actualEnd,
			List<Appointment.Supervision> supervises, List<Appointment.Supervision> supervisedBy, int version){

		static AppointmentResponse of(Appointment a, ZoneId zone, Instant checkInOpensAt) {
			return new AppointmentResponse(a.id(), a.seriesId(), a.childId(), a.therapist(), a.serviceCode(), a.place(),
					a.startsAt().atZone(zone).toOffsetDateTime(), a.endsAt().atZone(zone).toOffsetDateTime(),
					a.status(), a.cancellation(), a.override(), a.sessionId(), a.sessionStatus(),
					checkInOpensAt.atZone(zone).toOffsetDateTime(),
					(a.actual() != null) ? a.actual().start().atZone(zone).toOffsetDateTime() : null,
					(a.actual() != null) ? a.actual().end().atZone(zone).toOffsetDateTime() : null, a.supervises(),
					a.supervisedBy(), a.version());
		}

	}

	record SeriesResponse(UUID id, String recurrence) {
	}

	/**
	 * What was booked or moved; {@code warnings}: where it goes beyond the child's
	 * insurance authorizations (empty when it does not, or the child pays privately).
	 */
	record BookingResponse(@Nullable SeriesResponse series, List<AppointmentResponse> occurrences,
			List<PayerRules.Warning> warnings) {
	}

	@PostMapping("/api/appointments")
	@Operation(summary = "Book an appointment or a weekly series",
			description = "recurrence: an RFC 5545 rule, weekly only, with BYDAY and COUNT or UNTIL (at most 200 "
					+ "occurrences), e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10; occurrences keep the first one's "
					+ "wall-clock time in the clinic's time zone. All or nothing: 409 lists every conflicting "
					+ "occurrence (errors[].pointer /occurrences/{n}) — therapist or child already booked, therapist "
					+ "outside their weekly hours or on time off. override {reason} books outside availability and "
					+ "time off, recorded; never a double booking. warnings: where the booking goes beyond the "
					+ "child's insurance authorizations (units, dates, a code without one); where the clinic blocks "
					+ "that, 409 authorization-exceeded with the same warnings and nothing is booked. Admins only.")
	ResponseEntity<BookingResponse> book(@Valid @RequestBody AppointmentRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		AppointmentService.Booking booking = this.service.book(user,
				new AppointmentService.BookingRequest(request.childId(), request.therapistId(), request.serviceCode(),
						request.place(), request.start(), request.end(), request.recurrence(),
						(request.override() != null) ? request.override().reason() : null));
		BookingResponse body = response(booking);
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequest()
				.path("/{id}")
				.buildAndExpand(booking.occurrences().getFirst().id())
				.toUri())
			.body(body);
	}

	/**
	 * What saving a booking or move would meet, found without saving: {@code warnings}
	 * where it goes beyond the child's insurance authorizations, {@code blocked} when the
	 * clinic refuses such bookings (saving would answer 409 authorization-exceeded), and
	 * {@code conflicts} that would refuse it (409 appointment-conflict).
	 */
	record BookingCheckResponse(List<PayerRules.Warning> warnings, boolean blocked, List<ConflictResponse> conflicts) {

		static BookingCheckResponse of(AppointmentService.BookingCheck check) {
			return new BookingCheckResponse(check.warnings(), check.blocked(),
					check.conflicts()
						.stream()
						.map(c -> new ConflictResponse(c.pointer(), c.kind(), c.who(), c.start(), c.end(), c.detail()))
						.toList());
		}

	}

	/**
	 * One conflict, as the 409 appointment-conflict lists it: {@code pointer}
	 * {@code /occurrences/{n}}; {@code kind} {@code double-booking} (never overridden),
	 * {@code outside-hours} or {@code time-off} (an override reason books anyway);
	 * {@code who} {@code therapist} or {@code child}; {@code detail} in words.
	 */
	record ConflictResponse(String pointer, @Schema(allowableValues = {
			"double-booking", "outside-hours", "time-off" }) String kind,
			@Schema(allowableValues = { "therapist", "child" }) String who, OffsetDateTime start, OffsetDateTime end,
			String detail){
	}

	@PostMapping("/api/appointments/check")
	@Operation(summary = "Check a booking before saving it",
			description = "The body of a booking (POST /api/appointments); books nothing. Answers the warnings the "
					+ "booking would get about the child's insurance authorizations (the same, counted the same "
					+ "way), blocked: true when the clinic refuses such bookings (booking would answer 409 "
					+ "authorization-exceeded), and the conflicts that would refuse it (double bookings; the "
					+ "therapist's hours and time off unless override is given). Invalid input, a therapist off the "
					+ "care team or without the credential: the booking's 400/409 problems. Admins only, as booking.")
	BookingCheckResponse checkBooking(@Valid @RequestBody AppointmentRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return BookingCheckResponse.of(this.service.checkBooking(user,
				new AppointmentService.BookingRequest(request.childId(), request.therapistId(), request.serviceCode(),
						request.place(), request.start(), request.end(), request.recurrence(),
						(request.override() != null) ? request.override().reason() : null)));
	}

	@PostMapping("/api/appointments/{id}/check")
	@Operation(summary = "Check a move or change before saving it",
			description = "The body of a change (PUT /api/appointments/{id}); changes nothing. Answers as POST "
					+ "/api/appointments/check: the warnings the change would get, blocked, and its conflicts "
					+ "(the appointment's own occurrences are not in their own way). 404 for appointments the caller "
					+ "may not see; 409 unless scheduled. Admins only, as changing.")
	BookingCheckResponse checkChange(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return BookingCheckResponse.of(this.service.checkChange(user, id, changeRequest(request, null)));
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
		PageQuery query = PageQuery.of(page, size, sort, AppointmentRepository.SORTABLE, "start,asc");
		AppointmentRepository.Filter filter = new AppointmentRepository.Filter(instant(from), instant(to), therapistId,
				childId, status(status));
		return this.service.list(user, filter, query).map(a -> response(a));
	}

	@GetMapping("/api/appointments/{id}")
	@Operation(summary = "One appointment", description = "404 for appointments the caller may not see. The ETag "
			+ "is the version to send back in If-Match when moving it.")
	ResponseEntity<AppointmentResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		AppointmentResponse body = response(this.service.get(user, id));
		return ResponseEntity.ok().eTag(org.sparktherapy.platform.web.ETags.of(body.version())).body(body);
	}

	@PutMapping("/api/appointments/{id}")
	@Operation(summary = "Move or change a scheduled appointment, alone or with its series",
			description = "scope: this (default), following (this and the following occurrences; they become a "
					+ "series of their own) or all (every scheduled occurrence). start/end, therapistId, serviceCode, "
					+ "place: what changes (a new start alone keeps the length); the wall-clock shift of the start, in "
					+ "the clinic's time zone, applies to every occurrence. Conflicts as when booking: all or nothing, "
					+ "409 listing them; override {reason} for availability and time off. Admins only; answers "
					+ "{series, occurrences} with every occurrence changed and warnings as when booking (409 authorization-exceeded where the "
					+ "clinic blocks). If-Match: the appointment's version (412 when it changed since).")
	BookingResponse change(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		return response(this.service.change(user, id, changeRequest(request, ETags.version(ifMatch))));
	}

	private static AppointmentService.ChangeRequest changeRequest(ChangeRequest request, Integer expectedVersion) {
		Appointment.Scope scope = (request.scope() != null)
				? Appointment.Scope.valueOf(request.scope().toUpperCase(Locale.ROOT)) : Appointment.Scope.THIS;
		return new AppointmentService.ChangeRequest(scope, request.start(), request.end(), request.therapistId(),
				request.serviceCode(), request.place(),
				(request.override() != null) ? request.override().reason() : null, expectedVersion);
	}

	@PostMapping("/api/appointments/{id}/no-show")
	@Operation(summary = "Record that the child did not come",
			description = "The appointment's therapist or an admin; 409 unless scheduled, and 409 "
					+ "(appointment-too-early, with opensAt) before the appointment's start. override {reason}: an "
					+ "admin records it earlier; the reason goes to the child's change history. The slot is free again.")
	AppointmentResponse noShow(@PathVariable UUID id, @Valid @RequestBody(required = false) AttendanceRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return response(this.attendances.noShow(user, id, overrideReason(request)));
	}

	@PostMapping("/api/appointments/{id}/cancel")
	@Operation(summary = "Cancel a scheduled appointment",
			description = "Guardians (a parent cancellation) and admins. Late when within 24 hours of the start; "
					+ "who, when and why are recorded. scope: this (default) or following (this occurrence and the "
					+ "scheduled ones after it in its series, all or nothing; 400 at /scope for a single appointment). "
					+ "Answers the appointment addressed. 409 unless scheduled.")
	AppointmentResponse cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		Appointment.Scope scope = "following".equals(request.scope()) ? Appointment.Scope.FOLLOWING
				: Appointment.Scope.THIS;
		return response(this.cancellations.cancel(user, id, request.reason(), scope));
	}

	@PostMapping("/api/appointments/{id}/check-in")
	@Operation(summary = "Check in: the child is here",
			description = "The appointment's therapist or an admin; 409 unless scheduled, and 409 "
					+ "(appointment-too-early, with opensAt) before check-in opens — spark.scheduling"
					+ ".check-in-opens-before (30 minutes by default) before the start, checkInOpensAt in the "
					+ "appointment. override {reason}: an admin checks in earlier; the reason goes to the child's "
					+ "change history.")
	AppointmentResponse checkIn(@PathVariable UUID id, @Valid @RequestBody(required = false) AttendanceRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return response(this.attendances.checkIn(user, id, overrideReason(request)));
	}

	@PostMapping("/api/appointments/{id}/record")
	@Operation(summary = "Start recording the appointment's session",
			description = "What the therapist's today list does: checks a scheduled appointment in (as check-in "
					+ "allows, 409 appointment-too-early before) and opens its session record, or returns the one "
					+ "already opened; sessionId names it. Submitting that session completes the appointment with the "
					+ "session's times — no separate completion. The appointment's therapist or an admin; override "
					+ "{reason} as for check-in.")
	AppointmentResponse record(@PathVariable UUID id, @Valid @RequestBody(required = false) AttendanceRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return response(this.attendances.startRecording(user, id, overrideReason(request)));
	}

	@PostMapping("/api/appointments/{id}/complete")
	@Operation(summary = "Complete a checked-in appointment, opening its session record",
			description = "The appointment's therapist or an admin; 409 unless checked in, and 409 "
					+ "(appointment-too-early) before the appointment's start. actualStart/actualEnd: when it really "
					+ "took place (default: the recorded session's times, else the scheduled start and the scheduled "
					+ "end or now, whichever is earlier), not before check-in opens and not in the future (400 at "
					+ "/actualStart, /actualEnd); billing counts units from them. override {reason}: an admin completes "
					+ "earlier (the time bounds are lifted), recorded in the child's change history. Opens the session "
					+ "for data collection if none is open; sessionId names it (sessionStatus: open or submitted).")
	AppointmentResponse complete(@PathVariable UUID id, @Valid @RequestBody(required = false) CompletionRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		CompletionRequest body = (request != null) ? request : new CompletionRequest(null, null, null);
		return response(this.attendances.complete(user, id, instant(body.actualStart()), instant(body.actualEnd()),
				(body.override() != null) ? body.override().reason() : null));
	}

	private AppointmentResponse response(Appointment appointment) {
		return AppointmentResponse.of(appointment, this.zone, this.attendance.checkInOpens(appointment));
	}

	private static String overrideReason(AttendanceRequest request) {
		return (request != null && request.override() != null) ? request.override().reason() : null;
	}

	private BookingResponse response(AppointmentService.Booking booking) {
		return new BookingResponse((booking.series() != null)
				? new SeriesResponse(booking.series().id(), booking.series().recurrence()) : null,
				booking.occurrences().stream().map(a -> response(a)).toList(), booking.warnings());
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
