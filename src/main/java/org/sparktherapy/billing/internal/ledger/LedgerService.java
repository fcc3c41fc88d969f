package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.audit.ChangeHistory.FieldChange;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family ledger (ADR 0028): reading a family's account, and every money action —
 * payments (idempotent by key), refunds, write-offs, adjustments, reversals, and the
 * postings of the rest of billing ({@link Ledger}). Every action appends entries, then
 * allocates the family's unallocated payments to its oldest open items
 * ({@link FifoAllocation}); nothing is updated or deleted. Who may is decided by
 * {@code BillingAccessPolicy} (through {@link MoneyAccess}); every read and change goes
 * to the access log, every change to the child's history (without amounts: the care team
 * reads that history).
 */
@Service
class LedgerService implements Ledger {

	/** The earliest day an entry or payment may have. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final LedgerRepository entries;

	private final PaymentRepository payments;

	private final MoneyAccess access;

	private final AuditTrail audit;

	private final ChangeHistory history;

	private final ObjectProvider<PaymentProcessor> processor;

	private final Clock clock;

	private final ZoneId zone;

	LedgerService(LedgerRepository entries, PaymentRepository payments, MoneyAccess access, AuditTrail audit,
			ChangeHistory history, ObjectProvider<PaymentProcessor> processor, Clock clock,
			SparkProperties properties) {
		this.entries = entries;
		this.payments = payments;
		this.access = access;
		this.audit = audit;
		this.history = history;
		this.processor = processor;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/** The clinic's today. */
	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	// reading

	@Transactional
	LedgerRepository.Account account(CurrentUser user, UUID childId) {
		this.access.readable(user, childId, "family_account", null, "read");
		LedgerRepository.Account account = this.entries.account(childId, this.entries.childName(childId).orElseThrow());
		this.audit.success(new PhiAccess("read", "family_account", null, childId));
		return account;
	}

	/** Admins: every family with entries; a parent: their own children. */
	@Transactional
	PageResponse<LedgerRepository.Account> accounts(CurrentUser user, PageQuery page) {
		this.access.familyList(user);
		PageResponse<LedgerRepository.Account> found = this.entries.accounts(user.isAdmin() ? null : user.id(), page);
		this.audit.successAll(
				found.content().stream().map(a -> new PhiAccess("list", "family_account", null, a.childId())).toList());
		return found;
	}

	@Transactional
	PageResponse<Entry> entries(CurrentUser user, UUID childId, PageQuery page) {
		this.access.readable(user, childId, "ledger_entry", null, "list");
		PageResponse<Entry> found = this.entries.ofChild(childId, page);
		this.audit.success(new PhiAccess("list", "ledger_entry", null, childId));
		return found;
	}

	@Transactional
	PageResponse<Payment> payments(CurrentUser user, UUID childId, PageQuery page) {
		this.access.readable(user, childId, "payment", null, "list");
		PageResponse<Payment> found = this.payments.ofChild(childId, page);
		this.audit
			.successAll(found.content().stream().map(p -> new PhiAccess("list", "payment", p.id(), childId)).toList());
		this.audit.success(new PhiAccess("list", "payment", null, childId));
		return found;
	}

	/**
	 * Every family's payments (admins), filtered by the day received and the method; each
	 * listed payment is in the access log.
	 */
	@Transactional
	PageResponse<PaymentRepository.Listed> clinicPayments(CurrentUser user, LocalDate from, LocalDate to,
			Payment.Method method, PageQuery page) {
		this.access.clinicWide(user, "payment");
		PageResponse<PaymentRepository.Listed> found = this.payments.clinicWide(from, to, method, page);
		this.audit.successAll(found.content()
			.stream()
			.map(l -> new PhiAccess("list", "payment", l.payment().id(), l.payment().childId()))
			.toList());
		return found;
	}

	@Transactional
	Payment payment(CurrentUser user, UUID id) {
		Payment payment = this.payments.find(id).orElseThrow(() -> new LedgerProblems.MoneyRecordNotFound("payment"));
		this.access.readable(user, payment.childId(), "payment", id, "read");
		this.audit.success(new PhiAccess("read", "payment", id, payment.childId()));
		return payment;
	}

	// payments

	/** A payment as it was stored; {@code created} false for a retried request. */
	record Recorded(Payment payment, boolean created) {
	}

	/**
	 * Records a payment, once per idempotency key of the recording account: a retry with
	 * the same key and the same request answers the payment stored the first time; the
	 * same key with another request is refused (409).
	 */
	@Transactional
	Recorded recordPayment(CurrentUser user, String key, Payment.Request request) {
		this.access.changeable(user, request.childId(), "payment", null, "create");
		checkDay(request.receivedOn(), "/receivedOn");
		this.entries.lock(request.childId());
		var earlier = this.payments.byKey(user.id(), key);
		if (earlier.isPresent()) {
			return retried(user, earlier.get(), request);
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		if (!this.payments.insert(id, request, user.id(), now, key)) {
			// the same key for another child's payment at this very moment: the other won
			return retried(user, this.payments.byKey(user.id(), key).orElseThrow(), request);
		}
		this.entries.insert(Entry.Posting
			.of(request.childId(), Entry.Kind.PAYMENT, request.amount().negate(), request.receivedOn(),
					"Payment, " + request.method().value().replace('_', ' ')
							+ ((request.reference() == null) ? "" : " " + request.reference()))
			.payment(id), user.id(), now);
		allocate(request.childId());
		this.history.record(request.childId(), "payment", id, "recorded", hidden("amount", "method"));
		this.audit.success(new PhiAccess("create", "payment", id, request.childId()));
		return new Recorded(this.payments.find(id).orElseThrow(), true);
	}

	private Recorded retried(CurrentUser user, PaymentRepository.Keyed earlier, Payment.Request request) {
		if (!earlier.requestHash().equals(request.fingerprint())) {
			this.audit.refused(new PhiAccess("create", "payment", earlier.paymentId(), request.childId()), false);
			throw new LedgerProblems.IdempotencyKeyReused();
		}
		Payment payment = this.payments.find(earlier.paymentId()).orElseThrow();
		this.audit.success(new PhiAccess("read", "payment", payment.id(), payment.childId()));
		return new Recorded(payment, false);
	}

	/**
	 * Refunds part or all of a payment: at most what earlier refunds left of it. Money
	 * already paying items is taken back from the newest items first only when
	 * {@code deallocate} says so.
	 */
	@Transactional
	Entry refund(CurrentUser user, UUID paymentId, BigDecimal amount, LocalDate on, String reason, boolean deallocate) {
		Payment found = this.payments.find(paymentId)
			.orElseThrow(() -> new LedgerProblems.MoneyRecordNotFound("payment"));
		this.access.changeable(user, found.childId(), "payment", paymentId, "refund");
		checkDay(on, "/refundedOn");
		this.entries.lock(found.childId());
		Payment payment = this.payments.find(paymentId).orElseThrow();
		if (amount.compareTo(payment.refundable()) > 0) {
			throw LedgerProblems.AmountOverLimit.refund(payment.refundable());
		}
		BigDecimal fromItems = amount.subtract(payment.unallocated().max(Amounts.ZERO));
		if (fromItems.signum() > 0) {
			if (!deallocate) {
				throw LedgerProblems.AmountOverLimit.refundNeedsDeallocation(payment.unallocated().max(Amounts.ZERO));
			}
			takeBack(this.entries.allocationsOfPayment(paymentId), fromItems);
		}
		Instant now = this.clock.instant();
		UUID id = this.entries
			.insert(Entry.Posting.of(payment.childId(), Entry.Kind.REFUND, amount, on, "Refund: " + reason)
				.payment(paymentId), user.id(), now);
		allocate(payment.childId());
		this.history.record(payment.childId(), "payment", paymentId, "refunded", hidden("amount"));
		this.audit.success(new PhiAccess("refund", "payment", paymentId, payment.childId()));
		return this.entries.find(id).orElseThrow();
	}

	/** Forgives part or all of what is open on one of the child's items. */
	@Transactional
	Entry writeOff(CurrentUser user, UUID childId, UUID itemId, BigDecimal amount, LocalDate on, String reason) {
		this.access.changeable(user, childId, "ledger_entry", null, "write_off");
		checkDay(on, "/writtenOffOn");
		this.entries.lock(childId);
		Entry item = this.entries.find(itemId)
			.filter(e -> e.childId().equals(childId) && e.isItem() && e.open().signum() > 0)
			.orElseThrow(LedgerProblems.EntryNotAnItem::new);
		if (amount.compareTo(item.open()) > 0) {
			throw LedgerProblems.AmountOverLimit.writeOff(item.open());
		}
		UUID id = post(user,
				Entry.Posting.of(childId, Entry.Kind.WRITE_OFF, amount.negate(), on, "Write-off: " + reason)
					.appliesTo(itemId),
				"written_off");
		return this.entries.find(id).orElseThrow();
	}

	/**
	 * A manual adjustment: positive, the family owes more (an item payments pay);
	 * negative, a credit (reducing {@code appliesTo}'s open amount when given).
	 */
	@Transactional
	Entry adjust(CurrentUser user, UUID childId, BigDecimal amount, LocalDate on, String description, UUID appliesTo) {
		this.access.changeable(user, childId, "ledger_entry", null, "adjust");
		checkDay(on, "/occurredOn");
		this.entries.lock(childId);
		if (appliesTo != null) {
			Entry item = this.entries.find(appliesTo)
				.filter(e -> e.childId().equals(childId) && e.isItem() && e.open().signum() > 0)
				.orElseThrow(LedgerProblems.EntryNotAnItem::forCredit);
			if (amount.signum() > 0) {
				throw new LedgerProblems.InvalidMoneyRequest(
						List.of(new FieldError("/appliesTo", "only a credit (a negative amount) applies to an item")));
			}
			if (amount.negate().compareTo(item.open()) > 0) {
				throw LedgerProblems.AmountOverLimit.credit(item.open());
			}
		}
		UUID id = post(user,
				Entry.Posting.of(childId, Entry.Kind.ADJUSTMENT, amount, on, description).appliesTo(appliesTo),
				"adjusted");
		return this.entries.find(id).orElseThrow();
	}

	/**
	 * Cancels an entry with an entry of the opposite amount (once). Payments allocated to
	 * a reversed item, or from a reversed payment, are taken back and allocated afresh.
	 */
	@Transactional
	Entry reverse(CurrentUser user, UUID entryId, String reason) {
		Entry found = this.entries.find(entryId)
			.orElseThrow(() -> new LedgerProblems.MoneyRecordNotFound("ledger entry"));
		this.access.changeable(user, found.childId(), "ledger_entry", entryId, "reverse");
		this.entries.lock(found.childId());
		Entry entry = this.entries.find(entryId).orElseThrow();
		if (entry.kind() == Entry.Kind.REVERSAL) {
			throw new LedgerProblems.EntryNotReversible("A reversal is not reversed; post a new entry instead.");
		}
		if (entry.isReversed()) {
			throw new LedgerProblems.EntryNotReversible("This entry was already reversed.");
		}
		if (entry.invoiceId() != null) {
			throw new LedgerProblems.EntryNotReversible(
					"An invoice's entries are reversed by voiding the invoice or issuing a credit note.");
		}
		if (entry.isItem()) {
			refuseWhenCredited(entry);
			takeBack(this.entries.allocationsToEntry(entryId), null);
		}
		if (entry.kind() == Entry.Kind.PAYMENT) {
			takeBack(this.entries.allocationsOfPayment(entry.paymentId()), null);
		}
		UUID id = post(user,
				Entry.Posting
					.of(entry.childId(), Entry.Kind.REVERSAL, entry.amount().negate(), today(), "Reversal: " + reason)
					.reverses(entryId)
					.payment(entry.paymentId()),
				"reversed");
		return this.entries.find(id).orElseThrow();
	}

	/**
	 * A parent (or admin) asking to pay online: needs a {@link PaymentProcessor}, which
	 * this installation does not have.
	 */
	@Transactional
	PaymentProcessor.Checkout payOnline(CurrentUser user, UUID childId, BigDecimal amount) {
		Relation relation = this.access.readable(user, childId, "payment", null, "pay_online");
		if (!this.access.mayPayOnline(relation)) {
			throw new LedgerProblems.NotAllowedWithMoney("Only the family pays online.");
		}
		PaymentProcessor connected = this.processor.getIfAvailable();
		if (connected == null) {
			throw new LedgerProblems.OnlinePaymentsUnavailable();
		}
		return connected.startCheckout(childId, amount, Amounts.CURRENCY, user.id());
	}

	// postings of the rest of billing (Ledger)

	@Override
	@Transactional
	public Posted postFamilyShare(FamilyShare share) {
		checkPosting(share.childId(), share.amount(), share.currency());
		if (share.remittanceReference() == null || share.remittanceReference().isBlank()) {
			throw new IllegalArgumentException("a family share needs its remittance line's reference");
		}
		this.entries.lock(share.childId());
		var earlier = this.entries.familyShare(share.remittanceReference());
		if (earlier.isPresent()) {
			return new Posted(earlier.get().id(), false);
		}
		UUID id = this.entries.insert(Entry.Posting
			.of(share.childId(), Entry.Kind.PATIENT_RESPONSIBILITY, share.amount(), share.remittedOn(),
					share.description())
			.charge(share.chargeId())
			.remittance(share.remittanceReference(), share.insurancePaid()), null, this.clock.instant());
		allocate(share.childId());
		this.history.recordAutomatic(share.childId(), "ledger_entry", id, "family_share_posted", hidden("amount"));
		this.audit.success(new PhiAccess("create", "ledger_entry", id, share.childId()));
		return new Posted(id, true);
	}

	@Override
	@Transactional
	public Posted postPrivatePayCharge(PrivatePayCharge charge) {
		checkPosting(charge.childId(), charge.amount(), charge.currency());
		this.entries.lock(charge.childId());
		var earlier = this.entries.charge(charge.chargeId());
		if (earlier.isPresent() && !earlier.get().isReversed()) {
			return new Posted(earlier.get().id(), false);
		}
		UUID id = this.entries.insert(Entry.Posting
			.of(charge.childId(), Entry.Kind.CHARGE, charge.amount(), charge.serviceDate(), charge.description())
			.charge(charge.chargeId()), null, this.clock.instant());
		allocate(charge.childId());
		this.history.recordAutomatic(charge.childId(), "ledger_entry", id, "charge_posted", hidden("amount"));
		this.audit.success(new PhiAccess("create", "ledger_entry", id, charge.childId()));
		return new Posted(id, true);
	}

	/**
	 * Reverses, for the system, the entry a private-pay charge posted (the charge was
	 * voided, or now bills an insurer): first the credits that apply to it, then the
	 * entry; payments allocated to it are taken back and allocated afresh. Nothing when
	 * the charge was never posted, was reversed already, or was posted by an invoice
	 * (voiding the invoice or a credit note corrects that one).
	 */
	@Transactional
	java.util.Optional<UUID> reverseChargePosting(UUID chargeId, String reason) {
		var found = this.entries.charge(chargeId);
		if (found.isEmpty()) {
			return java.util.Optional.empty();
		}
		UUID childId = found.get().childId();
		this.entries.lock(childId);
		Entry entry = this.entries.find(found.get().id()).orElseThrow();
		if (entry.isReversed() || entry.invoiceId() != null) {
			return java.util.Optional.empty();
		}
		LocalDate today = today();
		for (Entry credit : this.entries.creditsTo(entry.id())) {
			postForSystem(Entry.Posting
				.of(childId, Entry.Kind.REVERSAL, credit.amount().negate(), today, "Reversal: " + reason)
				.reverses(credit.id()));
		}
		takeBack(this.entries.allocationsToEntry(entry.id()), null);
		return java.util.Optional.of(postForSystem(
				Entry.Posting.of(childId, Entry.Kind.REVERSAL, entry.amount().negate(), today, "Reversal: " + reason)
					.reverses(entry.id())
					.charge(chargeId)));
	}

	private UUID postForSystem(Entry.Posting posting) {
		UUID id = this.entries.insert(posting, null, this.clock.instant());
		allocate(posting.childId());
		this.history.recordAutomatic(posting.childId(), "ledger_entry", id, "reversed", hidden("amount"));
		this.audit.success(new PhiAccess("create", "ledger_entry", id, posting.childId()));
		return id;
	}

	@Override
	@Transactional
	public BigDecimal balanceOf(UUID childId) {
		return this.entries.balance(childId);
	}

	// aging

	/** Open amounts of one family by age, and its unapplied credit. */
	record AgingRow(UUID childId, String childName, BigDecimal current, BigDecimal days31To60, BigDecimal days61To90,
			BigDecimal over90, BigDecimal unappliedCredit, BigDecimal balance) {

		AgingRow plus(AgingRow other) {
			return new AgingRow(null, null, this.current.add(other.current), this.days31To60.add(other.days31To60),
					this.days61To90.add(other.days61To90), this.over90.add(other.over90),
					this.unappliedCredit.add(other.unappliedCredit), this.balance.add(other.balance));
		}

	}

	/**
	 * Accounts receivable of the families at the end of {@code asOf}: each item open then
	 * by its age in days on that day (0–30, 31–60, 61–90, over 90), and what the family
	 * had paid that no item took (a credit). Only entries dated on or before the day
	 * count: the allocation rule is replayed over them ({@code family_open_items_on},
	 * V44), so a past day shows the items as they stood that day. Today the open total is
	 * the ledger's; an item entered later with an earlier date than items already paid
	 * takes their place in the replay (ADR 0035). A family's row adds up to its balance
	 * on that day.
	 */
	@Transactional
	List<AgingRow> aging(CurrentUser user, LocalDate asOf) {
		this.access.clinicWide(user, "family_account");
		java.util.Map<UUID, List<LedgerRepository.OpenOn>> open = new java.util.HashMap<>();
		for (LedgerRepository.OpenOn item : this.entries.openItemsOn(asOf)) {
			open.computeIfAbsent(item.childId(), k -> new ArrayList<>()).add(item);
		}
		java.util.Map<UUID, BigDecimal> balances = this.entries.balancesOn(asOf);
		List<AgingRow> rows = new ArrayList<>();
		for (LedgerRepository.Account child : this.entries.childrenWithEntries()) {
			AgingRow row = agingOf(child.childId(), child.childName(), asOf,
					open.getOrDefault(child.childId(), List.of()),
					balances.getOrDefault(child.childId(), Amounts.ZERO));
			if (row.balance().signum() != 0 || row.unappliedCredit().signum() != 0) {
				rows.add(row);
				this.audit.success(new PhiAccess("list", "family_account", null, child.childId()));
			}
		}
		return rows;
	}

	private static AgingRow agingOf(UUID childId, String name, LocalDate asOf, List<LedgerRepository.OpenOn> items,
			BigDecimal balance) {
		BigDecimal[] buckets = { Amounts.ZERO, Amounts.ZERO, Amounts.ZERO, Amounts.ZERO };
		BigDecimal open = Amounts.ZERO;
		for (LedgerRepository.OpenOn item : items) {
			long days = ChronoUnit.DAYS.between(item.occurredOn(), asOf);
			int bucket = (days <= 30) ? 0 : (days <= 60) ? 1 : (days <= 90) ? 2 : 3;
			buckets[bucket] = buckets[bucket].add(item.open());
			open = open.add(item.open());
		}
		return new AgingRow(childId, name, buckets[0], buckets[1], buckets[2], buckets[3], balance.subtract(open),
				balance);
	}

	// shared by the ledger's services (same transaction)

	/**
	 * Appends an entry the signed-in admin made, allocates, and writes history and access
	 * log.
	 */
	UUID post(CurrentUser user, Entry.Posting posting, String action) {
		UUID id = this.entries.insert(posting, user.id(), this.clock.instant());
		allocate(posting.childId());
		this.history.record(posting.childId(), "ledger_entry", id, action, hidden("amount"));
		this.audit.success(new PhiAccess("create", "ledger_entry", id, posting.childId()));
		return id;
	}

	/**
	 * Allocates the child's unallocated payments to its open items, oldest first; takes
	 * back allocations from payments that have less than they allocated (a reversed
	 * payment).
	 */
	void allocate(UUID childId) {
		Instant now = this.clock.instant();
		List<FifoAllocation.Credit> credits = this.entries.credits(childId);
		for (FifoAllocation.Credit credit : credits) {
			if (credit.unallocated().signum() < 0) {
				takeBack(this.entries.allocationsOfPayment(credit.paymentId()), credit.unallocated().negate());
			}
		}
		for (FifoAllocation.Allocation allocation : FifoAllocation.allocate(credits,
				this.entries.openItems(childId)
					.stream()
					.map(e -> new FifoAllocation.OpenItem(e.id(), e.occurredOn(), e.recordedAt(), e.open()))
					.toList())) {
			this.entries.allocate(allocation.paymentId(), allocation.entryId(), allocation.amount(), now);
		}
	}

	/**
	 * Takes allocations back in the order given (the newest items first), up to
	 * {@code amount} (null: all of them).
	 */
	void takeBack(List<LedgerRepository.Allocated> allocations, BigDecimal amount) {
		BigDecimal left = amount;
		Instant now = this.clock.instant();
		for (LedgerRepository.Allocated allocated : allocations) {
			if (left != null && left.signum() <= 0) {
				return;
			}
			BigDecimal part = (left == null) ? allocated.amount() : allocated.amount().min(left);
			this.entries.allocate(allocated.paymentId(), allocated.entryId(), part.negate(), now);
			if (left != null) {
				left = left.subtract(part);
			}
		}
	}

	/**
	 * An item with write-offs or credits applied is not reversed: reversing it would
	 * leave the credit behind. Those are reversed first.
	 */
	void refuseWhenCredited(Entry item) {
		if (this.entries.creditedAmount(item.id()).signum() != 0) {
			throw new LedgerProblems.EntryNotReversible(
					"Write-offs or credits apply to this item; reverse them first (or credit the rest).");
		}
	}

	void lock(UUID childId) {
		this.entries.lock(childId);
	}

	private void checkPosting(UUID childId, BigDecimal amount, String currency) {
		if (childId == null || amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
				|| !Amounts.CURRENCY.equals(currency)) {
			throw new IllegalArgumentException(
					"a posting needs a child and an amount above zero with two decimals at most, in "
							+ Amounts.CURRENCY);
		}
	}

	private void checkDay(LocalDate day, String pointer) {
		LocalDate today = today();
		if (day.isBefore(EARLIEST) || day.isAfter(today)) {
			throw new LedgerProblems.InvalidMoneyRequest(
					List.of(new FieldError(pointer, "must be between " + EARLIEST + " and today")));
		}
	}

	/**
	 * What the child's history shows of a money action: which fields, not their values
	 * (the care team reads that history; therapists see nothing financial).
	 */
	static List<FieldChange> hidden(String... fields) {
		return java.util.Arrays.stream(fields).map(f -> new FieldChange(f, null, null)).toList();
	}

}
