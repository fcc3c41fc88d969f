package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.sparktherapy.platform.problem.Problem.FieldError;

/**
 * Amounts of money as the ledger accepts them: decimal strings at the API,
 * {@code BigDecimal} in Java, {@code numeric(12,2)} in the database, in the clinic's one
 * currency. Never floating point.
 */
final class Amounts {

	/** The clinic's currency; every amount is in it (ISO 4217). */
	static final String CURRENCY = "USD";

	/** The largest amount {@code numeric(12,2)} holds. */
	static final BigDecimal MAX = new BigDecimal("9999999999.99");

	static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private Amounts() {
	}

	/**
	 * Reads a decimal string ("125.50"); adds a field error and answers null when it is
	 * not a number with at most two decimals within the column's range, or when it must
	 * be positive and is not.
	 */
	static BigDecimal read(String value, String pointer, boolean positive, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(pointer, "must be an amount such as 125.50"));
			return null;
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(pointer, "must be an amount such as 125.50"));
			return null;
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			errors.add(new FieldError(pointer, "must have at most two decimals"));
			return null;
		}
		if (amount.abs().compareTo(MAX) > 0) {
			errors.add(new FieldError(pointer, "must be at most " + MAX.toPlainString()));
			return null;
		}
		if (positive && amount.signum() <= 0) {
			errors.add(new FieldError(pointer, "must be more than zero"));
			return null;
		}
		if (!positive && amount.signum() == 0) {
			errors.add(new FieldError(pointer, "must not be zero"));
			return null;
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** Adds a field error unless {@code currency} is the clinic's (null means it). */
	static void checkCurrency(String currency, String pointer, List<FieldError> errors) {
		if (currency != null && !CURRENCY.equals(currency)) {
			errors.add(new FieldError(pointer, "must be " + CURRENCY + ", the clinic's currency"));
		}
	}

	/** As the API writes money: a plain decimal string with two decimals. */
	static String text(BigDecimal amount) {
		return (amount == null) ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
	}

}
