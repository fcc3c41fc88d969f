package org.sparktherapy.billing.internal.claims;

/**
 * Where a claim stands: {@code draft} (built, not sent), {@code submitted} (its batch was
 * sent), {@code accepted} (the payer took it, no payment yet), {@code paid},
 * {@code partially_paid} or {@code denied} (by a remittance), {@code void} (voided).
 */
public enum ClaimState {

	DRAFT("draft"), SUBMITTED("submitted"), ACCEPTED("accepted"), DENIED("denied"), PAID("paid"),
	PARTIALLY_PAID("partially_paid"), VOID("void");

	private final String value;

	ClaimState(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static ClaimState of(String value) {
		for (ClaimState state : values()) {
			if (state.value.equals(value)) {
				return state;
			}
		}
		throw new IllegalArgumentException("not a claim state: " + value);
	}

}
