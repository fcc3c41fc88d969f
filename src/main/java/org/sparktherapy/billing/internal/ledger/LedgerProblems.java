package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.Problem;

/**
 * The ledger's broken rules, answered as problem details. No amounts of PHI in details.
 */
final class LedgerProblems {

	private LedgerProblems() {
	}

	static final class MoneyRecordNotFound extends NotFound {

		MoneyRecordNotFound(String what) {
			super(what);
		}

	}

	static final class NotAllowedWithMoney extends Forbidden {

		NotAllowedWithMoney(String detail) {
			super(detail);
		}

	}

	static final class InvalidMoneyRequest extends Problem {

		InvalidMoneyRequest(List<FieldError> errors) {
			super(Kind.INVALID, "validation", "Invalid request", "The request has invalid fields.", errors);
		}

	}

	/**
	 * The account used this Idempotency-Key for a payment with other terms: a retry must
	 * repeat the request exactly; a new payment needs a new key.
	 */
	static final class IdempotencyKeyReused extends Problem {

		IdempotencyKeyReused() {
			super(Kind.CONFLICT, "idempotency-key-reused", "Idempotency key reused",
					"This Idempotency-Key was used for a different payment; nothing was recorded. A new payment "
							+ "needs a new key.");
		}

	}

	/** A money amount is over what the rule allows; {@code limit} says how much is. */
	static final class AmountOverLimit extends Problem {

		private final BigDecimal limit;

		AmountOverLimit(String slug, String title, String detail, BigDecimal limit) {
			super(Kind.CONFLICT, slug, title, detail, List.of(new FieldError("/amount", "must be at most " + limit)));
			this.limit = limit;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("limit", Amounts.text(this.limit));
		}

		static AmountOverLimit refund(BigDecimal refundable) {
			return new AmountOverLimit("refund-exceeds-payment", "Refund exceeds payment",
					"A refund can return at most what is left of the payment after earlier refunds. Nothing was "
							+ "recorded.",
					refundable);
		}

		static AmountOverLimit refundNeedsDeallocation(BigDecimal unallocated) {
			return new AmountOverLimit("refund-needs-deallocation", "Refund takes back allocated money",
					"Part of this payment already pays the family's items. Refund at most the unallocated part, or "
							+ "send deallocate true to take the rest back from the newest items (they become open "
							+ "again). Nothing was recorded.",
					unallocated);
		}

		static AmountOverLimit writeOff(BigDecimal open) {
			return new AmountOverLimit("write-off-exceeds-open", "Write-off exceeds what is open",
					"A write-off can forgive at most what is still open on the item. Nothing was recorded.", open);
		}

		static AmountOverLimit credit(BigDecimal open) {
			return new AmountOverLimit("credit-exceeds-open", "Credit exceeds what is open",
					"A credit applied to an item can take off at most what is still open on that item. Nothing was "
							+ "recorded.",
					open);
		}

		static AmountOverLimit creditNote(BigDecimal open) {
			return new AmountOverLimit("credit-exceeds-invoice", "Credit exceeds what is open",
					"A credit note can credit at most what is still open on the invoice. Nothing was recorded.", open);
		}

	}

	static final class EntryNotReversible extends Problem {

		EntryNotReversible(String detail) {
			super(Kind.CONFLICT, "entry-not-reversible", "Entry cannot be reversed", detail);
		}

	}

	static final class EntryNotAnItem extends Problem {

		EntryNotAnItem() {
			this("Only a charge, a family share or a debit adjustment that is still open can be written off.",
					"/entryId");
		}

		private EntryNotAnItem(String detail, String pointer) {
			super(Kind.CONFLICT, "entry-not-an-item", "Not an open item", detail,
					List.of(new FieldError(pointer, "must be an open item of this child")));
		}

		/** A credit adjustment's {@code appliesTo} names no open item of the child. */
		static EntryNotAnItem forCredit() {
			return new EntryNotAnItem("A credit applies only to a charge, a family share or a debit adjustment of "
					+ "this child that is still open; choose another item, or apply the credit to no item (the oldest "
					+ "open items take it). Nothing was recorded.", "/appliesTo");
		}

	}

	static final class InvoiceState extends Problem {

		InvoiceState(String detail) {
			super(Kind.CONFLICT, "invoice-state", "Invoice state", detail);
		}

	}

	/**
	 * Online card payments need a payment processor, which this installation does not
	 * have (see {@link PaymentProcessor}).
	 */
	static final class OnlinePaymentsUnavailable extends Problem {

		OnlinePaymentsUnavailable() {
			super(Kind.NOT_IMPLEMENTED, "online-payments-unavailable", "Online payments unavailable",
					"This clinic takes no card payments online yet: no payment processor is connected. Pay at the "
							+ "clinic (cash, check, card terminal) or by bank transfer.");
		}

	}

}
