package org.sparktherapy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each house rule of {@link ArchitectureTests} fails on a violation: the classes of the
 * test-only package {@code fixtures.architecture.internal} break one rule each.
 */
class ArchitectureRuleFixtureTests {

	private final JavaClasses fixtures = new ClassFileImporter().importPackages("fixtures.architecture");

	@Test
	void aRepositoryDependingOnAServiceFails() {
		assertFails(ArchitectureTests.REPOSITORIES_ARE_BELOW_SERVICES_AND_CONTROLLERS, "ViolatingRepository");
	}

	@Test
	void aDomainTypeDependingOnAServiceFails() {
		assertFails(ArchitectureTests.DOMAIN_TYPES_ARE_BELOW_SERVICES_AND_CONTROLLERS, "ViolatingDomainType");
	}

	@Test
	void aControllerUsingJdbcFails() {
		assertFails(ArchitectureTests.CONTROLLERS_DO_NOT_TOUCH_JDBC, "ViolatingController");
	}

	@Test
	void aControllerNamingSortColumnsFails() {
		assertFails(ArchitectureTests.ONLY_REPOSITORIES_NAME_SORT_COLUMNS, "ViolatingController");
	}

	private void assertFails(ArchRule rule, String culprit) {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> rule.check(this.fixtures))
			.withMessageContaining(culprit);
	}

}
