package org.sparktherapy.billing.internal.charges;

/**
 * A postal address as the X12 837 carries it (N3/N4): two lines, city, two-letter state,
 * five- or nine-digit ZIP code. Any part may be {@code null} while it is not filled in.
 */
public record Address(String line1, String line2, String city, String state, String postalCode) {

	public static final Address NONE = new Address(null, null, null, null, null);

	/** Whether line 1, city, state and ZIP code are all there (what a claim needs). */
	public boolean complete() {
		return this.line1 != null && this.city != null && this.state != null && this.postalCode != null;
	}

}
