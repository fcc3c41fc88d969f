package org.sparktherapy.billing.internal.charges;

import java.util.Optional;

/**
 * The kind of plan a payer's claims are filed under: the 837P's SBR09 (claim filing
 * indicator code, X12 element 1032) and box 11c's sense on the CMS-1500. The codes an ABA
 * clinic bills under; the database and the API hold the code itself.
 *
 * @see <a href="https://x12.org/codes/claim-filing-indicator-codes">X12 claim filing
 * indicator codes</a>
 */
public enum ClaimFilingIndicator {

	/** Other non-federal programs. */
	OTHER_NON_FEDERAL("11"),
	/** Preferred provider organization. */
	PPO("12"),
	/** Point of service. */
	POS("13"),
	/** Exclusive provider organization. */
	EPO("14"),
	/** Indemnity insurance. */
	INDEMNITY("15"),
	/** Blue Cross Blue Shield. */
	BLUE_CROSS("BL"),
	/** TRICARE (formerly CHAMPUS). */
	TRICARE("CH"),
	/** Commercial insurance: the default. */
	COMMERCIAL("CI"),
	/** Federal Employees Program. */
	FEDERAL_EMPLOYEES("FI"),
	/** Health maintenance organization. */
	HMO("HM"),
	/** Medicaid, including Medicaid managed care. */
	MEDICAID("MC"),
	/** Other federal program. */
	OTHER_FEDERAL("OF"),
	/** Title V (maternal and child health). */
	TITLE_V("TV"),
	/** Veterans Affairs plan. */
	VETERANS_AFFAIRS("VA"),
	/** Mutually defined. */
	MUTUALLY_DEFINED("ZZ");

	private final String code;

	ClaimFilingIndicator(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static Optional<ClaimFilingIndicator> find(String code) {
		for (ClaimFilingIndicator indicator : values()) {
			if (indicator.code.equals(code)) {
				return Optional.of(indicator);
			}
		}
		return Optional.empty();
	}

	public static ClaimFilingIndicator of(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("not a claim filing indicator: " + code));
	}

}
