package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The seam for card payments online (a family paying its balance from the parent's
 * Billing page). A real implementation talks to a payment processor (Stripe, Square,
 * Authorize.Net…) that these machines cannot reach, so none exists and none is faked:
 * without a bean of this type {@code POST /api/children/{id}/online-payments} answers 501
 * (online-payments-unavailable).
 * <p>
 * An implementation would start a hosted checkout for {@code amount} and, when the
 * processor confirms the charge (a webhook), record a payment of method
 * {@code card_terminal}-like kind through the same path as an admin's recorded payment,
 * with the processor's charge id as its idempotency key, so a repeated webhook records
 * one payment. See ADR 0028.
 */
public interface PaymentProcessor {

	/** Where to send the payer to pay; the processor's checkout address. */
	record Checkout(String redirectUrl, String processorReference) {
	}

	Checkout startCheckout(UUID childId, BigDecimal amount, String currency, UUID requestedBy);

}
