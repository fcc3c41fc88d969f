package org.sparktherapy.billing.internal.claims;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.annotation.Nullable;

import org.sparktherapy.billing.internal.x12.ClaimFile;
import org.sparktherapy.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Claim batches and claims (admins): build a batch from a payer's ready charges, download
 * its 837P file, print a claim's CMS-1500, mark the batch submitted. No PHI in any
 * address: batches and claims are named by id.
 */
@RestController
@Tag(name = "Claims", description = "Insurance claims: batches, 837P files, CMS-1500 forms")
class ClaimController {

	/** The media type of X12 files (RFC 1767). */
	static final MediaType EDI_X12 = MediaType.parseMediaType("application/edi-x12");

	private final ClaimService service;

	ClaimController(ClaimService service) {
		this.service = service;
	}

	record ClaimBatchRequest(@NotNull UUID payerId, @Nullable LocalDate through) {
	}

	record ClaimBatchResponse(UUID id, UUID payerId, String payerName, int controlNumber, @Schema(allowableValues = {
			"draft", "submitted" }) String status, BigDecimal totalCharge, String currency, int claimCount,
			Instant createdAt, @Nullable Instant exportedAt, @Nullable Instant submittedAt, int version){

		static ClaimBatchResponse of(Claims.Batch b) {
			return new ClaimBatchResponse(b.id(), b.payerId(), b.payerName(), b.controlNumber(), b.status(),
					b.totalCharge(), b.currency(), b.claimCount(), b.createdAt(), b.exportedAt(), b.submittedAt(),
					b.version());
		}

	}

	record ClaimSummary(UUID id, UUID batchId, String claimNumber, UUID childId, String childName,
			@Schema(allowableValues = {
					"draft", "submitted", "accepted", "denied", "paid", "partially_paid", "void" }) String state,
			@Schema(allowableValues = { "1", "7", "8" }) String frequency, @Nullable String payerClaimNumber,
			BigDecimal totalCharge, BigDecimal paidAmount, BigDecimal patientResponsibility, String currency,
			@Nullable Instant submittedAt){

		static ClaimSummary of(Claims.Claim c) {
			return new ClaimSummary(c.id(), c.batchId(), c.claimNumber(), c.childId(), c.childName(), c.state().value(),
					c.frequency(), c.payerClaimNumber(), c.totalCharge(), c.paidAmount(), c.patientResponsibility(),
					c.currency(), c.submittedAt());
		}

	}

	record ClaimBatchDetailResponse(ClaimBatchResponse batch, List<ClaimSummary> claims) {

		static ClaimBatchDetailResponse of(ClaimService.BatchDetail detail) {
			return new ClaimBatchDetailResponse(ClaimBatchResponse.of(detail.batch()),
					detail.claims().stream().map(ClaimSummary::of).toList());
		}

	}

	record ClaimLineResponse(int lineNumber, UUID chargeId, String serviceCode, List<String> modifiers, int units,
			BigDecimal amount, String currency, LocalDate serviceDate, List<Integer> diagnosisPointers,
			BigDecimal paidAmount) {

		static ClaimLineResponse of(Claims.Line l) {
			return new ClaimLineResponse(l.lineNumber(), l.chargeId(), l.serviceCode(), l.modifiers(), l.units(),
					l.amount(), l.currency(), l.serviceDate(), l.diagnosisPointers(), l.paidAmount());
		}

	}

	record ClaimDetailResponse(ClaimSummary claim, String placeOfService, List<String> diagnosisCodes,
			@Nullable String authorizationNumber, UUID renderingProviderId, @Nullable UUID replacesClaimId,
			List<ClaimLineResponse> lines) {

		static ClaimDetailResponse of(ClaimService.ClaimDetail detail) {
			Claims.Claim c = detail.claim();
			return new ClaimDetailResponse(ClaimSummary.of(c), c.placeOfService(), c.diagnosisCodes(),
					c.authorizationNumber(), c.renderingProviderId(), c.replacesClaimId(),
					detail.lines().stream().map(ClaimLineResponse::of).toList());
		}

	}

	@GetMapping("/api/claim-batches")
	@Operation(summary = "Claim batches, newest first (admins)", description = "At most 200.")
	List<ClaimBatchResponse> batches(@AuthenticationPrincipal CurrentUser user) {
		return this.service.batches(user).stream().map(ClaimBatchResponse::of).toList();
	}

	@PostMapping("/api/claim-batches")
	@Operation(summary = "Build a claim batch from a payer's ready charges (admins)",
			description = "Every ready charge of the insurer with a service date up to `through` (all when absent) "
					+ "goes on a claim: one claim per child, coverage, rendering provider, place of service and "
					+ "authorization, at most 50 lines. The charges become claimed. 400 for private pay, 409 "
					+ "(no-ready-charges) when there is nothing to claim.")
	ResponseEntity<ClaimBatchDetailResponse> create(@Valid @RequestBody ClaimBatchRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		ClaimService.BatchDetail created = this.service.createBatch(user, request.payerId(), request.through());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/claim-batches/{id}")
			.buildAndExpand(created.batch().id())
			.toUri();
		return ResponseEntity.created(location).body(ClaimBatchDetailResponse.of(created));
	}

	@GetMapping("/api/claim-batches/{id}")
	@Operation(summary = "A claim batch with its claims (admins)")
	ClaimBatchDetailResponse batch(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return ClaimBatchDetailResponse.of(this.service.batch(user, id));
	}

	@GetMapping("/api/claim-batches/{id}/837")
	@Operation(summary = "The batch's ANSI X12 837P file (admins)",
			description = "005010X222A1, validated before it is sent; a download (`application/edi-x12`). 409 "
					+ "(claim-data-missing) names, by claim number, the billing data a payer requires that is "
					+ "missing.",
			responses = @ApiResponse(responseCode = "200", description = "The 837P file",
					content = @Content(mediaType = "application/edi-x12",
							schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> export(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		ClaimService.Export export = this.service.export(user, id);
		return download(export, EDI_X12);
	}

	@PostMapping("/api/claim-batches/{id}/submission")
	@Operation(summary = "Mark a batch submitted to the payer (admins)",
			description = "Its draft claims become submitted. 409 (batch-submitted) when it already was.")
	ClaimBatchDetailResponse submit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return ClaimBatchDetailResponse.of(this.service.markSubmitted(user, id));
	}

	record PayerAgingRowResponse(@Nullable UUID payerId, @Nullable String payerName,
			@Schema(description = "Open claims counted") int claims, String current, String days31To60,
			String days61To90, String over90, String balance) {

		static PayerAgingRowResponse of(PayerAging.Row r) {
			return new PayerAgingRowResponse(r.payerId(), r.payerName(), r.claims(), money(r.current()),
					money(r.days31To60()), money(r.days61To90()), money(r.over90()), money(r.balance()));
		}

		private static String money(BigDecimal amount) {
			return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
		}

	}

	record PayerAgingResponse(LocalDate asOf, String currency, PayerAgingRowResponse total,
			List<PayerAgingRowResponse> payers) {
	}

	@GetMapping("/api/claims/aging")
	@Operation(summary = "Accounts receivable aging per payer (admins)",
			description = "Open claim balances (billed less what the payer paid and the adjustments of the "
					+ "remittances received by asOf) per payer, by days since the claim was submitted: 0-30, 31-60, "
					+ "61-90, over 90. Drafts, voids and claims a submitted replacement supersedes are not counted. "
					+ "asOf defaults to the clinic's today.")
	PayerAgingResponse payerAging(@RequestParam(required = false) @Nullable LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user) {
		LocalDate on = (asOf != null) ? asOf : this.service.today();
		List<PayerAging.Row> rows = this.service.payerAging(user, on);
		PayerAging.Row total = rows.stream().reduce(PayerAging.Row.zero(), PayerAging.Row::plus);
		return new PayerAgingResponse(on, "USD", PayerAgingRowResponse.of(total),
				rows.stream().map(PayerAgingRowResponse::of).toList());
	}

	@GetMapping("/api/claims/{id}")
	@Operation(summary = "A claim with its lines (admins)")
	ClaimDetailResponse claim(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return ClaimDetailResponse.of(this.service.claim(user, id));
	}

	@PostMapping("/api/claims/{id}/replacement")
	@Operation(summary = "Replace a claim the payer has (admins): frequency 7",
			description = "A new claim in a batch of its own, built from the claim's charges as they are now, naming "
					+ "the payer's claim number (REF*F8). 409 (claim-not-correctable) for a draft or void claim, or "
					+ "before the payer's claim number came with a remittance.")
	ResponseEntity<ClaimBatchDetailResponse> replace(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return corrected(this.service.correct(user, id, ClaimFile.Frequency.REPLACEMENT));
	}

	@PostMapping("/api/claims/{id}/void")
	@Operation(summary = "Void a claim the payer has (admins): frequency 8",
			description = "A void claim in a batch of its own naming the payer's claim number; the original becomes "
					+ "void and its charges are released (checked again: ready or held). 409 as for a replacement.")
	ResponseEntity<ClaimBatchDetailResponse> voidClaim(@PathVariable UUID id,
			@AuthenticationPrincipal CurrentUser user) {
		return corrected(this.service.correct(user, id, ClaimFile.Frequency.VOID));
	}

	private static ResponseEntity<ClaimBatchDetailResponse> corrected(ClaimService.BatchDetail created) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/claim-batches/{id}")
			.buildAndExpand(created.batch().id())
			.toUri();
		return ResponseEntity.created(location).body(ClaimBatchDetailResponse.of(created));
	}

	@GetMapping("/api/claims/{id}/cms1500")
	@Operation(summary = "A claim as a CMS-1500 (02/12) PDF (admins)", responses = @ApiResponse(responseCode = "200",
			description = "The PDF",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> cms1500(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return download(this.service.cms1500(user, id), MediaType.APPLICATION_PDF);
	}

	private static ResponseEntity<byte[]> download(ClaimService.Export export, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(export.content());
	}

}
