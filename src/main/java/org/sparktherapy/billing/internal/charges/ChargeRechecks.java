package org.sparktherapy.billing.internal.charges;

import java.util.UUID;

/**
 * Tells charges that something they are checked against changed elsewhere in billing (an
 * authorization of a child, a payer's data): the open charges concerned are checked again
 * in the caller's transaction.
 */
public interface ChargeRechecks {

	void recheckChild(UUID childId);

	void recheckPayer(UUID payerId);

}
