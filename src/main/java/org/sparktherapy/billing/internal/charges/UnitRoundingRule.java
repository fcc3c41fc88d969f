package org.sparktherapy.billing.internal.charges;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a payer turns the minutes of a session into 15-minute units of its service code.
 * Each payer names one ({@code payers.rounding_rule}); the database value is
 * {@link #value()}.
 *
 * @see <a href=
 * "https://www.cms.gov/medicare/payment/fee-schedules/physician/timed-codes">CMS timed
 * codes: the 8-minute rule</a>
 */
public enum UnitRoundingRule {

	/**
	 * The CMS 8-minute rule for one timed code: a unit for each full 15 minutes, and one
	 * more when the remainder is 8 minutes or more. Under 8 minutes in all bills nothing.
	 * 7 → 0, 8 → 1, 22 → 1, 23 → 2.
	 */
	CMS_8_MINUTE("cms_8_minute") {
		@Override
		public int units(long minutes) {
			return Math.toIntExact(minutes / 15 + ((minutes % 15 >= 8) ? 1 : 0));
		}
	},

	/**
	 * Only full 15-minute units count (some commercial payers and Medicaid plans): 14 →
	 * 0, 15 → 1, 29 → 1, 30 → 2.
	 */
	WHOLE_UNITS("whole_units") {
		@Override
		public int units(long minutes) {
			return Math.toIntExact(minutes / 15);
		}
	};

	/** A unit's length in minutes, for every code. */
	public static final int UNIT_MINUTES = 15;

	private final String value;

	UnitRoundingRule(String value) {
		this.value = value;
	}

	/**
	 * The units a session of {@code minutes} (not negative) bills under the rule; 0 means
	 * it cannot be billed.
	 */
	public abstract int units(long minutes);

	/** The name in the database and at the API. */
	public String value() {
		return this.value;
	}

	public static Optional<UnitRoundingRule> find(String value) {
		return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
	}

	public static UnitRoundingRule of(String value) {
		return find(value).orElseThrow(() -> new IllegalArgumentException("not a rounding rule: " + value));
	}

}
