package org.sparktherapy.billing.internal.charges;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.ETags;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A child's coverages (insurance). Admins only; PHI, every access logged. */
@RestController
@Tag(name = "Coverages", description = "A child's insurance coverages (admins)")
class CoverageController {

	private final CoverageService service;

	CoverageController(CoverageService service) {
		this.service = service;
	}

	/**
	 * payerId an insurer; memberId may stay empty for now (its charges are held);
	 * subscriberRelationship self, spouse, child (default) or other; subscriberAddress
	 * the subscriber's own (whole or absent), for a subscriber who is not the child;
	 * diagnosisCodes ICD-10-CM, at most 12; endDate null: open; priority 1 (primary,
	 * default) to 3.
	 */
	record CoverageRequest(@NotNull UUID payerId, @Nullable @Size(max = 80) String memberId,
			@Nullable @Size(max = 50) String groupNumber, @Nullable @Size(max = 200) String subscriberName,
			@Nullable @Schema(allowableValues = {
					"self", "spouse", "child", "other" }) String subscriberRelationship,
			@Nullable LocalDate subscriberDateOfBirth, @Nullable @Valid PayerController.AddressBody subscriberAddress,
			@Nullable @Size(max = 20) List<String> diagnosisCodes, @NotNull LocalDate startDate,
			@Nullable LocalDate endDate, @Nullable @Min(1) @Max(3) Integer priority){

		Coverage.Terms terms() {
			return new Coverage.Terms(this.payerId, this.memberId, this.groupNumber,
					new Coverage.Subscriber(this.subscriberName, this.subscriberRelationship,
							this.subscriberDateOfBirth,
							(this.subscriberAddress == null) ? null : this.subscriberAddress.address()),
					(this.diagnosisCodes == null) ? List.of()
							: this.diagnosisCodes.stream().map(c -> (c == null) ? "" : c).toList(),
					this.startDate, this.endDate, (this.priority == null) ? 1 : this.priority);
		}

	}

	record CoverageResponse(UUID id, UUID childId, UUID payerId, @Nullable String memberId,
			@Nullable String groupNumber, @Nullable String subscriberName, String subscriberRelationship,
			@Nullable LocalDate subscriberDateOfBirth,
			@Nullable @Schema(
					description = "The subscriber's address; null when not recorded") PayerController.AddressBody subscriberAddress,
			List<String> diagnosisCodes, LocalDate startDate, @Nullable LocalDate endDate, int priority, int version) {

		static CoverageResponse of(Coverage c) {
			return new CoverageResponse(c.id(), c.childId(), c.payerId(), c.memberId(), c.groupNumber(),
					c.subscriber().name(), c.subscriber().relationship(), c.subscriber().dateOfBirth(),
					(c.subscriber().address() == null) ? null
							: PayerController.AddressBody.of(c.subscriber().address()),
					c.diagnosisCodes(), c.startsOn(), c.endsOn(), c.priority(), c.version());
		}

	}

	@GetMapping("/api/children/{id}/coverages")
	@Operation(summary = "A child's coverages (admins)",
			description = "The latest start first. A therapist or guardian of the child gets 403, anyone else 404.")
	List<CoverageResponse> ofChild(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return this.service.ofChild(user, id).stream().map(CoverageResponse::of).toList();
	}

	@PostMapping("/api/children/{id}/coverages")
	@Operation(summary = "Record a child's coverage (admins)",
			description = "409 billing-dates-overlap when another coverage of the same priority covers some of the "
					+ "dates. The child's open charges are checked again.")
	ResponseEntity<CoverageResponse> create(@PathVariable UUID id, @Valid @RequestBody CoverageRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		Coverage created = this.service.create(user, id, request.terms());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/coverages/{id}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.created(location).eTag(ETags.of(created.version())).body(CoverageResponse.of(created));
	}

	@GetMapping("/api/coverages/{id}")
	@Operation(summary = "One coverage (admins)", description = "The ETag is the record's version.")
	ResponseEntity<CoverageResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		Coverage coverage = this.service.get(user, id);
		return ResponseEntity.ok().eTag(ETags.of(coverage.version())).body(CoverageResponse.of(coverage));
	}

	@PutMapping("/api/coverages/{id}")
	@Operation(summary = "Change a coverage (admins)",
			description = "The whole record. If-Match refuses a change in between (412).")
	ResponseEntity<CoverageResponse> update(@PathVariable UUID id, @Valid @RequestBody CoverageRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		Coverage updated = this.service.update(user, id, ETags.version(ifMatch), request.terms());
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(CoverageResponse.of(updated));
	}

	@DeleteMapping("/api/coverages/{id}")
	@Operation(summary = "Delete a coverage recorded by mistake (admins)",
			description = "409 coverage-charged when charges were billed under it (give it an end date instead).")
	ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		this.service.delete(user, id);
		return ResponseEntity.noContent().build();
	}

}
