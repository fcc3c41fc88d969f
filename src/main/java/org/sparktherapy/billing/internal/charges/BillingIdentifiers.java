package org.sparktherapy.billing.internal.charges;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers a claim carries, checked before they are stored: a typo
 * in any of them rejects a whole claim batch at the payer.
 */
final class BillingIdentifiers {

	/**
	 * ICD-10-CM: a letter (not U), two characters, optionally a dot and up to four more
	 * (the children module's rule).
	 */
	static final Pattern ICD10 = Pattern.compile("^[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?$");

	/** Provider taxonomy (NUCC): ten characters ending in X, e.g. 103K00000X. */
	static final Pattern TAXONOMY = Pattern.compile("^[0-9]{3}[0-9A-Z]{6}X$");

	private static final Pattern TAX_ID = Pattern.compile("^([0-9]{2})-?([0-9]{7})$");

	private BillingIdentifiers() {
	}

	/**
	 * Whether {@code npi} is a National Provider Identifier: ten digits whose last is the
	 * Luhn check digit of the first nine prefixed with 80840 (the NPI's card issuer
	 * prefix).
	 *
	 * @see <a href=
	 * "https://www.cms.gov/regulations-and-guidance/administrative-simplification/nationalprovidentstand/downloads/npicheckdigit.pdf">
	 * CMS: the NPI check digit</a>
	 */
	static boolean isNpi(String npi) {
		if (npi == null || !npi.matches("^[0-9]{10}$")) {
			return false;
		}
		return luhnCheckDigit("80840" + npi.substring(0, 9)) == npi.charAt(9) - '0';
	}

	/** The Luhn check digit to append to {@code digits}. */
	static int luhnCheckDigit(String digits) {
		int sum = 0;
		boolean doubled = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return (10 - sum % 10) % 10;
	}

	/**
	 * A federal employer identification number as stored ({@code 12-3456789}), from nine
	 * digits with or without the dash; null when it is not one (00 is no EIN prefix).
	 */
	static String taxId(String value) {
		if (value == null) {
			return null;
		}
		java.util.regex.Matcher m = TAX_ID.matcher(value.strip());
		if (!m.matches() || m.group(1).equals("00")) {
			return null;
		}
		return m.group(1) + "-" + m.group(2);
	}

	static boolean isIcd10(String code) {
		return code != null && ICD10.matcher(code).matches();
	}

}
