package org.sparktherapy.billing.internal.charges;

/**
 * Whether a payer is an insurer, billed by claims, or the family itself (private pay),
 * billed by invoices. The database value is the lower-case name.
 */
public enum PayerKind {

	INSURANCE("insurance"), PRIVATE_PAY("private_pay");

	private final String value;

	PayerKind(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static PayerKind of(String value) {
		for (PayerKind kind : values()) {
			if (kind.value.equals(value)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("not a payer kind: " + value);
	}

}
