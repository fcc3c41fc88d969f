package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.sparktherapy.programs.Programs;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Session data collection. Offline clients choose the session's and every event's id, so
 * replaying a queue is safe: {@code PUT} creates or updates a session, and events already
 * stored are reported as duplicates.
 */
@RestController
@Tag(name = "Sessions", description = "Session data collection, signatures, addenda and progress")
class SessionController {

	private final SessionRecording recording;

	private final SessionReading reading;

	private final SessionSigning signing;

	private final SessionAddenda addenda;

	private final ProgressService progress;

	private final ZoneId zone;

	private final java.time.Clock clock;

	private final SessionMetrics metrics;

	SessionController(SessionRecording recording, SessionReading reading, SessionSigning signing,
			SessionAddenda addenda, ProgressService progress, SparkProperties properties, java.time.Clock clock,
			SessionMetrics metrics) {
		this.metrics = metrics;
		this.recording = recording;
		this.reading = reading;
		this.signing = signing;
		this.addenda = addenda;
		this.progress = progress;
		this.zone = properties.clinicTimeZone();
		this.clock = clock;
	}

	record SessionRequest(@NotNull UUID childId,
			@NotBlank @Schema(implementation = ServiceCode.class) String serviceCode,
			@NotBlank @Schema(implementation = Place.class) String place, @NotNull Instant startedAt,
			@Nullable Instant endedAt, @Nullable @Size(max = 10_000) String note) {
	}

	record EventBatchRequest(
			@NotNull @Size(min = 1, max = SessionRecording.MAX_BATCH) List<@NotNull FlatEvent> events) {
	}

	record SubmitRequest(@Nullable @Size(max = 10_000) String note) {
	}

	record CoSignRequest(@NotBlank @Size(max = 200) String name,
			@NotBlank @Size(max = 200_000) @Pattern(regexp = "^data:image/png;base64,[A-Za-z0-9+/=]+$",
					message = "must be a PNG data URL") String signature) {
	}

	record AddendumRequest(@NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 10_000) String text) {
	}

	record TallyResponse(UUID targetId, UUID programId, String name, int trials, int correct, int incorrect,
			int noResponse, int independent, @Nullable Double percentCorrect, @Nullable Double percentIndependent,
			int steps, int count, int durationSeconds) {
	}

	record SessionResponse(UUID id, UUID childId, Session.Person therapist,
			@Schema(implementation = ServiceCode.class) String serviceCode,
			@Schema(implementation = Place.class) String place, Instant startedAt, @Nullable Instant endedAt,
			Session.Status status, @Nullable String note, @Nullable Instant submittedAt,
			@Nullable Session.GuardianSignature guardianSignature, @Nullable UUID appointmentId,
			List<Session.Addendum> addenda, List<FlatEvent> events, List<TallyResponse> tallies, int version) {

		static SessionResponse of(SessionViews.SessionView view) {
			Session s = view.session();
			List<TallyResponse> tallies = view.tallies().stream().map(t -> {
				Programs.TargetFacts target = view.targets().get(t.targetId());
				return new TallyResponse(t.targetId(), (target != null) ? target.programId() : null,
						(target != null) ? target.name() : null, t.trials(), t.correct(), t.incorrect(), t.noResponse(),
						t.independent(), t.percentCorrect(), t.percentIndependent(), t.steps(), t.count(),
						t.durationSeconds());
			}).toList();
			return new SessionResponse(s.id(), s.childId(), s.therapist(), s.serviceCode(), s.place(), s.startedAt(),
					s.endedAt(), s.status(), s.note(), s.submittedAt(), s.guardianSignature(), s.appointmentId(),
					view.addenda(), view.events().stream().map(FlatEvent::of).toList(), tallies, s.version());
		}

	}

	record SessionSummary(UUID id, Session.Person therapist,
			@Schema(implementation = ServiceCode.class) String serviceCode,
			@Schema(implementation = Place.class) String place, Instant startedAt, @Nullable Instant endedAt,
			Session.Status status, @Nullable Instant submittedAt, boolean guardianSigned) {

		static SessionSummary of(Session s) {
			return new SessionSummary(s.id(), s.therapist(), s.serviceCode(), s.place(), s.startedAt(), s.endedAt(),
					s.status(), s.submittedAt(), s.guardianSignature() != null);
		}

	}

	record BatchResponse(List<UUID> accepted, List<UUID> duplicates) {
	}

	record ProgressResponse(List<ProgressService.TargetProgress> targets) {
	}

	@PutMapping("/api/sessions/{id}")
	@Operation(summary = "Create or update an open session with a client-chosen id",
			description = "201 when created, 200 when updated; 409 once submitted. Therapists on the child's care team.")
	ResponseEntity<SessionResponse> save(@PathVariable UUID id, @Valid @RequestBody SessionRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		boolean created = this.recording.save(user, id, ETags.version(ifMatch),
				new SessionRecording.SessionDraft(request.childId(), request.serviceCode(), request.place(),
						request.startedAt(), request.endedAt(), request.note()));
		if (created) {
			this.metrics.created();
		}
		SessionResponse body = SessionResponse.of(this.reading.get(user, id));
		return (created ? ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().build().toUri())
				: ResponseEntity.ok())
			.eTag(ETags.of(body.version()))
			.body(body);
	}

	@GetMapping("/api/sessions/{id}")
	@Operation(summary = "A session with its events and per-target tallies",
			description = "Guardians see submitted sessions only.")
	ResponseEntity<SessionResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		SessionResponse body = SessionResponse.of(this.reading.get(user, id));
		return ResponseEntity.ok().eTag(ETags.of(body.version())).body(body);
	}

	@GetMapping("/api/children/{id}/sessions")
	@Operation(summary = "A child's sessions, newest first", description = "Filter by date (from, to: YYYY-MM-DD in "
			+ "the clinic's time zone, to inclusive). Guardians see submitted sessions only.")
	PageResponse<SessionSummary> forChild(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		PageQuery query = PageQuery.of(page, size);
		return this.reading.forChild(user, id, start(from), end(from, to), query).map(SessionSummary::of);
	}

	@PostMapping("/api/sessions/{id}/events")
	@Operation(summary = "Record a batch of data events (idempotent)",
			description = "At most 500 events. All or nothing: one invalid event refuses the batch (400, naming it "
					+ "by pointer) and nothing is stored. An event id already stored is reported in duplicates and "
					+ "not stored again. 409 once the session is submitted.")
	BatchResponse record(@PathVariable UUID id, @Valid @RequestBody EventBatchRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		SessionRecording.BatchResult result = this.recording.record(user, id, request.events());
		this.metrics.recorded(result);
		return new BatchResponse(result.accepted(), result.duplicates());
	}

	@PostMapping("/api/sessions/{id}/submit")
	@Operation(summary = "Sign and submit: the session locks",
			description = "Only the session's therapist. Evaluates mastery for the targets run. A session recorded "
					+ "for an appointment completes it with the session's times (409 appointment-too-early before the "
					+ "appointment's start: nothing is submitted).")
	SessionResponse submit(@PathVariable UUID id, @Valid @RequestBody(required = false) SubmitRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		SessionViews.SessionView submitted = this.signing.submit(user, id, (request != null) ? request.note() : null);
		this.metrics.submitted();
		return SessionResponse.of(submitted);
	}

	@PostMapping("/api/sessions/{id}/guardian-signature")
	@Operation(summary = "A guardian co-signs a submitted session", description = "Once; guardians who may sign; "
			+ "only once the session has ended (409 session-not-ended before its end): they sign that it took place.")
	SessionResponse coSign(@PathVariable UUID id, @Valid @RequestBody CoSignRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return SessionResponse.of(this.signing.coSign(user, id, request.name(), request.signature()));
	}

	@PostMapping("/api/sessions/{id}/addenda")
	@Operation(summary = "Add an addendum to a submitted session", description = "The original stays as it was.")
	ResponseEntity<Session.Addendum> addAddendum(@PathVariable UUID id, @Valid @RequestBody AddendumRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		// an addendum lives in its session's record
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/api/sessions/{id}")
				.buildAndExpand(id)
				.toUri())
			.body(this.addenda.add(user, id, request.reason(), request.text()));
	}

	@GetMapping("/api/children/{id}/progress")
	@Operation(summary = "Progress per target: one point per submitted session, phase changes, criterion",
			description = "from/to: YYYY-MM-DD in the clinic's time zone (to inclusive); programId narrows to one "
					+ "program. A point carries only the figure its target's measurement plots. Strong ETag: 304 on "
					+ "a matching If-None-Match.")
	ResponseEntity<ProgressResponse> progress(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID programId, @AuthenticationPrincipal CurrentUser user,
			WebRequest request) {
		ProgressService.Answer answer = this.progress.progress(user, id, start(from), end(from, to), programId,
				request::checkNotModified);
		return (answer.targets() != null)
				? ResponseEntity.ok().eTag(answer.etag()).body(new ProgressResponse(answer.targets()))
				: ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(answer.etag()).build();
	}

	private Instant start(LocalDate from) {
		return (from != null) ? from.atStartOfDay(this.zone).toInstant() : Instant.EPOCH;
	}

	private Instant end(LocalDate from, LocalDate to) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInput("to", "must not be before from");
		}
		return (to != null) ? to.plusDays(1).atStartOfDay(this.zone).toInstant()
				: this.clock.instant().plus(java.time.Duration.ofDays(2));
	}

}
