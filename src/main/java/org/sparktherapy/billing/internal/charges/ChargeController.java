package org.sparktherapy.billing.internal.charges;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Charges: one per completed appointment, ready to claim or held with the reasons why.
 * Admins only; a therapist or guardian of the child gets 403 for one of its charges,
 * anyone else 404.
 */
@RestController
@Tag(name = "Charges", description = "What completed sessions bill, ready or held (admins)")
class ChargeController {

	private final ChargeService service;

	ChargeController(ChargeService service) {
		this.service = service;
	}

	/**
	 * A reason a charge cannot be billed: code, sentence, and the app address to fix it.
	 */
	@Schema(name = "ChargeHoldReason")
	record HoldReasonResponse(@Schema(allowableValues = {
			"note_unsigned", "below_minimum_time", "no_authorization", "authorization_expired",
			"authorization_exhausted", "credential_not_allowed", "overlapping_service", "missing_member_id",
			"missing_diagnosis", "missing_fee", "missing_npi", "missing_supervisor",
			"child_record_incomplete" }) String code, String message, String fix){

		static HoldReasonResponse of(HoldReason r) {
			return new HoldReasonResponse(r.code(), r.message(), r.fix());
		}

	}

	/**
	 * A charge; money as decimal strings with the currency. unitRate null while the fee
	 * schedule has none.
	 */
	record ChargeResponse(UUID id, UUID appointmentId, @Nullable UUID sessionId, UUID childId, String childName,
			UUID payerId, String payerName, @Schema(allowableValues = {
					"insurance", "private_pay" }) String payerKind,
			@Nullable UUID coverageId, String serviceCode, List<String> modifiers, LocalDate serviceDate,
			Instant startsAt, Instant endsAt, int minutes, int units, @Nullable String unitRate, String amount,
			String currency, String place, String placeOfService, UUID renderingProviderId,
			String renderingProviderName, @Nullable UUID supervisingProviderId,
			@Nullable String supervisingProviderName, List<String> diagnosisCodes, @Nullable UUID authorizationId,
			@Nullable String authorizationNumber,
			@Schema(allowableValues = { "ready", "held", "claimed", "void" }) String status,
			List<HoldReasonResponse> holdReasons, @Nullable String voidReason, int version){

		static ChargeResponse of(ChargeRepository.Listed l) {
			Charge c = l.charge();
			return new ChargeResponse(c.id(), c.appointmentId(), c.sessionId(), c.childId(), l.childName(), c.payerId(),
					l.payerName(), l.payerKind().value(), c.coverageId(), c.serviceCode().code(), c.modifiers(),
					c.serviceDate(), c.startsAt(), c.endsAt(), c.minutes(), c.units(),
					(c.unitRate() == null) ? null : c.unitRate().toPlainString(), c.amount().toPlainString(),
					c.currency(), c.place().value(), c.placeOfService(), c.renderingProviderId(), l.renderingName(),
					c.supervisingProviderId(), l.supervisingName(), c.diagnosisCodes(), c.authorizationId(),
					c.authorizationNumber(), c.status().value(),
					c.holdReasons().stream().map(HoldReasonResponse::of).toList(), c.voidReason(), c.version());
		}

	}

	@GetMapping("/api/charges")
	@Operation(summary = "Charges (admins)",
			description = "Filtered by status (ready, held, claimed, void), payerId, childId and service date from/to "
					+ "(both included). Sorted by serviceDate (default, the latest first), amount, createdAt or "
					+ "childName.")
	PageResponse<ChargeResponse> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) UUID payerId, @RequestParam(required = false) UUID childId,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal CurrentUser user) {
		ChargeStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = ChargeStatus.of(status.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("status", "must be ready, held, claimed or void");
			}
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInput("to", "must be on or after from");
		}
		PageQuery query = PageQuery.of(page, size, sort, ChargeRepository.SORTABLE, "serviceDate,desc");
		return this.service.list(user, new ChargeRepository.Filter(wanted, payerId, childId, from, to), query)
			.map(ChargeResponse::of);
	}

	@GetMapping("/api/charges/{id}")
	@Operation(summary = "One charge (admins)", description = "The ETag is the record's version.")
	ResponseEntity<ChargeResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return respond(this.service.get(user, id));
	}

	record VoidRequest(@NotBlank @Size(max = 500) String reason) {
	}

	@PostMapping("/api/charges/{id}/void")
	@Operation(summary = "Void a charge that will never be billed (admins)",
			description = "Ready or held only (409 charge-closed for claimed or void ones), with a reason. If-Match "
					+ "refuses it when the charge changed in between (412).")
	ResponseEntity<ChargeResponse> voidCharge(@PathVariable UUID id, @Valid @RequestBody VoidRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		return respond(this.service.voidCharge(user, id, ETags.version(ifMatch), request.reason()));
	}

	@PostMapping("/api/charges/{id}/recheck")
	@Operation(summary = "Check a charge again (admins)",
			description = "Prices it anew and runs the claim check: a held charge whose causes were fixed becomes "
					+ "ready. Claimed and void charges stay as they are.")
	ResponseEntity<ChargeResponse> recheck(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return respond(this.service.recheck(user, id));
	}

	record RecheckResponse(int checked, int ready, int held) {
	}

	@PostMapping("/api/charges/recheck")
	@Operation(summary = "Check every held charge again (admins)",
			description = "How many were checked, are ready now, and are still held.")
	RecheckResponse recheckHeld(@AuthenticationPrincipal CurrentUser user) {
		ChargeService.RecheckResult result = this.service.recheckHeld(user);
		return new RecheckResponse(result.checked(), result.ready(), result.held());
	}

	private ResponseEntity<ChargeResponse> respond(Charge charge) {
		ChargeRepository.Listed listed = this.service.listed(charge.id());
		return ResponseEntity.ok().eTag(ETags.of(charge.version())).body(ChargeResponse.of(listed));
	}

}
