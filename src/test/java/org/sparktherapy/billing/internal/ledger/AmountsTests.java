package org.sparktherapy.billing.internal.ledger;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sparktherapy.platform.problem.Problem.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTests {

	@Test
	void readsDecimalStringsWithAtMostTwoDecimals() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(Amounts.read("125.5", "/amount", true, errors)).hasToString("125.50");
		assertThat(Amounts.read("-3.10", "/amount", false, errors)).hasToString("-3.10");
		assertThat(Amounts.read("7.000", "/amount", true, errors)).hasToString("7.00");
		assertThat(errors).isEmpty();
	}

	@Test
	void refusesWhatIsNotMoney() {
		for (String bad : new String[] { "1.001", "0", "-1", "abc", "", "1e3x", "10000000000.00" }) {
			List<FieldError> errors = new ArrayList<>();
			assertThat(Amounts.read(bad, "/amount", true, errors)).as(bad).isNull();
			assertThat(errors).as(bad).singleElement().extracting(FieldError::pointer).isEqualTo("/amount");
		}
		List<FieldError> errors = new ArrayList<>();
		Amounts.checkCurrency("EUR", "/currency", errors);
		Amounts.checkCurrency("USD", "/currency", errors);
		assertThat(errors).hasSize(1);
	}

}
