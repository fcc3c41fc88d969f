package org.sparktherapy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * House rules that Spring Modulith does not check.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages("org.sparktherapy");

	@Test
	void controllersAreInternalToTheirModule() {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.resideOutsideOfPackages("..internal..")
			.because("a module's public face is its services and events, not its web adapters")
			.check(this.classes);
	}

	@Test
	void controllersLeaveTransactionsToServices() {
		noMethods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(RestController.class)
			.should()
			.beAnnotatedWith(Transactional.class)
			.because("the application service owns the transaction, authorization and audit")
			.check(this.classes);
	}

	@Test
	void noFieldInjection() {
		fields().should()
			.notBeAnnotatedWith(Autowired.class)
			.because("constructor injection keeps dependencies explicit")
			.allowEmptyShould(true)
			.check(this.classes);
	}

	@Test
	void domainStaysFreeOfServletTypes() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Controller")
			.and()
			.areNotAssignableTo(org.springframework.web.servlet.HandlerInterceptor.class)
			.and()
			.resideInAPackage("..internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("jakarta.servlet..")
			.because("only web adapters (controllers, interceptors) speak HTTP")
			.check(this.classes);
	}

}
