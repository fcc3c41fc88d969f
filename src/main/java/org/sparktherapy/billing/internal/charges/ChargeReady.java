package org.sparktherapy.billing.internal.charges;

import java.util.UUID;

/**
 * A charge became ready to bill (new, or after its hold was lifted). Published inside the
 * billing module (the ledger posts private-pay charges from it). Ids only.
 */
public record ChargeReady(UUID chargeId, UUID childId, UUID payerId, boolean privatePay) {
}
