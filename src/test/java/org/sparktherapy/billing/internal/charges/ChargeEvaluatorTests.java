package org.sparktherapy.billing.internal.charges;

import org.junit.jupiter.api.Test;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

import static org.assertj.core.api.Assertions.assertThat;

class ChargeEvaluatorTests {

	@Test
	void placesBecomeCmsPlaceOfServiceCodes() {
		assertThat(ChargeEvaluator.placeOfService(Place.CLINIC, "10")).isEqualTo("11");
		assertThat(ChargeEvaluator.placeOfService(Place.HOME, "10")).isEqualTo("12");
		assertThat(ChargeEvaluator.placeOfService(Place.SCHOOL, "10")).isEqualTo("03");
		assertThat(ChargeEvaluator.placeOfService(Place.COMMUNITY, "10")).isEqualTo("99");
		assertThat(ChargeEvaluator.placeOfService(Place.TELEHEALTH, "10")).isEqualTo("10");
		assertThat(ChargeEvaluator.placeOfService(Place.TELEHEALTH, "02")).isEqualTo("02");
	}

	@Test
	void onlySupervisionOverTreatmentByProtocolMayOverlap() {
		assertThat(ChargeEvaluator.concurrentSupervision(ServiceCode.PROTOCOL_MODIFICATION,
				ServiceCode.TREATMENT_BY_PROTOCOL))
			.isTrue();
		assertThat(ChargeEvaluator.concurrentSupervision(ServiceCode.TREATMENT_BY_PROTOCOL,
				ServiceCode.PROTOCOL_MODIFICATION))
			.isTrue();
		assertThat(ChargeEvaluator.concurrentSupervision(ServiceCode.TREATMENT_BY_PROTOCOL,
				ServiceCode.TREATMENT_BY_PROTOCOL))
			.isFalse();
		assertThat(ChargeEvaluator.concurrentSupervision(ServiceCode.PROTOCOL_MODIFICATION,
				ServiceCode.PROTOCOL_MODIFICATION))
			.isFalse();
		assertThat(ChargeEvaluator.concurrentSupervision(ServiceCode.PROTOCOL_MODIFICATION,
				ServiceCode.BEHAVIOR_IDENTIFICATION_ASSESSMENT))
			.isFalse();
	}

}
