package org.sparktherapy;

import java.util.Map;
import java.util.function.Predicate;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.sparktherapy.platform.web.SortColumns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * House rules that Spring Modulith does not check. Each rule is shown failing on a
 * violation in {@code ArchitectureRuleFixtureTests} (classes in the test-only package
 * {@code org.sparktherapy.archfixture}).
 */
class ArchitectureTests {

	/** Repositories: {@code @Repository} classes and the types nested in them. */
	static final DescribedPredicate<JavaClass> REPOSITORIES = DescribedPredicate.describe("repositories",
			c -> isOrIsInside(c, t -> t.isMetaAnnotatedWith(Repository.class)));

	/**
	 * Application services: {@code @Service} or {@code *Service} classes, and their
	 * nested types.
	 */
	static final DescribedPredicate<JavaClass> SERVICES = DescribedPredicate.describe("services",
			c -> isOrIsInside(c, t -> t.isMetaAnnotatedWith(Service.class) || t.getSimpleName().endsWith("Service")));

	/**
	 * Web adapters: {@code @Controller}/{@code @RestController} classes, and their nested
	 * types.
	 */
	static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe("controllers",
			c -> isOrIsInside(c, t -> t.isMetaAnnotatedWith(Controller.class)));

	/**
	 * Domain types: a module's internal types that are no Spring bean (aggregates,
	 * values, rules, problems), nor nested in one.
	 */
	static final DescribedPredicate<JavaClass> DOMAIN_TYPES = DescribedPredicate.describe("domain types",
			c -> c.getPackageName().contains(".internal")
					&& !isOrIsInside(c, t -> t.isMetaAnnotatedWith(Component.class)));

	static final ArchRule REPOSITORIES_ARE_BELOW_SERVICES_AND_CONTROLLERS = noClasses().that(REPOSITORIES)
		.should()
		.dependOnClassesThat(SERVICES.or(CONTROLLERS))
		.because("a request flows controller → service → repository; a repository knows only the database and "
				+ "domain types");

	static final ArchRule DOMAIN_TYPES_ARE_BELOW_SERVICES_AND_CONTROLLERS = noClasses().that(DOMAIN_TYPES)
		.should()
		.dependOnClassesThat(SERVICES.or(CONTROLLERS))
		.because("domain types hold the rules; services and controllers use them, not the other way round");

	static final ArchRule CONTROLLERS_DO_NOT_TOUCH_JDBC = noClasses().that(CONTROLLERS)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
		.because("SQL lives in repositories");

	static final ArchRule ONLY_REPOSITORIES_NAME_SORT_COLUMNS = noClasses().that(DescribedPredicate.not(REPOSITORIES))
		.and()
		.doNotBelongToAnyOf(SortColumns.class)
		.should()
		.callMethod(SortColumns.class, "of", Map.class)
		.because("the repository that writes a list's query owns its column names; a controller passes its "
				+ "SortColumns on and names only API properties");

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
	void repositoriesDependOnNoServiceOrController() {
		REPOSITORIES_ARE_BELOW_SERVICES_AND_CONTROLLERS.check(this.classes);
	}

	@Test
	void domainTypesDependOnNoServiceOrController() {
		DOMAIN_TYPES_ARE_BELOW_SERVICES_AND_CONTROLLERS.check(this.classes);
	}

	@Test
	void controllersBuildNoSql() {
		CONTROLLERS_DO_NOT_TOUCH_JDBC.check(this.classes);
	}

	@Test
	void sortColumnsAreNamedByRepositoriesOnly() {
		ONLY_REPOSITORIES_NAME_SORT_COLUMNS.check(this.classes);
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

	private static boolean isOrIsInside(JavaClass type, Predicate<JavaClass> test) {
		for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
			if (test.test(t)) {
				return true;
			}
		}
		return false;
	}

}
