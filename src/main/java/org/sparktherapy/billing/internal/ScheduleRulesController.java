package org.sparktherapy.billing.internal;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.ETags;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic's rules for the schedule and its children's insurance authorizations (ADR
 * 0031): warn or block beyond them, and the grace period of past uncompleted
 * appointments.
 */
@RestController
@Tag(name = "Authorizations", description = "Insurance authorizations and their usage")
class ScheduleRulesController {

	private final ScheduleRulesService service;

	ScheduleRulesController(ScheduleRulesService service) {
		this.service = service;
	}

	record ScheduleRulesRequest(
			@NotNull @Pattern(regexp = "warn|block", message = "must be warn or block") String enforcement,
			@NotNull @Min(0) @Max(ScheduleRules.MAX_GRACE_DAYS) Integer graceDays) {
	}

	/**
	 * {@code enforcement}: warn (book beyond an authorization, with warnings) or block
	 * (409, nothing booked); {@code graceDays}: after how many days a past appointment
	 * nobody completed stops counting as planned units.
	 */
	record ScheduleRulesResponse(@Schema(allowableValues = {
			"warn", "block" }) String enforcement, int graceDays, Instant updatedAt, int version){

		static ScheduleRulesResponse of(ScheduleRules rules) {
			return new ScheduleRulesResponse(rules.enforcement().value(), rules.graceDays(), rules.updatedAt(),
					rules.version());
		}

	}

	@GetMapping("/api/billing/schedule-rules")
	@Operation(summary = "How the schedule follows authorizations (admins)",
			description = "The ETag is the version to send back in If-Match.")
	ResponseEntity<ScheduleRulesResponse> get(@AuthenticationPrincipal CurrentUser user) {
		ScheduleRules rules = this.service.get(user);
		return ResponseEntity.ok().eTag(ETags.of(rules.version())).body(ScheduleRulesResponse.of(rules));
	}

	@PutMapping("/api/billing/schedule-rules")
	@Operation(summary = "Change how the schedule follows authorizations (admins)",
			description = "enforcement: warn (bookings, moves and accepted schedules beyond a child's authorization "
					+ "are made and answered with warnings) or block (refused with 409 authorization-exceeded); "
					+ "graceDays 0–90: a past appointment nobody completed stops counting as planned units once its "
					+ "day lies more than this many days back. If-Match: the version (412 when it changed since).")
	ResponseEntity<ScheduleRulesResponse> change(@Valid @RequestBody ScheduleRulesRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		ScheduleRules rules = this.service.change(user, ETags.version(ifMatch),
				ScheduleRules.Enforcement.of(request.enforcement()), request.graceDays());
		return ResponseEntity.ok().eTag(ETags.of(rules.version())).body(ScheduleRulesResponse.of(rules));
	}

}
