package org.sparktherapy.billing.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * Insurance authorizations: units of a service code a payer authorizes for a child over a
 * date range, with how many completed appointments used and scheduled ones will use.
 */
@RestController
@Tag(name = "Authorizations", description = "Insurance authorizations and their usage")
class AuthorizationController {

	private final AuthorizationService service;

	AuthorizationController(AuthorizationService service) {
		this.service = service;
	}

	record AuthorizationRequest(@NotBlank @Size(max = 200) String payer, @Size(max = 100) String memberId,
			@NotBlank @Size(max = 100) String authorizationNumber, @NotBlank String serviceCode,
			@NotNull @Min(1) @Max(100000) Integer unitsAuthorized, @NotNull LocalDate startDate,
			@NotNull LocalDate endDate, @Size(max = 2000) String notes) {

		Authorization.Terms terms() {
			return new Authorization.Terms(this.payer.strip(), blankToNull(this.memberId),
					this.authorizationNumber.strip(), this.serviceCode.strip(), this.unitsAuthorized, this.startDate,
					this.endDate, blankToNull(this.notes));
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

	/**
	 * An authorization with its usage on the clinic's today: {@code status} upcoming,
	 * active or expired; {@code alert} over (used and scheduled exceed it), running_out
	 * (80 % or more), expiring (active, ends within 30 days) or null. {@code memberId} is
	 * null for a supervising BCBA (minimum necessary).
	 */
	record AuthorizationResponse(UUID id, UUID childId, String childName, String payer, @Nullable String memberId,
			String authorizationNumber, String serviceCode, int unitsAuthorized, LocalDate startDate, LocalDate endDate,
			@Nullable String notes, long unitsUsed, long unitsScheduled, long unitsRemaining,
			@Schema(allowableValues = {
					"upcoming", "active", "expired" }) String status,
			@Nullable @Schema(allowableValues = { "over", "running_out", "expiring" }) String alert, int version){

		static AuthorizationResponse of(Authorization a, LocalDate today) {
			return of(a, today, true);
		}

		static AuthorizationResponse of(Authorization a, LocalDate today, boolean memberId) {
			Authorization.Alert alert = a.alert(today);
			return new AuthorizationResponse(a.id(), a.childId(), a.childName(), a.payer(),
					memberId ? a.memberId() : null, a.authorizationNumber(), a.serviceCode(), a.unitsAuthorized(),
					a.startDate(), a.endDate(), a.notes(), a.unitsUsed(), a.unitsScheduled(), a.unitsRemaining(),
					lower(a.status(today)), (alert == null) ? null : lower(alert), a.version());
		}

		private static String lower(Enum<?> value) {
			return value.name().toLowerCase(Locale.ROOT);
		}

	}

	@GetMapping("/api/children/{id}/authorizations")
	@Operation(summary = "A child's authorizations with their usage",
			description = "The latest start first. Admins, the child's guardians and supervising BCBAs; a technician "
					+ "gets 403, anyone else 404.")
	List<AuthorizationResponse> ofChild(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		LocalDate today = this.service.today();
		AuthorizationService.Visible<List<Authorization>> found = this.service.ofChild(user, id);
		return found.value().stream().map(a -> AuthorizationResponse.of(a, today, found.memberIds())).toList();
	}

	@PostMapping("/api/children/{id}/authorizations")
	@Operation(summary = "Record an authorization (admins)",
			description = "serviceCode 97151–97158; unitsAuthorized 1–100000 units of 15 minutes; endDate on or "
					+ "after startDate and at most two years after it; startDate from 2000 to five years ahead. 409 "
					+ "(authorization-overlap) when another authorization of the child for the same service code "
					+ "covers some of the days: conflictingId names it, unless it was saved a moment ago and is not "
					+ "visible yet.")
	ResponseEntity<AuthorizationResponse> create(@PathVariable UUID id,
			@Valid @RequestBody AuthorizationRequest request, @AuthenticationPrincipal CurrentUser user) {
		Authorization created = this.service.create(user, id, request.terms());
		AuthorizationResponse body = AuthorizationResponse.of(created, this.service.today());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/authorizations/{id}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.created(location).eTag(ETags.of(created.version())).body(body);
	}

	@GetMapping("/api/authorizations/{id}")
	@Operation(summary = "One authorization with its usage", description = "The ETag is the record's version.")
	ResponseEntity<AuthorizationResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		AuthorizationService.Visible<Authorization> found = this.service.get(user, id);
		return ResponseEntity.ok()
			.eTag(ETags.of(found.value().version()))
			.body(AuthorizationResponse.of(found.value(), this.service.today(), found.memberIds()));
	}

	@PutMapping("/api/authorizations/{id}")
	@Operation(summary = "Change an authorization (admins)",
			description = "The whole record, as for creating. Send If-Match with the ETag to refuse the change (412) "
					+ "if someone changed it in between.")
	ResponseEntity<AuthorizationResponse> update(@PathVariable UUID id,
			@Valid @RequestBody AuthorizationRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		Authorization updated = this.service.update(user, id, ETags.version(ifMatch), request.terms());
		return ResponseEntity.ok()
			.eTag(ETags.of(updated.version()))
			.body(AuthorizationResponse.of(updated, this.service.today()));
	}

	@DeleteMapping("/api/authorizations/{id}")
	@Operation(summary = "Delete an authorization (admins)",
			description = "For one recorded by mistake; the access log keeps that it existed.")
	ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		this.service.delete(user, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/authorizations")
	@Operation(summary = "The clinic's current authorizations (admins)",
			description = "Those not yet expired: over first, then running out, then ending soon, then the rest, "
					+ "each by end date. alert: over, running_out or expiring to see only those.")
	PageResponse<AuthorizationResponse> current(@RequestParam(required = false) String alert,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		PageQuery query = PageQuery.of(page, size);
		LocalDate today = this.service.today();
		return this.service.current(user, alert(alert), query, today).map(a -> AuthorizationResponse.of(a, today));
	}

	private static Authorization.Alert alert(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Authorization.Alert.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("alert", "must be over, running_out or expiring");
		}
	}

}
