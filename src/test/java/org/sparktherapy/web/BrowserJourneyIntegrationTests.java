package org.sparktherapy.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the web app's browser journeys ({@code web/e2e}, Playwright driving Debian's
 * headless Chromium) against this test server, which serves the built web app and the API
 * on one port.
 */
@IntegrationTest
@Tag(IntegrationTest.FIRST_PASS_ONLY)
class BrowserJourneyIntegrationTests {

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

	@LocalServerPort
	int port;

	@Test
	void browserJourneysPass() throws IOException, InterruptedException {
		assumeFalse(Boolean.getBoolean("spark.skipWeb"), "web app not built (-DskipWeb)");
		boolean ci = System.getenv("CI") != null;
		assumeTrue(ci || Files.isExecutable(Path.of(CHROMIUM)),
				"Chromium is not installed (apt-get install chromium); CI always runs the journeys");
		Path log = Path.of("target", "e2e.log");
		Files.createDirectories(log.getParent());
		ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e").directory(new File("web"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		npm.environment().put("BASE_URL", "http://localhost:" + this.port);
		npm.environment().put("E2E_ADMIN_EMAIL", Clinic.ADMIN_EMAIL);
		npm.environment().put("E2E_ADMIN_PASSWORD", Clinic.ADMIN_PASSWORD);
		npm.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		npm.environment().put("CI", "true");
		// the journeys compute "today" and "next Monday" in the runner's zone: the
		// clinic's, UTC by default
		npm.environment().put("TZ", "UTC");
		Process process = npm.start();
		boolean finished = process.waitFor(15, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String output = Files.readString(log);
		System.out.println(output);
		assertThat(finished).as("browser journeys finished in time").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).containsPattern("\\d+ passed");
	}

}
