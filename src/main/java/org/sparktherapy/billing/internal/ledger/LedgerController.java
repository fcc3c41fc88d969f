package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.http.HttpStatus;
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

/**
 * The family ledger: accounts and balances, entries, payments (with an Idempotency-Key),
 * refunds, write-offs, adjustments, reversals and aging. Money is a decimal string in
 * USD; ids only in paths.
 */
@RestController
@Tag(name = "Family ledger", description = "Family balances, ledger entries, payments, refunds, write-offs, aging")
class LedgerController {

	private static final String AMOUNT = "A decimal string with at most two decimals, e.g. \"125.50\"";

	private final LedgerService service;

	LedgerController(LedgerService service) {
		this.service = service;
	}

	/** A family's account: the balance (positive: owed; negative: a credit). */
	record FamilyAccountResponse(UUID childId, String childName, String balance, String open, String currency,
			@Nullable LocalDate oldestOpenOn, @Nullable LocalDate lastPaymentOn) {

		static FamilyAccountResponse of(LedgerRepository.Account a) {
			return new FamilyAccountResponse(a.childId(), a.childName(), Amounts.text(a.balance()),
					Amounts.text(a.open()), Amounts.CURRENCY, a.oldestOpenOn(), a.lastPaymentOn());
		}

	}

	/**
	 * One ledger entry. {@code amount} positive: the family owes more; negative: less.
	 * {@code open} for an item (charge, family share, debit adjustment), else null.
	 */
	record LedgerEntryResponse(UUID id, UUID childId, @Schema(allowableValues = {
			"charge", "payment", "adjustment", "refund", "write_off", "patient_responsibility",
			"reversal" }) String kind, String amount, String currency, LocalDate occurredOn, String description,
			@Schema(description = "The charge (charges module) a charge, family share or its reversal comes "
					+ "from") @Nullable UUID chargeId,
			@Nullable UUID paymentId, @Nullable UUID invoiceId, @Nullable UUID appliesTo, @Nullable UUID reverses,
			@Nullable UUID reversedBy, @Nullable String insurancePaid, @Nullable String open, Instant recordedAt){

		static LedgerEntryResponse of(Entry e) {
			return new LedgerEntryResponse(e.id(), e.childId(), e.kind().value(), Amounts.text(e.amount()),
					e.currency(), e.occurredOn(), e.description(), e.chargeId(), e.paymentId(), e.invoiceId(),
					e.appliesTo(), e.reverses(), e.reversedBy(), Amounts.text(e.insurancePaid()),
					Amounts.text(e.open()), e.recordedAt());
		}

	}

	record FamilyPaymentResponse(UUID id, UUID childId, @Schema(allowableValues = {
			"cash", "check", "card_terminal", "bank_transfer" }) String method, @Nullable String reference,
			String amount, String currency, LocalDate receivedOn, @Nullable String note, @Nullable String recordedBy,
			Instant recordedAt, String allocated, String refunded, String unallocated, boolean reversed){

		static FamilyPaymentResponse of(Payment p) {
			return new FamilyPaymentResponse(p.id(), p.childId(), p.method().value(), p.reference(),
					Amounts.text(p.amount()), p.currency(), p.receivedOn(), p.note(), p.recordedByName(),
					p.recordedAt(), Amounts.text(p.allocated()), Amounts.text(p.refunded()),
					Amounts.text(p.unallocated()), p.reversed());
		}

	}

	record FamilyPaymentRequest(@NotBlank String method, @Size(max = 100) String reference,
			@NotNull @Schema(description = AMOUNT, example = "125.50") String amount,
			@Schema(description = "USD (the clinic's currency) when given") String currency,
			@NotNull LocalDate receivedOn, @Size(max = 500) String note) {
	}

	record PaymentRefundRequest(@NotNull @Schema(description = AMOUNT) String amount, LocalDate refundedOn,
			@NotBlank @Size(max = 300) String reason,
			@Schema(description = "take money back from the newest paid items when the unallocated part is not "
					+ "enough") Boolean deallocate) {
	}

	record WriteOffRequest(@NotNull UUID entryId, @NotNull @Schema(description = AMOUNT) String amount,
			LocalDate writtenOffOn, @NotBlank @Size(max = 300) String reason) {
	}

	record LedgerAdjustmentRequest(
			@NotNull @Schema(
					description = AMOUNT + "; positive: the family owes more, negative: a credit") String amount,
			String currency, LocalDate occurredOn, @NotBlank @Size(max = 300) String description,
			@Schema(description = "for a credit: the open item it reduces") UUID appliesTo) {
	}

	record LedgerReversalRequest(@NotBlank @Size(max = 300) String reason) {
	}

	record OnlinePaymentRequest(@NotNull @Schema(description = AMOUNT) String amount) {
	}

	record AgingRowResponse(@Nullable UUID childId, @Nullable String childName, String current, String days31To60,
			String days61To90, String over90, String unappliedCredit, String balance) {

		static AgingRowResponse of(LedgerService.AgingRow r) {
			return new AgingRowResponse(r.childId(), r.childName(), Amounts.text(r.current()),
					Amounts.text(r.days31To60()), Amounts.text(r.days61To90()), Amounts.text(r.over90()),
					Amounts.text(r.unappliedCredit()), Amounts.text(r.balance()));
		}

	}

	/** The families' side; the insurers' side is {@code GET /api/claims/aging}. */
	record AgingResponse(LocalDate asOf, String currency, AgingRowResponse total, List<AgingRowResponse> families) {
	}

	@GetMapping("/api/family-accounts")
	@Operation(summary = "Family balances",
			description = "Admins: every family (child) with ledger entries; a parent: their own children. By name.")
	PageResponse<FamilyAccountResponse> accounts(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		return this.service.accounts(user, PageQuery.of(page, size)).map(FamilyAccountResponse::of);
	}

	@GetMapping("/api/children/{id}/account")
	@Operation(summary = "A family's balance", description = "Admins and the child's guardians.")
	FamilyAccountResponse account(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return FamilyAccountResponse.of(this.service.account(user, id));
	}

	@GetMapping("/api/children/{id}/ledger-entries")
	@Operation(summary = "A family's ledger entries", description = "The latest first. Admins and guardians.")
	PageResponse<LedgerEntryResponse> entries(@PathVariable UUID id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		return this.service.entries(user, id, PageQuery.of(page, size)).map(LedgerEntryResponse::of);
	}

	@GetMapping("/api/children/{id}/payments")
	@Operation(summary = "A family's payments", description = "The latest received first. Admins and guardians.")
	PageResponse<FamilyPaymentResponse> payments(@PathVariable UUID id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		return this.service.payments(user, id, PageQuery.of(page, size)).map(FamilyPaymentResponse::of);
	}

	@PostMapping("/api/children/{id}/payments")
	@Operation(summary = "Record a payment (admins)",
			description = "Needs an Idempotency-Key header (1–200 visible characters, e.g. a UUID the client made "
					+ "for this payment): a retry with the same key and body answers 200 with the payment stored the "
					+ "first time; the same key with another body 409 (idempotency-key-reused). The payment pays the "
					+ "family's oldest open items first; what is left is a credit.")
	ResponseEntity<FamilyPaymentResponse> recordPayment(@PathVariable UUID id,
			@Parameter(description = "the client's key for this payment",
					required = true) @RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody FamilyPaymentRequest request, @AuthenticationPrincipal CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		if (key == null || key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
			errors.add(new FieldError("/header/Idempotency-Key", "must be sent: 1 to 200 visible ASCII characters"));
		}
		Payment.Method method = null;
		try {
			method = Payment.Method.of(request.method().strip());
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("/method", "must be cash, check, card_terminal or bank_transfer"));
		}
		BigDecimal amount = Amounts.read(request.amount(), "/amount", true, errors);
		Amounts.checkCurrency(request.currency(), "/currency", errors);
		text(errors, "/reference", request.reference());
		text(errors, "/note", request.note());
		if (!errors.isEmpty()) {
			throw new LedgerProblems.InvalidMoneyRequest(errors);
		}
		LedgerService.Recorded recorded = this.service.recordPayment(user, key, new Payment.Request(id, method,
				blankToNull(request.reference()), amount, request.receivedOn(), blankToNull(request.note())));
		FamilyPaymentResponse body = FamilyPaymentResponse.of(recorded.payment());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/payments/{id}")
			.buildAndExpand(body.id())
			.toUri();
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(location)
			.body(body);
	}

	record ClinicPaymentResponse(FamilyPaymentResponse payment, String childName) {
	}

	@GetMapping("/api/payments")
	@Operation(summary = "Every family's payments (admins)",
			description = "Received between from and to (inclusive, either optional), of one method (cash, check, "
					+ "card_terminal, bank_transfer; optional); the latest received first, with the family's name.")
	PageResponse<ClinicPaymentResponse> clinicPayments(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable @Schema(
					allowableValues = { "cash", "check", "card_terminal", "bank_transfer" }) String method,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		Payment.Method chosen = null;
		if (method != null && !method.isBlank()) {
			try {
				chosen = Payment.Method.of(method);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("method", "must be cash, check, card_terminal or bank_transfer");
			}
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInput("to", "must be on or after from");
		}
		return this.service.clinicPayments(user, from, to, chosen, PageQuery.of(page, size))
			.map(l -> new ClinicPaymentResponse(FamilyPaymentResponse.of(l.payment()), l.childName()));
	}

	@GetMapping("/api/payments/{id}")
	@Operation(summary = "One payment", description = "Admins and the child's guardians.")
	FamilyPaymentResponse payment(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return FamilyPaymentResponse.of(this.service.payment(user, id));
	}

	@PostMapping("/api/payments/{id}/refunds")
	@Operation(summary = "Refund a payment (admins)",
			description = "At most what earlier refunds left of the payment (409 refund-exceeds-payment). Beyond its "
					+ "unallocated part only with deallocate true (409 refund-needs-deallocation): the newest paid "
					+ "items open again.")
	ResponseEntity<LedgerEntryResponse> refund(@PathVariable UUID id, @Valid @RequestBody PaymentRefundRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		BigDecimal amount = Amounts.read(request.amount(), "/amount", true, errors);
		text(errors, "/reason", request.reason());
		check(errors);
		Entry entry = this.service.refund(user, id, amount, day(request.refundedOn()), request.reason().strip(),
				Boolean.TRUE.equals(request.deallocate()));
		return created(entry);
	}

	@PostMapping("/api/children/{id}/write-offs")
	@Operation(summary = "Write off an open item (admins)",
			description = "Forgives at most what is open on the item (409 write-off-exceeds-open).")
	ResponseEntity<LedgerEntryResponse> writeOff(@PathVariable UUID id, @Valid @RequestBody WriteOffRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		BigDecimal amount = Amounts.read(request.amount(), "/amount", true, errors);
		text(errors, "/reason", request.reason());
		check(errors);
		return created(this.service.writeOff(user, id, request.entryId(), amount, day(request.writtenOffOn()),
				request.reason().strip()));
	}

	@PostMapping("/api/children/{id}/adjustments")
	@Operation(summary = "Adjust a family's balance (admins)",
			description = "Positive: the family owes more (an item payments pay); negative: a credit, applied to "
					+ "an open item when appliesTo names one.")
	ResponseEntity<LedgerEntryResponse> adjust(@PathVariable UUID id,
			@Valid @RequestBody LedgerAdjustmentRequest request, @AuthenticationPrincipal CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		BigDecimal amount = Amounts.read(request.amount(), "/amount", false, errors);
		Amounts.checkCurrency(request.currency(), "/currency", errors);
		text(errors, "/description", request.description());
		check(errors);
		return created(this.service.adjust(user, id, amount, day(request.occurredOn()), request.description().strip(),
				request.appliesTo()));
	}

	@PostMapping("/api/ledger-entries/{id}/reversal")
	@Operation(summary = "Reverse a ledger entry (admins)",
			description = "Posts an entry of the opposite amount, once (409 entry-not-reversible otherwise). "
					+ "An invoice's entries are reversed by voiding the invoice.")
	ResponseEntity<LedgerEntryResponse> reverse(@PathVariable UUID id,
			@Valid @RequestBody LedgerReversalRequest request, @AuthenticationPrincipal CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		text(errors, "/reason", request.reason());
		check(errors);
		return created(this.service.reverse(user, id, request.reason().strip()));
	}

	@PostMapping("/api/children/{id}/online-payments")
	@Operation(summary = "Pay online by card (not available)",
			description = "Needs a payment processor this installation does not have: 501 "
					+ "(online-payments-unavailable) for the family and admins. See ADR 0028.")
	ResponseEntity<Void> payOnline(@PathVariable UUID id, @Valid @RequestBody OnlinePaymentRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		BigDecimal amount = Amounts.read(request.amount(), "/amount", true, errors);
		check(errors);
		PaymentProcessor.Checkout checkout = this.service.payOnline(user, id, amount);
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(checkout.redirectUrl())).build();
	}

	@GetMapping("/api/family-accounts/aging")
	@Operation(summary = "Accounts receivable aging (admins)",
			description = "Each family's items open at the end of asOf (default today) by their age that day: 0–30, "
					+ "31–60, 61–90 and over 90 days, and unapplied credit; a family's row adds up to its balance on "
					+ "that day. Only entries dated on or before asOf count (items, payments, refunds, credits, "
					+ "reversals): payments are allocated to the oldest items over them again.")
	AgingResponse aging(@RequestParam(required = false) LocalDate asOf, @AuthenticationPrincipal CurrentUser user) {
		LocalDate on = (asOf == null) ? this.service.today() : asOf;
		List<LedgerService.AgingRow> rows = this.service.aging(user, on);
		LedgerService.AgingRow zero = new LedgerService.AgingRow(null, null, Amounts.ZERO, Amounts.ZERO, Amounts.ZERO,
				Amounts.ZERO, Amounts.ZERO, Amounts.ZERO);
		LedgerService.AgingRow total = rows.stream().reduce(zero, LedgerService.AgingRow::plus);
		return new AgingResponse(on, Amounts.CURRENCY, AgingRowResponse.of(total),
				rows.stream().map(AgingRowResponse::of).toList());
	}

	private LocalDate day(LocalDate given) {
		return (given == null) ? this.service.today() : given;
	}

	private static ResponseEntity<LedgerEntryResponse> created(Entry entry) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/children/{child}/ledger-entries")
			.buildAndExpand(entry.childId())
			.toUri();
		return ResponseEntity.created(location).body(LedgerEntryResponse.of(entry));
	}

	private static void check(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new LedgerProblems.InvalidMoneyRequest(errors);
		}
	}

	/** No control characters in a text field. */
	static void text(List<FieldError> errors, String pointer, String value) {
		if (value != null && value.codePoints().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError(pointer, "must not contain control characters"));
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
