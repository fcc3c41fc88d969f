package org.sparktherapy.billing.internal.charges;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnitRoundingRuleTests {

	@ParameterizedTest(name = "{0} minutes bill {1} units")
	@CsvSource({ "0,0", "1,0", "7,0", "8,1", "14,1", "15,1", "22,1", "23,2", "29,2", "30,2", "37,2", "38,3", "52,3",
			"53,4", "60,4", "120,8", "127,8", "128,9" })
	void cmsEightMinuteRuleCountsAUnitFromEightMinutesOfIt(long minutes, int units) {
		assertThat(UnitRoundingRule.CMS_8_MINUTE.units(minutes)).isEqualTo(units);
	}

	@ParameterizedTest(name = "{0} minutes bill {1} units")
	@CsvSource({ "0,0", "7,0", "8,0", "14,0", "15,1", "22,1", "23,1", "29,1", "30,2", "59,3", "60,4" })
	void wholeUnitsCountOnlyFullQuarterHours(long minutes, int units) {
		assertThat(UnitRoundingRule.WHOLE_UNITS.units(minutes)).isEqualTo(units);
	}

	@ParameterizedTest
	@CsvSource({ "cms_8_minute,CMS_8_MINUTE", "whole_units,WHOLE_UNITS" })
	void readsItsDatabaseValue(String value, UnitRoundingRule rule) {
		assertThat(UnitRoundingRule.of(value)).isEqualTo(rule);
		assertThat(rule.value()).isEqualTo(value);
	}

}
