package org.sparktherapy.billing.internal.charges;

import java.util.UUID;

/**
 * A charge was voided: it will never be billed. Published inside the billing module (the
 * ledger reverses a private-pay charge it had posted). Ids only.
 */
public record ChargeVoided(UUID chargeId, UUID childId, UUID payerId) {
}
