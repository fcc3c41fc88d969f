package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Invoices for private pay and credit notes, and their PDFs. */
@RestController
@Tag(name = "Invoices", description = "Private-pay invoices: draft, issue, void, credit note, PDF")
class InvoiceController {

	private final InvoiceService service;

	private final StatementService documents;

	InvoiceController(InvoiceService service, StatementService documents) {
		this.service = service;
		this.documents = documents;
	}

	record InvoiceLineRequest(@NotBlank @Size(max = 200) String description, @NotNull LocalDate serviceDate,
			@NotNull @Min(1) @Max(1000) Integer quantity,
			@NotNull @Schema(description = "decimal string, more than zero, e.g. \"31.25\"") String unitPrice,
			@Schema(description = "the private-pay charge the line bills, if any") UUID chargeId) {
	}

	record InvoiceRequest(@Schema(description = "default: 30 days after issue") LocalDate dueOn,
			@NotEmpty @Size(max = 100) List<@Valid @NotNull InvoiceLineRequest> lines) {
	}

	record InvoiceVoidRequest(@NotBlank @Size(max = 500) String reason) {
	}

	record CreditNoteRequest(@NotNull @Schema(description = "decimal string, more than zero") String amount,
			@NotBlank @Size(max = 200) String reason) {
	}

	record InvoiceLineResponse(int position, String description, LocalDate serviceDate, int quantity, String unitPrice,
			String amount, @Nullable UUID chargeId, @Nullable UUID entryId) {
	}

	record InvoiceResponse(UUID id, UUID childId, String childName, @Schema(allowableValues = {
			"invoice", "credit_note" }) String kind, @Nullable String number,
			@Schema(allowableValues = { "draft", "issued", "void" }) String status, @Nullable UUID creditsInvoice,
			String currency, @Nullable LocalDate issuedOn, @Nullable LocalDate dueOn, @Nullable LocalDate voidedOn,
			@Nullable String voidReason, String total, String open, List<InvoiceLineResponse> lines, int version){

		static InvoiceResponse of(Invoice i) {
			return new InvoiceResponse(i.id(), i.childId(), i.childName(), i.kind().value(), i.number(),
					i.status().value(), i.creditsInvoice(), i.currency(), i.issuedOn(), i.dueOn(), i.voidedOn(),
					i.voidReason(), Amounts.text(i.total()), Amounts.text(i.open()),
					i.lines()
						.stream()
						.map(l -> new InvoiceLineResponse(l.position(), l.description(), l.serviceDate(), l.quantity(),
								Amounts.text(l.unitPrice()), Amounts.text(l.amount()), l.chargeId(), l.entryId()))
						.toList(),
					i.version());
		}

	}

	@GetMapping("/api/children/{id}/invoices")
	@Operation(summary = "A family's invoices and credit notes",
			description = "The newest first. Admins and guardians.")
	PageResponse<InvoiceResponse> ofChild(@PathVariable UUID id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		return this.service.ofChild(user, id, PageQuery.of(page, size)).map(InvoiceResponse::of);
	}

	@PostMapping("/api/children/{id}/invoices")
	@Operation(summary = "Draft an invoice (admins)",
			description = "1–100 lines; a line's amount is quantity × unitPrice. Nothing is posted until issued.")
	ResponseEntity<InvoiceResponse> create(@PathVariable UUID id, @Valid @RequestBody InvoiceRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		List<Invoice.NewLine> lines = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			InvoiceLineRequest line = request.lines().get(i);
			BigDecimal price = Amounts.read(line.unitPrice(), "/lines/" + i + "/unitPrice", true, errors);
			LedgerController.text(errors, "/lines/" + i + "/description", line.description());
			if (price != null) {
				lines.add(new Invoice.NewLine(line.description().strip(), line.serviceDate(), line.quantity(), price,
						line.chargeId()));
			}
		}
		if (!errors.isEmpty()) {
			throw new LedgerProblems.InvalidMoneyRequest(errors);
		}
		return created(this.service.create(user, id, request.dueOn(), lines));
	}

	@GetMapping("/api/invoices/{id}")
	@Operation(summary = "One invoice or credit note", description = "The ETag is its version.")
	ResponseEntity<InvoiceResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		Invoice invoice = this.service.get(user, id);
		return ResponseEntity.ok().eTag(ETags.of(invoice.version())).body(InvoiceResponse.of(invoice));
	}

	@GetMapping(path = "/api/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "An invoice or credit note as PDF", description = "Admins and the child's guardians.")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return pdfResponse(this.documents.invoicePdf(user, id), "invoice.pdf");
	}

	@PostMapping("/api/invoices/{id}/issue")
	@Operation(summary = "Issue a draft (admins)",
			description = "Numbers it (INV-000001…) and posts its lines as charges; If-Match refuses it (412) if the "
					+ "draft changed in between.")
	ResponseEntity<InvoiceResponse> issue(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		return ok(this.service.issue(user, id, ETags.version(ifMatch)));
	}

	@PostMapping("/api/invoices/{id}/void")
	@Operation(summary = "Void an invoice (admins)",
			description = "A draft, or an issued invoice without credit notes: its charges are reversed.")
	ResponseEntity<InvoiceResponse> voidInvoice(@PathVariable UUID id, @Valid @RequestBody InvoiceVoidRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		LedgerController.text(errors, "/reason", request.reason());
		if (!errors.isEmpty()) {
			throw new LedgerProblems.InvalidMoneyRequest(errors);
		}
		return ok(this.service.voidInvoice(user, id, ETags.version(ifMatch), request.reason().strip()));
	}

	@PostMapping("/api/invoices/{id}/credit-notes")
	@Operation(summary = "Credit part of an issued invoice (admins)",
			description = "A credit note (CN-000001…) of at most what is open on the invoice (409 "
					+ "credit-exceeds-invoice).")
	ResponseEntity<InvoiceResponse> creditNote(@PathVariable UUID id, @Valid @RequestBody CreditNoteRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		BigDecimal amount = Amounts.read(request.amount(), "/amount", true, errors);
		LedgerController.text(errors, "/reason", request.reason());
		if (!errors.isEmpty()) {
			throw new LedgerProblems.InvalidMoneyRequest(errors);
		}
		return created(this.service.creditNote(user, id, amount, request.reason().strip()));
	}

	static ResponseEntity<byte[]> pdfResponse(byte[] pdf, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString())
			.body(pdf);
	}

	private static ResponseEntity<InvoiceResponse> ok(Invoice invoice) {
		return ResponseEntity.ok().eTag(ETags.of(invoice.version())).body(InvoiceResponse.of(invoice));
	}

	private static ResponseEntity<InvoiceResponse> created(Invoice invoice) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/invoices/{id}")
			.buildAndExpand(invoice.id())
			.toUri();
		return ResponseEntity.created(location).eTag(ETags.of(invoice.version())).body(InvoiceResponse.of(invoice));
	}

}
