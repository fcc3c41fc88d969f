package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.scheduling.PayerRules;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Automatic weekly schedules: a proposed week of sessions placed by a constraint solver,
 * accepted to book it.
 */
@RestController
@Tag(name = "Schedule proposals", description = "Automatic weekly schedules, proposed and accepted")
class ProposalController {

	private final ProposalService service;

	private final ZoneId zone;

	ProposalController(ProposalService service, SparkProperties properties) {
		this.service = service;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * {@code childIds}: the children to schedule; every active child with prescribed
	 * hours when absent.
	 */
	record ProposalRequest(@NotNull LocalDate weekStart, @Size(max = 500) List<@NotNull UUID> childIds) {
	}

	/**
	 * A new time and optionally another therapist for a placed session; {@code end} keeps
	 * the length when absent.
	 */
	record PlacementRequest(@NotNull OffsetDateTime start, OffsetDateTime end, UUID therapistId) {
	}

	record PlacedResponse(UUID id, UUID childId, UUID therapistId,
			@Schema(implementation = ServiceCode.class) String serviceCode,
			@Schema(implementation = Place.class) String place, OffsetDateTime start, OffsetDateTime end,
			@Nullable UUID appointmentId) {
	}

	/**
	 * Prescribed time that found no place this week, in hours (to the minute: 1.5), and
	 * why.
	 */
	record UnplacedResponse(UUID childId, @Schema(implementation = ServiceCode.class) String serviceCode,
			java.math.BigDecimal hours, String reason) {
	}

	/**
	 * An appointment already booked in the week for a child of the proposal: fixed,
	 * planned around, never moved.
	 */
	record ExistingResponse(UUID appointmentId, UUID childId, UUID therapistId,
			@Schema(implementation = ServiceCode.class) String serviceCode,
			@Schema(implementation = Place.class) String place, OffsetDateTime start, OffsetDateTime end) {
	}

	/**
	 * What accepting books (sessions and hours, in total, per child and per therapist)
	 * and what stays unplaced; {@code alreadyBookedHours}: the child's appointments in
	 * the week besides this proposal.
	 */
	record SummaryResponse(int sessions, java.math.BigDecimal hours, int children, java.math.BigDecimal unplacedHours,
			List<ChildSummaryResponse> perChild, List<TherapistSummaryResponse> perTherapist) {

		static SummaryResponse of(Proposal.Summary s, Map<UUID, String> therapistNames) {
			return new SummaryResponse(s.sessions(), Proposal.hours(s.minutes()), s.children(),
					Proposal.hours(s.unplacedMinutes()),
					s.perChild()
						.stream()
						.map(c -> new ChildSummaryResponse(c.childId(), c.sessions(), Proposal.hours(c.minutes()),
								Proposal.hours(c.alreadyBookedMinutes()), Proposal.hours(c.unplacedMinutes())))
						.toList(),
					s.perTherapist()
						.stream()
						.map(t -> new TherapistSummaryResponse(t.therapistId(),
								therapistNames.getOrDefault(t.therapistId(), "Therapist"), t.sessions(),
								Proposal.hours(t.minutes())))
						.toList());
		}

	}

	record ChildSummaryResponse(UUID childId, int sessions, java.math.BigDecimal hours,
			java.math.BigDecimal alreadyBookedHours, java.math.BigDecimal unplacedHours) {
	}

	/**
	 * {@code name}: the therapist's name, so the summary reads right however many
	 * therapists the clinic has.
	 */
	record TherapistSummaryResponse(UUID therapistId, String name, int sessions, java.math.BigDecimal hours) {
	}

	/**
	 * {@code scoreSummary}: the score in words ("All rules met; every prescribed hour
	 * placed; 2 preferences not met (2 place changes)"); {@code score}: the same raw,
	 * {@code hard/medium/soft} (medium: unplaced minutes), of the sessions as they stand.
	 */
	record ProposalResponse(UUID id, LocalDate weekStart, String scoreSummary, String score, Proposal.Status status,
			List<PlacedResponse> placed, List<UnplacedResponse> unplaced, List<ExistingResponse> existing,
			SummaryResponse summary, int version, List<PayerRules.Warning> warnings) {

		static ProposalResponse of(ProposalService.View view, ZoneId zone) {
			Proposal p = view.proposal();
			return new ProposalResponse(p.id(), p.weekStart(), view.assessment().words(), view.assessment().score(),
					p.status(),
					p.placed()
						.stream()
						.map(s -> new PlacedResponse(s.id(), s.childId(), s.therapistId(), s.serviceCode(), s.place(),
								s.start().atZone(zone).toOffsetDateTime(), s.end().atZone(zone).toOffsetDateTime(),
								s.appointmentId()))
						.toList(),
					p.unplaced()
						.stream()
						.map(u -> new UnplacedResponse(u.childId(), u.serviceCode(), u.hours(), u.reason()))
						.toList(),
					view.existing()
						.stream()
						.map(b -> new ExistingResponse(b.appointmentId(), b.childId(), b.therapistId(), b.serviceCode(),
								b.place(), b.start().atZone(zone).toOffsetDateTime(),
								b.end().atZone(zone).toOffsetDateTime()))
						.toList(),
					SummaryResponse.of(view.summary(), view.therapistNames()), p.version(), view.warnings());
		}

	}

	@PostMapping("/api/schedule/proposals")
	@Operation(summary = "Propose a week of sessions",
			description = "weekStart: a Monday in the clinic's time zone. Places what each child's prescribed weekly "
					+ "hours still need after the week's booked appointments (listed as existing, fixed) as sessions "
					+ "of about 2 hours with therapists of its care team whose credential may deliver the service "
					+ "(97151/97155–97158: BCBA or BCaBA; 97152–97154: RBT or above), inside the child's available "
					+ "hours and the therapist's weekly availability (therapists without any are not proposed), clear "
					+ "of appointments and time off; prefers one therapist per child and service, technicians for "
					+ "technician work, few places per therapist a day and sessions spread across days. Hours it "
					+ "cannot place are listed with the reason; summary says what accepting books; scoreSummary says "
					+ "the score in words. A draft until accepted. Takes up to a few seconds. Admins only.")
	ResponseEntity<ProposalResponse> propose(@Valid @RequestBody ProposalRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		ProposalService.View proposal = this.service.propose(user, request.weekStart(),
				(request.childIds() != null) ? List.copyOf(new LinkedHashSet<>(request.childIds())) : null);
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequest()
				.path("/{id}")
				.buildAndExpand(proposal.proposal().id())
				.toUri())
			.body(ProposalResponse.of(proposal, this.zone));
	}

	@GetMapping("/api/schedule/proposals/{id}")
	@Operation(summary = "One schedule proposal",
			description = "Admins only; 404 for anyone else. The ETag is the draft's version for If-Match when "
					+ "adjusting it.")
	ResponseEntity<ProposalResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return withETag(ProposalResponse.of(this.service.get(user, id), this.zone));
	}

	@PatchMapping("/api/schedule/proposals/{id}/placements/{placementId}")
	@Operation(summary = "Move a placed session of a draft",
			description = "start (and end, else the length stays), optionally therapistId of the child's care team "
					+ "whose credential may deliver the session's service; within the proposal's week (400 invalid-placement). Checked at once against appointments, time "
					+ "off, the therapist's weekly hours and the draft's other sessions: 409 placement-conflict lists "
					+ "what is in the way and the draft stays as it was. The child's sessions of the draft, as moved, are "
					+ "checked against the payer rules as accepting would book them: warnings in the answer, or where "
					+ "the clinic blocks, 409 authorization-exceeded with them and the draft stays as it was. "
					+ "Accepting checks everything again. 409 when accepted already; If-Match: the draft's version (412 when it changed since). Admins only.")
	ResponseEntity<ProposalResponse> adjust(@PathVariable UUID id, @PathVariable UUID placementId,
			@Valid @RequestBody PlacementRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		return withETag(ProposalResponse.of(this.service.adjust(user, id, placementId,
				new ProposalService.Adjustment(request.start(), request.end(), request.therapistId()),
				ETags.version(ifMatch)), this.zone));
	}

	@DeleteMapping("/api/schedule/proposals/{id}/placements/{placementId}")
	@Operation(summary = "Take a placed session out of a draft",
			description = "Its hours are listed as unplaced (removed from the draft by an admin). 409 when accepted "
					+ "already; If-Match: the draft's version. Admins only; answers the draft.")
	ResponseEntity<ProposalResponse> remove(@PathVariable UUID id, @PathVariable UUID placementId,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		return withETag(
				ProposalResponse.of(this.service.remove(user, id, placementId, ETags.version(ifMatch)), this.zone));
	}

	private static ResponseEntity<ProposalResponse> withETag(ProposalResponse body) {
		return ResponseEntity.ok().eTag(ETags.of(body.version())).body(body);
	}

	@PostMapping("/api/schedule/proposals/{id}/accept")
	@Operation(summary = "Accept a proposal: book every placed session",
			description = "All or nothing: if the schedule changed since (an overlap, time off, hours, care team, "
					+ "credential, or more of a session's service booked for the child since the draft was made), "
					+ "409 lists every conflicting session (errors[].pointer /placed/{n}) and nothing is booked. 409 when accepted already. Each placed "
					+ "session gets its appointmentId. Admins only; 404 for anyone else.")
	ProposalResponse accept(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return ProposalResponse.of(this.service.accept(user, id), this.zone);
	}

}
