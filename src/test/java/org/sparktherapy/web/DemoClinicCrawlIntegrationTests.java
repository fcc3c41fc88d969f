package org.sparktherapy.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo clinic is the test data for every screen: it must hold every kind of record
 * the application knows, and every page a person can reach in it must work. One demo node
 * (its own context, profiles {@code test} and {@code demo}, on a fresh database) serves
 * both checks: the records by SQL, the pages by the browser crawl
 * {@code web/e2e/demo-crawl.spec.ts} (Playwright driving Debian's headless Chromium),
 * which the other browser journeys ({@link BrowserJourneyIntegrationTests}, against an
 * empty test clinic) leave out.
 */
@IntegrationTest
@Tag(IntegrationTest.FIRST_PASS_ONLY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoClinicCrawlIntegrationTests {

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

	/**
	 * The values a column's check constraint allows: {@code col in ('a', 'b')} reads back
	 * as an array of literals.
	 */
	private static final Pattern LITERAL = Pattern.compile("'([a-z0-9_]+)'::text");

	@Autowired
	DataSource dataSource;

	FreshDatabase database;

	ConfigurableApplicationContext demo;

	JdbcClient jdbc;

	@BeforeAll
	void startTheDemoClinic() {
		this.database = new FreshDatabase(this.dataSource);
		// command-line arguments outrank the test profile (docs/development.md)
		this.demo = new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test", "demo")
			.run("--server.port=0", "--spring.datasource.url=" + this.database.url(),
					"--spring.datasource.username=" + this.database.username(),
					"--spring.datasource.hikari.maximum-pool-size=4", "--spark.identity.bootstrap-admin-email=",
					"--spark.identity.bootstrap-admin-password=", "--spark.data-dir=target/test-data-demo-crawl");
		this.jdbc = JdbcClient.create(this.demo.getBean(DataSource.class));
		// what the seeding published (notifications, alerts) is handled before anything
		// is looked at
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> count("select count(*) from event_publication where completion_date is null") == 0);
	}

	@AfterAll
	void stopTheDemoClinic() {
		if (this.demo != null) {
			this.demo.close();
		}
		if (this.database != null) {
			this.database.drop();
		}
	}

	@Test
	void theDemoClinicHoldsEveryKindOfRecord() {
		assertThat(count("select count(*) from target_phase_changes where automatic"))
			.as("phase changes the mastery evaluation made")
			.isPositive();
		assertThat(count("select count(*) from target_phase_changes where not automatic"))
			.as("phase changes a supervisor made")
			.isPositive();
		assertCoversEveryValue("programs", "measurement");
		assertCoversEveryValue("session_events", "type");
		assertCoversEveryValue("session_events", "outcome");
		assertThat(values("""
				select distinct case when starts_on > current_date then 'upcoming'
				  when ends_on < current_date then 'expired' else 'active' end from authorizations"""))
			.as("authorizations by their dates")
			.containsExactlyInAnyOrder("active", "expired", "upcoming");
		assertThat(values("""
				with committed as (
				  select a.units_authorized, a.starts_on, a.ends_on, (
				    select coalesce(sum((extract(epoch from (p.ends_at - p.starts_at))::bigint / 60 + 7) / 15), 0)
				    from appointments p where p.child_id = a.child_id and p.service_code = a.service_code
				      and p.status in ('scheduled', 'checked_in', 'completed')
				      and p.local_start >= a.starts_on and p.local_start < a.ends_on + 1) as units
				  from authorizations a where a.starts_on <= current_date and a.ends_on >= current_date)
				select distinct case when units > units_authorized then 'over'
				  when units * 100 >= units_authorized * 80 then 'running out'
				  when ends_on <= current_date + 30 then 'ending soon' else 'plenty left' end from committed"""))
			.as("current authorizations by what is left of them")
			.containsExactlyInAnyOrder("over", "running out", "ending soon", "plenty left");
	}

	/**
	 * Checked-in, no-show and cancelled appointments come with the appointment lifecycle
	 * (issue 10, item 5).
	 */
	@Test
	void theDemoClinicHoldsAppointmentsInEveryStatus() {
		assertCoversEveryValue("appointments", "status");
	}

	@Test
	void everyPageOfTheDemoClinicWorksForEveryRole() throws IOException, InterruptedException {
		assumeFalse(Boolean.getBoolean("spark.skipWeb"), "web app not built (-DskipWeb)");
		boolean ci = System.getenv("CI") != null;
		assumeTrue(ci || Files.isExecutable(Path.of(CHROMIUM)),
				"Chromium is not installed (apt-get install chromium); CI always runs the crawl");
		int port = ((WebServerApplicationContext) this.demo).getWebServer().getPort();
		Path log = Path.of("target", "e2e-demo-crawl.log");
		Files.createDirectories(log.getParent());
		ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e").directory(new File("web"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		npm.environment().put("BASE_URL", "http://localhost:" + port);
		npm.environment().put("E2E_DEMO_CLINIC", "1");
		npm.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		npm.environment().put("CI", "true");
		npm.environment().put("TZ", "UTC");
		Process process = npm.start();
		// about 7 minutes on a busy 2-core machine (most of it the ~300 session records
		// the four people open)
		boolean finished = process.waitFor(25, TimeUnit.MINUTES);
		if (!finished) {
			// Playwright and Chromium too, before the demo node stops under them
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		String output = Files.readString(log);
		System.out.println(output);
		assertThat(finished).as("the crawl finished in time").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).containsPattern("\\d+ passed");
	}

	/**
	 * Every value the column's check constraint allows occurs in the demo clinic: a kind
	 * added to the schema fails here until the demo shows it.
	 */
	private void assertCoversEveryValue(String table, String column) {
		Set<String> allowed = allowedValues(table, column);
		assertThat(allowed).as("values allowed in %s.%s", table, column).isNotEmpty();
		assertThat(values("select distinct " + column + " from " + table + " where " + column + " is not null"))
			.as("%s.%s in the demo clinic", table, column)
			.containsAll(allowed);
	}

	private Set<String> allowedValues(String table, String column) {
		Set<String> allowed = new TreeSet<>();
		for (String definition : this.jdbc.sql("""
				select pg_get_constraintdef(c.oid) from pg_constraint c
				where c.conrelid = cast(:table as regclass) and c.contype = 'c'
				  and c.conkey = array[(select attnum from pg_attribute where attrelid = cast(:table as regclass)
				    and attname = :column)]""")
			.param("table", table)
			.param("column", column)
			.query(String.class)
			.list()) {
			Matcher literal = LITERAL.matcher(definition);
			while (literal.find()) {
				allowed.add(literal.group(1));
			}
		}
		return allowed;
	}

	private List<String> values(String sql) {
		return this.jdbc.sql(sql).query(String.class).list();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
