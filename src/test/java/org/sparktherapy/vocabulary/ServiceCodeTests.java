package org.sparktherapy.vocabulary;

import org.junit.jupiter.api.Test;
import org.sparktherapy.identity.Credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServiceCodeTests {

	@Test
	void namesTheEightAdaptiveBehaviorCodesByTheirCode() {
		assertThat(ServiceCode.values()).extracting(ServiceCode::code)
			.containsExactly("97151", "97152", "97153", "97154", "97155", "97156", "97157", "97158");
		assertThat(ServiceCode.of("97155")).isEqualTo(ServiceCode.PROTOCOL_MODIFICATION);
		assertThat(ServiceCode.isCode("99999")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceCode.of("99999"));
	}

	@Test
	void supervisorsDeliverEverythingAndTechniciansOnlyTechnicianWork() {
		assertThat(ServiceCode.mayDeliver(Credential.RBT, "97153")).isTrue();
		assertThat(ServiceCode.mayDeliver(Credential.RBT, "97155")).isFalse();
		assertThat(ServiceCode.mayDeliver(Credential.BCBA, "97153")).isTrue();
		assertThat(ServiceCode.mayDeliver(null, "97153")).as("no credential delivers nothing").isFalse();
		assertThat(ServiceCode.mayDeliver(Credential.BCBA, "99999")).isFalse();
		assertThat(ServiceCode.deliveredBy("97151")).containsExactlyInAnyOrder(Credential.BCBA, Credential.BCABA);
	}

	@Test
	void placesAreTheirLowercaseNames() {
		assertThat(Place.values()).extracting(Place::value)
			.containsExactly("clinic", "home", "school", "community", "telehealth");
		assertThat(Place.of("telehealth")).isEqualTo(Place.TELEHEALTH);
		assertThat(Place.isPlace("Clinic")).isFalse();
	}

}
