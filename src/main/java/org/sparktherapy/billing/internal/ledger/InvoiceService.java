package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices for private pay and credit notes: create a draft from lines, issue it
 * (numbered, posted to the family's ledger as charges), void it (its charges reversed),
 * credit part of it. Who may: {@code BillingAccessPolicy} through {@link MoneyAccess}.
 */
@Service
class InvoiceService {

	/** Days from issue to due date unless the draft says otherwise. */
	static final int DUE_DAYS = 30;

	private final InvoiceRepository invoices;

	private final LedgerRepository entries;

	private final LedgerService ledger;

	private final MoneyAccess access;

	private final AuditTrail audit;

	private final ChangeHistory history;

	private final Clock clock;

	InvoiceService(InvoiceRepository invoices, LedgerRepository entries, LedgerService ledger, MoneyAccess access,
			AuditTrail audit, ChangeHistory history, Clock clock) {
		this.invoices = invoices;
		this.entries = entries;
		this.ledger = ledger;
		this.access = access;
		this.audit = audit;
		this.history = history;
		this.clock = clock;
	}

	@Transactional
	PageResponse<Invoice> ofChild(CurrentUser user, UUID childId, PageQuery page) {
		Relation relation = this.access.readable(user, childId, "invoice", null, "list");
		PageResponse<Invoice> found = this.invoices.ofChild(childId, this.access.maySeeDrafts(relation), page);
		this.audit
			.successAll(found.content().stream().map(i -> new PhiAccess("list", "invoice", i.id(), childId)).toList());
		this.audit.success(new PhiAccess("list", "invoice", null, childId));
		return found;
	}

	@Transactional
	Invoice get(CurrentUser user, UUID id) {
		Invoice invoice = find(id);
		Relation relation = this.access.readable(user, invoice.childId(), "invoice", id, "read");
		if (invoice.status() == Invoice.Status.DRAFT && !this.access.maySeeDrafts(relation)) {
			this.audit.refused(new PhiAccess("read", "invoice", id, invoice.childId()), true);
			throw new LedgerProblems.MoneyRecordNotFound("invoice");
		}
		this.audit.success(new PhiAccess("read", "invoice", id, invoice.childId()));
		return invoice;
	}

	/** A draft invoice of the lines; a line may name the private-pay charge it bills. */
	@Transactional
	Invoice create(CurrentUser user, UUID childId, LocalDate dueOn, List<Invoice.NewLine> lines) {
		this.access.changeable(user, childId, "invoice", null, "create");
		List<FieldError> errors = new ArrayList<>();
		LocalDate today = this.ledger.today();
		for (int i = 0; i < lines.size(); i++) {
			Invoice.NewLine line = lines.get(i);
			if (line.amount().compareTo(Amounts.MAX) > 0) {
				errors.add(new FieldError("/lines/" + i + "/unitPrice", "makes the line amount too large"));
			}
			if (line.serviceDate().isBefore(LedgerService.EARLIEST) || line.serviceDate().isAfter(today)) {
				errors.add(new FieldError("/lines/" + i + "/serviceDate",
						"must be between " + LedgerService.EARLIEST + " and today"));
			}
		}
		if (dueOn != null && dueOn.isBefore(today)) {
			errors.add(new FieldError("/dueOn", "must be today or later"));
		}
		if (!errors.isEmpty()) {
			throw new LedgerProblems.InvalidMoneyRequest(errors);
		}
		UUID id = UUID.randomUUID();
		this.invoices.insert(id, childId, Invoice.Kind.INVOICE, null, dueOn, user.id(), this.clock.instant());
		for (int i = 0; i < lines.size(); i++) {
			this.invoices.insertLine(id, i + 1, lines.get(i), null, null);
		}
		this.history.record(childId, "invoice", id, "created", LedgerService.hidden("lines"));
		this.audit.success(new PhiAccess("create", "invoice", id, childId));
		return find(id);
	}

	/**
	 * Numbers the draft and posts each line to the ledger as a charge dated the issue day
	 * (a line naming a private-pay charge already posted bills that entry instead).
	 */
	@Transactional
	Invoice issue(CurrentUser user, UUID id, Integer version) {
		Invoice invoice = find(id);
		this.access.changeable(user, invoice.childId(), "invoice", id, "issue");
		if (invoice.status() != Invoice.Status.DRAFT) {
			throw new LedgerProblems.InvoiceState(
					"Only a draft is issued; this invoice is " + invoice.status().value() + ".");
		}
		this.ledger.lock(invoice.childId());
		LocalDate today = this.ledger.today();
		String number = this.invoices.nextNumber(Invoice.Kind.INVOICE);
		LocalDate due = (invoice.dueOn() != null) ? null : today.plusDays(DUE_DAYS);
		if (!this.invoices.issue(id, (version != null) ? version : invoice.version(), number, today, due,
				this.clock.instant())) {
			throw new StaleVersion();
		}
		for (Invoice.Line line : invoice.lines()) {
			UUID entryId = (line.chargeId() == null) ? null
					: this.entries.charge(line.chargeId()).map(Entry::id).orElse(null);
			if (entryId != null && this.invoices.billedElsewhere(entryId, id)) {
				throw new LedgerProblems.InvoiceState(
						"Line " + line.position() + " bills a charge another invoice already bills.");
			}
			if (entryId == null) {
				entryId = this.entries.insert(Entry.Posting
					.of(invoice.childId(), Entry.Kind.CHARGE, line.amount(), today,
							number + ": " + line.description() + " (" + line.serviceDate() + ")")
					.charge(line.chargeId())
					.invoice(id), user.id(), this.clock.instant());
			}
			this.invoices.linkLine(line.id(), entryId);
		}
		this.ledger.allocate(invoice.childId());
		this.history.record(invoice.childId(), "invoice", id, "issued", LedgerService.hidden("number"));
		this.audit.success(new PhiAccess("issue", "invoice", id, invoice.childId()));
		return find(id);
	}

	/**
	 * Voids a draft or an issued invoice: the charges it posted are reversed (payments on
	 * them are allocated afresh). An invoice with a credit note is credited instead.
	 */
	@Transactional
	Invoice voidInvoice(CurrentUser user, UUID id, Integer version, String reason) {
		Invoice invoice = find(id);
		this.access.changeable(user, invoice.childId(), "invoice", id, "void");
		if (invoice.kind() != Invoice.Kind.INVOICE || invoice.status() == Invoice.Status.VOID) {
			throw new LedgerProblems.InvoiceState("Only a draft or issued invoice is voided.");
		}
		this.ledger.lock(invoice.childId());
		if (this.invoices.hasCreditNotes(id)) {
			throw new LedgerProblems.InvoiceState(
					"This invoice has a credit note; credit the rest with another credit note instead.");
		}
		List<Entry> posted = this.entries.ofInvoice(id).stream().filter(e -> !e.isReversed()).toList();
		posted.forEach(this.ledger::refuseWhenCredited);
		LocalDate today = this.ledger.today();
		if (!this.invoices.voidIt(id, (version != null) ? version : invoice.version(), today, reason,
				this.clock.instant())) {
			throw new StaleVersion();
		}
		for (Entry entry : posted) {
			this.ledger.takeBack(this.entries.allocationsToEntry(entry.id()), null);
			this.entries.insert(Entry.Posting
				.of(invoice.childId(), Entry.Kind.REVERSAL, entry.amount().negate(), today,
						"Void " + invoice.number() + ": " + reason)
				.reverses(entry.id()), user.id(), this.clock.instant());
		}
		this.ledger.allocate(invoice.childId());
		this.history.record(invoice.childId(), "invoice", id, "voided", LedgerService.hidden("status"));
		this.audit.success(new PhiAccess("void", "invoice", id, invoice.childId()));
		return find(id);
	}

	/**
	 * Credits {@code amount} of an issued invoice: a credit note whose lines are credit
	 * adjustments applied to the invoice's open items, oldest first.
	 */
	@Transactional
	Invoice creditNote(CurrentUser user, UUID invoiceId, BigDecimal amount, String reason) {
		Invoice invoice = find(invoiceId);
		this.access.changeable(user, invoice.childId(), "invoice", invoiceId, "credit");
		if (invoice.kind() != Invoice.Kind.INVOICE || invoice.status() != Invoice.Status.ISSUED) {
			throw new LedgerProblems.InvoiceState("Only an issued invoice is credited.");
		}
		this.ledger.lock(invoice.childId());
		Invoice current = find(invoiceId);
		if (amount.compareTo(current.open()) > 0) {
			throw LedgerProblems.AmountOverLimit.creditNote(current.open());
		}
		LocalDate today = this.ledger.today();
		UUID id = UUID.randomUUID();
		this.invoices.insert(id, invoice.childId(), Invoice.Kind.CREDIT_NOTE, invoiceId, null, user.id(),
				this.clock.instant());
		String number = this.invoices.nextNumber(Invoice.Kind.CREDIT_NOTE);
		this.invoices.issue(id, 0, number, today, null, this.clock.instant());
		BigDecimal left = amount;
		int position = 1;
		for (Invoice.Line line : current.lines()) {
			Entry item = (line.entryId() == null) ? null : this.entries.find(line.entryId()).orElse(null);
			if (left.signum() <= 0 || item == null || !item.isItem() || item.open().signum() <= 0) {
				continue;
			}
			BigDecimal part = left.min(item.open());
			UUID entryId = this.entries.insert(Entry.Posting
				.of(invoice.childId(), Entry.Kind.ADJUSTMENT, part.negate(), today,
						number + " credits " + invoice.number() + ": " + reason)
				.appliesTo(item.id())
				.invoice(id), user.id(), this.clock.instant());
			this.invoices.insertLine(id, position++,
					new Invoice.NewLine(reason, line.serviceDate(), 1, part.negate(), line.chargeId()), entryId,
					item.id());
			left = left.subtract(part);
		}
		this.ledger.allocate(invoice.childId());
		this.history.record(invoice.childId(), "invoice", id, "credit_note_issued", LedgerService.hidden("amount"));
		this.audit.success(new PhiAccess("create", "invoice", id, invoice.childId()));
		return find(id);
	}

	private Invoice find(UUID id) {
		return this.invoices.find(id).orElseThrow(() -> new LedgerProblems.MoneyRecordNotFound("invoice"));
	}

}
