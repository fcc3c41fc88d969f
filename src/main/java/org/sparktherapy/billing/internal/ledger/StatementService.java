package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.billing.internal.charges.Address;
import org.sparktherapy.billing.internal.charges.BillingSettings;
import org.sparktherapy.billing.internal.charges.ChargeLookup;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly statements of a family (derived from the ledger each time they are read, so a
 * statement never disagrees with the entries) and the PDFs of statements and invoices,
 * each under the clinic's letterhead (from the billing settings).
 */
@Service
class StatementService {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

	private static final float[] STATEMENT_COLUMNS = { 0, 70, 360, 430 };

	private static final float[] INVOICE_COLUMNS = { 0, 70, 310, 360, 430 };

	private final LedgerRepository entries;

	private final LedgerService ledger;

	private final InvoiceService invoices;

	private final MoneyAccess access;

	private final AuditTrail audit;

	private final ChargeLookup charges;

	StatementService(LedgerRepository entries, LedgerService ledger, InvoiceService invoices, MoneyAccess access,
			AuditTrail audit, ChargeLookup charges) {
		this.charges = charges;
		this.entries = entries;
		this.ledger = ledger;
		this.invoices = invoices;
		this.access = access;
		this.audit = audit;
	}

	/** A month with its closing balance, for the list of statements. */
	record Month(YearMonth month, BigDecimal closing) {
	}

	/** The months from the family's first entry to this month, the latest first. */
	@Transactional
	List<Month> months(CurrentUser user, UUID childId) {
		this.access.readable(user, childId, "statement", null, "list");
		List<Month> months = new ArrayList<>();
		YearMonth now = YearMonth.from(this.ledger.today());
		this.entries.firstDay(childId).ifPresent(first -> {
			for (YearMonth m = now; !m.isBefore(YearMonth.from(first)); m = m.minusMonths(1)) {
				months.add(new Month(m, this.entries.balanceBefore(childId, m.plusMonths(1).atDay(1))));
			}
		});
		this.audit.success(new PhiAccess("list", "statement", null, childId));
		return months;
	}

	@Transactional
	Statement statement(CurrentUser user, UUID childId, YearMonth month) {
		this.access.readable(user, childId, "statement", null, "read");
		Statement statement = build(childId, month);
		this.audit.success(new PhiAccess("read", "statement", null, childId));
		return statement;
	}

	@Transactional
	byte[] statementPdf(CurrentUser user, UUID childId, YearMonth month) {
		return pdf(statement(user, childId, month), letterhead());
	}

	@Transactional
	byte[] invoicePdf(CurrentUser user, UUID invoiceId) {
		return pdf(this.invoices.get(user, invoiceId), letterhead());
	}

	/**
	 * The clinic as its billing settings name it, for the top of a statement or invoice:
	 * legal name, address, phone, billing NPI and tax id (what is recorded of them;
	 * nothing before the settings are saved).
	 */
	PdfText.Letterhead letterhead() {
		return this.charges.settings().map(StatementService::letterhead).orElse(PdfText.Letterhead.NONE);
	}

	static PdfText.Letterhead letterhead(BillingSettings s) {
		List<String> lines = new ArrayList<>();
		Address a = s.address();
		if (a != null && a.line1() != null) {
			lines.add(a.line1() + ((a.line2() == null) ? "" : ", " + a.line2()));
			lines.add(a.city() + ", " + a.state() + " " + zip(a.postalCode()));
		}
		List<String> contact = new ArrayList<>();
		if (s.phone() != null) {
			contact.add("Phone " + phone(s.phone()));
		}
		if (s.npi() != null) {
			contact.add("NPI " + s.npi());
		}
		if (s.taxId() != null) {
			contact.add("Tax ID " + s.taxId());
		}
		if (!contact.isEmpty()) {
			lines.add(String.join("   ", contact));
		}
		return new PdfText.Letterhead(s.legalName(), lines);
	}

	/** A ZIP+4 code as 62629-1234; a five-digit one as it is. */
	private static String zip(String digits) {
		return (digits != null && digits.length() == 9) ? digits.substring(0, 5) + "-" + digits.substring(5) : digits;
	}

	/** A ten-digit US phone number as (217) 555-0142; anything else as recorded. */
	private static String phone(String recorded) {
		String digits = recorded.replaceAll("[^0-9]", "");
		return (digits.length() == 10)
				? "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6) : recorded;
	}

	Statement build(UUID childId, YearMonth month) {
		String name = this.entries.childName(childId).orElseThrow();
		return Statement.of(childId, name, month, this.entries.balanceBefore(childId, month.atDay(1)),
				this.entries.between(childId, month.atDay(1), month.atEndOfMonth()));
	}

	static byte[] pdf(Statement s, PdfText.Letterhead clinic) {
		PdfText pdf = new PdfText().letterhead(clinic)
			.heading("Statement - " + MONTH.format(s.month()))
			.line("Family account of " + s.childName())
			.line("Period " + s.from() + " to " + s.to() + ", amounts in " + s.currency())
			.gap()
			.row(true, STATEMENT_COLUMNS, "Date", "Description", ">Amount", "")
			.row(false, STATEMENT_COLUMNS, s.from().toString(), "Opening balance", ">" + Amounts.text(s.opening()), "");
		for (Entry e : s.lines()) {
			String paid = (e.insurancePaid() == null) ? ""
					: " (insurance paid " + Amounts.text(e.insurancePaid()) + ")";
			pdf.row(false, STATEMENT_COLUMNS, e.occurredOn().toString(), label(e) + ": " + e.description() + paid,
					">" + Amounts.text(e.amount()), "");
		}
		pdf.row(true, STATEMENT_COLUMNS, s.to().toString(), "Closing balance", ">" + Amounts.text(s.closing()), "")
			.gap()
			.strong("Summary")
			.line("Charges: " + Amounts.text(s.charges()))
			.line("Insurance paid: " + Amounts.text(s.insurancePaid()))
			.line("Family share: " + Amounts.text(s.familyShare()))
			.line("Payments: " + Amounts.text(s.payments()))
			.line("Refunds: " + Amounts.text(s.refunds()))
			.line("Adjustments and write-offs: " + Amounts.text(s.adjustments()))
			.strong((s.closing().signum() >= 0) ? "Balance due: " + Amounts.text(s.closing()) + " " + s.currency()
					: "Credit: " + Amounts.text(s.closing().negate()) + " " + s.currency());
		return pdf.bytes();
	}

	static byte[] pdf(Invoice i, PdfText.Letterhead clinic) {
		boolean credit = i.kind() == Invoice.Kind.CREDIT_NOTE;
		String number = (i.number() == null) ? "draft" : i.number();
		PdfText pdf = new PdfText().letterhead(clinic)
			.heading((credit ? "Credit note " : "Invoice ") + number)
			.line("Family account of " + i.childName())
			.line("Status: " + i.status().value() + ((i.issuedOn() == null) ? "" : ", issued " + i.issuedOn())
					+ ((i.dueOn() == null || credit) ? "" : ", due " + i.dueOn()))
			.gap()
			.row(true, INVOICE_COLUMNS, "Service date", "Description", ">Qty", ">Unit price", ">Amount");
		for (Invoice.Line line : i.lines()) {
			pdf.row(false, INVOICE_COLUMNS, line.serviceDate().toString(), line.description(), ">" + line.quantity(),
					">" + Amounts.text(line.unitPrice()), ">" + Amounts.text(line.amount()));
		}
		pdf.gap().strong("Total: " + Amounts.text(i.total()) + " " + i.currency());
		if (!credit && i.status() == Invoice.Status.ISSUED) {
			pdf.strong("Open: " + Amounts.text(i.open()) + " " + i.currency());
		}
		if (i.status() == Invoice.Status.VOID) {
			pdf.strong("VOID" + ((i.voidReason() == null) ? "" : ": " + i.voidReason()));
		}
		return pdf.bytes();
	}

	private static String label(Entry e) {
		return switch (e.kind()) {
			case CHARGE -> "Charge";
			case PATIENT_RESPONSIBILITY -> "Family share";
			case PAYMENT -> "Payment";
			case REFUND -> "Refund";
			case WRITE_OFF -> "Write-off";
			case ADJUSTMENT -> "Adjustment";
			case REVERSAL -> "Reversal";
		};
	}

}
