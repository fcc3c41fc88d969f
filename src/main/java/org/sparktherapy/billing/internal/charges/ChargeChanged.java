package org.sparktherapy.billing.internal.charges;

import java.util.UUID;

/**
 * A ready charge changed on a re-check without becoming ready anew: it is held now, or
 * bills another payer (a coverage was recorded) or another amount (the fee schedule).
 * Published inside the billing module (the ledger brings a private-pay posting in line).
 * Ids only.
 */
public record ChargeChanged(UUID chargeId, UUID childId) {
}
