package org.sparktherapy.programs.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.NotBlankIfPresent;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.internal.Program.MasteryCriterion;
import org.sparktherapy.programs.internal.Program.ProgramDesign;
import org.sparktherapy.programs.internal.Program.Target;
import org.sparktherapy.vocabulary.Measurement;
import org.sparktherapy.vocabulary.ProgramKind;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The operations manual's {@code /api/programs} endpoints: programs, targets and phase
 * changes.
 */
@RestController
@RequestMapping("/api/programs")
@Tag(name = "Programs", description = "Treatment programs, targets and phases")
class ProgramController {

	private final ProgramService service;

	ProgramController(ProgramService service) {
		this.service = service;
	}

	record CriterionRequest(@NotNull @Min(1) @Max(100) Integer percent,
			@NotNull @Min(1) @Max(50) Integer consecutiveSessions, @NotNull @Min(0) @Max(1000) Integer minTrials) {

		MasteryCriterion toCriterion() {
			return new MasteryCriterion(this.percent, this.consecutiveSessions, this.minTrials);
		}

	}

	record TargetRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String definition,
			@Size(max = 5000) String notes) {

		ProgramService.NewTarget toTarget() {
			return new ProgramService.NewTarget(this.name, this.definition, this.notes);
		}

	}

	record CreateProgramRequest(@NotNull UUID childId, @NotBlank @Size(max = 200) String name,
			@NotNull Program.Domain domain, @Size(max = 5000) String objective, @NotNull ProgramKind kind,
			@NotNull Measurement measurement, @Valid CriterionRequest masteryCriterion, Boolean autoAdvance,
			@Size(max = 100) List<@NotNull @Valid TargetRequest> targets) {
	}

	record ChangeProgramRequest(@NotBlankIfPresent @Size(max = 200) String name, Program.Domain domain,
			@Size(max = 5000) String objective, @Valid CriterionRequest masteryCriterion, Boolean autoAdvance,
			ProgramStatus status) {
	}

	record ChangeTargetRequest(@NotBlankIfPresent @Size(max = 200) String name, @Size(max = 2000) String definition,
			@Size(max = 5000) String notes, org.sparktherapy.programs.TargetPhase phase) {
	}

	record TargetOrderRequest(@NotEmpty @Size(max = 100) List<@NotNull UUID> targetIds) {
	}

	record ProgramResponse(UUID id, UUID childId, String name, Program.Domain domain, @Nullable String objective,
			ProgramKind kind, Measurement measurement, @Nullable MasteryCriterion masteryCriterion, boolean autoAdvance,
			ProgramStatus status, List<Target> targets, Instant createdAt, Instant updatedAt, int version) {

		static ProgramResponse of(Program p) {
			return new ProgramResponse(p.id(), p.childId(), p.design().name(), p.design().domain(),
					p.design().objective(), p.kind(), p.measurement(), p.design().masteryCriterion(),
					p.design().autoAdvance(), p.status(), p.targets(), p.createdAt(), p.updatedAt(), p.version());
		}

		String etag() {
			return ETags.of(this.version);
		}

	}

	@PostMapping
	@Operation(summary = "Create a program with its targets", description = "Admins and the child's supervisors. "
			+ "Targets start in baseline. Skill programs need a mastery criterion.")
	ResponseEntity<ProgramResponse> create(@Valid @RequestBody CreateProgramRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		ProgramDesign design = new ProgramDesign(request.name().trim(), request.domain(), request.objective(),
				(request.masteryCriterion() != null) ? request.masteryCriterion().toCriterion() : null,
				!Boolean.FALSE.equals(request.autoAdvance()));
		List<ProgramService.NewTarget> targets = (request.targets() == null) ? List.of()
				: request.targets().stream().map(TargetRequest::toTarget).toList();
		Program program = this.service.create(user, request.childId(), design, request.kind(), request.measurement(),
				targets);
		ProgramResponse body = ProgramResponse.of(program);
		return ResponseEntity
			.created(
					ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(program.id()).toUri())
			.eTag(body.etag())
			.body(body);
	}

	@GetMapping("/child/{childId}")
	@Operation(summary = "A child's programs", description = "Archived programs only with includeArchived=true.")
	PageResponse<ProgramResponse> forChild(@PathVariable UUID childId,
			@RequestParam(required = false, defaultValue = "false") boolean includeArchived,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		PageQuery query = PageQuery.of(page, (size != null) ? size : 50, null, ProgramRepository.SORTABLE,
				"createdAt,asc");
		return this.service.forChild(user, childId, includeArchived, query).map(ProgramResponse::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One program with its targets and their phase changes")
	ResponseEntity<ProgramResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		ProgramResponse body = ProgramResponse.of(this.service.get(user, id));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Revise a program", description = "Fields left out stay. If-Match refuses stale changes.")
	ResponseEntity<ProgramResponse> change(@PathVariable UUID id, @Valid @RequestBody ChangeProgramRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		ProgramService.ProgramChange change = new ProgramService.ProgramChange(request.name(), request.domain(),
				request.objective(),
				(request.masteryCriterion() != null) ? request.masteryCriterion().toCriterion() : null,
				request.autoAdvance(), request.status());
		ProgramResponse body = ProgramResponse.of(this.service.change(user, id, ETags.version(ifMatch), change));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Archive a program", description = "Nothing is deleted.")
	ResponseEntity<Void> archive(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		this.service.archive(user, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/targets")
	@Operation(summary = "Add a target", description = "It starts in baseline.")
	ResponseEntity<Target> addTarget(@PathVariable UUID id, @Valid @RequestBody TargetRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		Target target = this.service.addTarget(user, id, request.toTarget());
		// a target lives in its program's record
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/api/programs/{id}")
				.buildAndExpand(id)
				.toUri())
			.body(target);
	}

	@PutMapping("/{id}/targets/{targetId}")
	@Operation(summary = "Update a target (the manual's \"update target progress\")",
			description = "Change its phase (dated and signed; only moves that make sense), name, definition, notes.")
	Target changeTarget(@PathVariable UUID id, @PathVariable UUID targetId,
			@Valid @RequestBody ChangeTargetRequest request, @AuthenticationPrincipal CurrentUser user) {
		return this.service.changeTarget(user, id, targetId, new ProgramService.TargetChange(request.name(),
				request.definition(), request.notes(), request.phase()));
	}

	@PostMapping("/{id}/targets/{targetId}/undo-mastery")
	@Operation(summary = "Undo an automatic mastery",
			description = "The target returns to intervention; a target auto-advanced because of it returns to "
					+ "baseline. 409 when the target's latest change is not an automatic mastery.")
	ProgramResponse undoMastery(@PathVariable UUID id, @PathVariable UUID targetId,
			@AuthenticationPrincipal CurrentUser user) {
		return ProgramResponse.of(this.service.undoMastery(user, id, targetId));
	}

	@PutMapping("/{id}/target-order")
	@Operation(summary = "Reorder the targets", description = "List every target id once, in the new order.")
	ProgramResponse reorderTargets(@PathVariable UUID id, @Valid @RequestBody TargetOrderRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return ProgramResponse.of(this.service.reorderTargets(user, id, request.targetIds()));
	}

}
