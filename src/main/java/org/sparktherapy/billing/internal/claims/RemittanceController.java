package org.sparktherapy.billing.internal.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.RequestBodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Remittance advice (X12 835), admins: upload a file, see what each payment posted.
 */
@RestController
@Tag(name = "Remittances", description = "X12 835 remittance advice: import and posting")
class RemittanceController {

	/** The largest 835 file accepted. */
	static final DataSize MAX_FILE = DataSize.ofMegabytes(10);

	private final RemittanceService service;

	RemittanceController(RemittanceService service) {
		this.service = service;
	}

	@Configuration(proxyBeanMethods = false)
	static class Limits {

		@Bean
		RequestBodyLimit remittanceUploadLimit() {
			return new RequestBodyLimit("POST", "/api/remittances", "multipart/form-data",
					DataSize.ofBytes(MAX_FILE.toBytes() + 65_536));
		}

	}

	record RemittanceSummary(UUID id, @Nullable String payerName, String payerIdentifier, String traceNumber,
			BigDecimal totalPaid, String currency, @Nullable String paymentMethod, @Nullable LocalDate paymentDate,
			Instant importedAt, int claimCount, BigDecimal familyShare) {

		static RemittanceSummary of(RemittanceRepository.Stored r) {
			return new RemittanceSummary(r.id(), r.payerName(), r.payerIdentifier(), r.traceNumber(), r.totalPaid(),
					r.currency(), r.paymentMethod(), r.paymentDate(), r.importedAt(), r.claims(), r.familyShare());
		}

	}

	record RemittanceAdjustmentResponse(@Schema(allowableValues = {
			"CO", "PR", "OA", "PI", "CR" }) String group, String reasonCode, BigDecimal amount, boolean lineLevel){
	}

	record RemittedClaimResponse(@Nullable UUID claimId, String claimNumber, String statusCode,
			@Schema(allowableValues = {
					"paid", "partially_paid", "denied", "reversed", "unmatched" }) String outcome,
			BigDecimal charge, BigDecimal paid, BigDecimal patientResponsibility, @Nullable String payerClaimNumber,
			List<RemittanceAdjustmentResponse> adjustments){
	}

	record RemittanceDetail(RemittanceSummary remittance, List<RemittedClaimResponse> claims) {

		static RemittanceDetail of(RemittanceService.Detail detail) {
			List<RemittedClaimResponse> claims = detail.claims()
				.stream()
				.map((c) -> new RemittedClaimResponse(c.claimId(), c.claimNumber(), c.statusCode(), c.outcome(),
						c.charge(), c.paid(), c.patientResponsibility(), c.payerClaimNumber(),
						detail.adjustments()
							.stream()
							.filter((a) -> a.remittanceClaimId().equals(c.id()))
							.map((a) -> new RemittanceAdjustmentResponse(a.group(), a.reason(), a.amount(),
									a.claimLineId() != null))
							.toList()))
				.toList();
			return new RemittanceDetail(RemittanceSummary.of(detail.remittance()), claims);
		}

	}

	@PostMapping(path = "/api/remittances", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import an X12 835 remittance file (admins; multipart: file)",
			description = "Every 835 transaction of the file is posted to our claims (CLP01 = our claim number): "
					+ "payments, patient responsibility, adjustments (CAS), states paid / partially_paid / denied; the "
					+ "family share (group PR) of each line is handed to the family ledger. All or nothing. 400 "
					+ "(remittance-invalid) for a file that is not a readable, balanced 835; 409 "
					+ "(remittance-already-imported, with remittanceId) when a payment (trace number TRN02 from the "
					+ "payer TRN03) was imported before: nothing is posted twice. At most 10 MB.")
	ResponseEntity<List<RemittanceDetail>> upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) {
		boolean tooLarge = file != null && file.getSize() > MAX_FILE.toBytes();
		byte[] content = null;
		try {
			content = (file == null || tooLarge) ? null : file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<RemittanceDetail> imported = this.service.importFile(user, content, tooLarge)
			.stream()
			.map(RemittanceDetail::of)
			.toList();
		return ResponseEntity.status(201).body(imported);
	}

	@GetMapping("/api/remittances")
	@Operation(summary = "Imported remittances, newest first (admins)", description = "At most 200.")
	List<RemittanceSummary> list(@AuthenticationPrincipal CurrentUser user) {
		return this.service.list(user).stream().map(RemittanceSummary::of).toList();
	}

	@GetMapping("/api/remittances/{id}")
	@Operation(summary = "One imported remittance with what it posted per claim (admins)")
	RemittanceDetail get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return RemittanceDetail.of(this.service.get(user, id));
	}

}
