package org.sparktherapy.billing.internal.charges;

import java.util.ArrayList;
import java.util.List;

import org.sparktherapy.platform.problem.Problem.FieldError;

/** Collects the field errors of one request; thrown as one 400 with all of them. */
final class BillingValidation {

	private final List<FieldError> errors = new ArrayList<>();

	void reject(String pointer, String detail) {
		this.errors.add(new FieldError(pointer, detail));
	}

	/** Refuses control characters in a one-line text. */
	void text(String pointer, String value) {
		if (value != null && value.codePoints().anyMatch(Character::isISOControl)) {
			reject(pointer, "must not contain control characters");
		}
	}

	void address(String pointer, Address address) {
		if (address == null) {
			return;
		}
		text(pointer + "/line1", address.line1());
		text(pointer + "/line2", address.line2());
		text(pointer + "/city", address.city());
		if (address.state() != null && !address.state().matches("^[A-Z]{2}$")) {
			reject(pointer + "/state", "must be a two-letter state code such as CA");
		}
		if (address.postalCode() != null && !address.postalCode().matches("^[0-9]{5}([0-9]{4})?$")) {
			reject(pointer + "/postalCode", "must be a ZIP code of 5 or 9 digits");
		}
	}

	void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new ChargeProblems.InvalidBillingData(this.errors);
		}
	}

	/** A text stripped, and null when blank. */
	static String clean(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** An address with blank parts as null, the ZIP code without its dash. */
	static Address clean(Address address) {
		if (address == null) {
			return Address.NONE;
		}
		String postal = clean(address.postalCode());
		return new Address(clean(address.line1()), clean(address.line2()), clean(address.city()),
				(clean(address.state()) != null) ? clean(address.state()).toUpperCase(java.util.Locale.ROOT) : null,
				(postal != null) ? postal.replace("-", "") : null);
	}

}
