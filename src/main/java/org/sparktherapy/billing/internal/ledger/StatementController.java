package org.sparktherapy.billing.internal.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.InvalidInput;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A family's monthly statements, as data and as PDF. */
@RestController
@Tag(name = "Statements", description = "Monthly family statements")
class StatementController {

	private final StatementService service;

	StatementController(StatementService service) {
		this.service = service;
	}

	record StatementMonth(@Schema(example = "2026-11") String month, String closing, String currency) {
	}

	record StatementResponse(UUID childId, String childName, String month, LocalDate from, LocalDate to,
			String currency, String opening, String charges, String insurancePaid, String familyShare, String payments,
			String refunds, String adjustments, String closing, List<LedgerController.LedgerEntryResponse> lines) {

		static StatementResponse of(Statement s) {
			return new StatementResponse(s.childId(), s.childName(), s.month().toString(), s.from(), s.to(),
					s.currency(), Amounts.text(s.opening()), Amounts.text(s.charges()), Amounts.text(s.insurancePaid()),
					Amounts.text(s.familyShare()), Amounts.text(s.payments()), Amounts.text(s.refunds()),
					Amounts.text(s.adjustments()), Amounts.text(s.closing()),
					s.lines().stream().map(LedgerController.LedgerEntryResponse::of).toList());
		}

	}

	@GetMapping("/api/children/{id}/statements")
	@Operation(summary = "A family's statement months",
			description = "From the month of the first entry to this month, the latest first, with the balance at "
					+ "each month's end. Admins and guardians.")
	List<StatementMonth> months(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return this.service.months(user, id)
			.stream()
			.map(m -> new StatementMonth(m.month().toString(), Amounts.text(m.closing()), Amounts.CURRENCY))
			.toList();
	}

	@GetMapping("/api/children/{id}/statements/{month}")
	@Operation(summary = "A monthly statement", description = "month as 2026-11.")
	StatementResponse statement(@PathVariable UUID id, @PathVariable String month,
			@AuthenticationPrincipal CurrentUser user) {
		return StatementResponse.of(this.service.statement(user, id, month(month)));
	}

	@GetMapping(path = "/api/children/{id}/statements/{month}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "A monthly statement as PDF", description = "month as 2026-11.")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable String month,
			@AuthenticationPrincipal CurrentUser user) {
		YearMonth which = month(month);
		return InvoiceController.pdfResponse(this.service.statementPdf(user, id, which), "statement-" + which + ".pdf");
	}

	private static YearMonth month(String value) {
		try {
			YearMonth month = YearMonth.parse(value);
			if (month.getYear() < 2000 || month.getYear() > 2100) {
				throw new InvalidInput("month", "must be a month from 2000-01, e.g. 2026-11");
			}
			return month;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("month", "must be a month such as 2026-11");
		}
	}

}
