package org.sparktherapy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole running application on a random port and the real database
 * (embedded PostgreSQL by default, the server named by {@code SPRING_DATASOURCE_URL} in
 * CI). All such tests share one Spring context. Tagged {@value #TAG}: CI's second pass,
 * against the PostgreSQL server, runs only these (less those tagged
 * {@value #FIRST_PASS_ONLY}); plain unit tests run once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {

	/** The tag of tests that use the database the application is configured with. */
	String TAG = "database";

	/**
	 * The tag of integration tests whose outcome does not depend on that database (the
	 * web app, browser journeys, deployment files, backups on their own scratch
	 * databases): {@code .ci/run}'s second pass leaves them out.
	 */
	String FIRST_PASS_ONLY = "first-pass-only";

}
