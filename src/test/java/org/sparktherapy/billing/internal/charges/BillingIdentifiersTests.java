package org.sparktherapy.billing.internal.charges;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BillingIdentifiersTests {

	@ParameterizedTest
	@ValueSource(strings = { "1234567893", "1245319599", "1003000126", "1679576722" })
	void acceptsNpisWhoseCheckDigitIsTheLuhnDigitWithThe80840Prefix(String npi) {
		assertThat(BillingIdentifiers.isNpi(npi)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234567890", "1234567894", "123456789", "12345678930", "123456789X", "" })
	void refusesOtherNpis(String npi) {
		assertThat(BillingIdentifiers.isNpi(npi)).isFalse();
	}

	@Test
	void theCheckDigitIsLuhnsOverThePrefixedNineDigits() {
		// CMS's worked example: 123456789 → 3
		assertThat(BillingIdentifiers.luhnCheckDigit("80840123456789")).isEqualTo(3);
	}

	@Test
	void taxIdsAreNineDigitsStoredWithTheDash() {
		assertThat(BillingIdentifiers.taxId("12-3456789")).isEqualTo("12-3456789");
		assertThat(BillingIdentifiers.taxId("123456789")).isEqualTo("12-3456789");
		assertThat(BillingIdentifiers.taxId("00-3456789")).isNull();
		assertThat(BillingIdentifiers.taxId("12-345678")).isNull();
		assertThat(BillingIdentifiers.taxId("12 3456789")).isNull();
	}

	@Test
	void icd10CodesHaveTheirShape() {
		assertThat(BillingIdentifiers.isIcd10("F84.0")).isTrue();
		assertThat(BillingIdentifiers.isIcd10("F84")).isTrue();
		assertThat(BillingIdentifiers.isIcd10("Z13.41")).isTrue();
		assertThat(BillingIdentifiers.isIcd10("U07.1")).isFalse();
		assertThat(BillingIdentifiers.isIcd10("f84.0")).isFalse();
		assertThat(BillingIdentifiers.isIcd10("F84.")).isFalse();
		assertThat(BillingIdentifiers.isIcd10("299.00")).isFalse();
	}

}
