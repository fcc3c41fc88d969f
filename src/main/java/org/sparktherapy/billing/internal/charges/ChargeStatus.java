package org.sparktherapy.billing.internal.charges;

/**
 * Where a charge stands: {@code ready} to be claimed (or invoiced, for private pay),
 * {@code held} by at least one {@link HoldReason}, {@code claimed} (on a claim or an
 * invoice), {@code void} (will never be billed; with a reason).
 */
public enum ChargeStatus {

	READY("ready"), HELD("held"), CLAIMED("claimed"), VOID("void");

	private final String value;

	ChargeStatus(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static ChargeStatus of(String value) {
		for (ChargeStatus status : values()) {
			if (status.value.equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("not a charge status: " + value);
	}

}
