package org.sparktherapy.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TestMailServer;

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
		// the journeys read the mail this server sends (registration, invitation) from
		// the
		// test mail server, through a small reading endpoint on loopback
		HttpServer mail = MailReader.start();
		npm.environment().put("E2E_MAIL_URL", "http://127.0.0.1:" + mail.getAddress().getPort() + "/mails");
		Process process;
		try {
			process = npm.start();
		}
		catch (IOException ex) {
			mail.stop(0);
			throw ex;
		}
		boolean finished = process.waitFor(15, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		mail.stop(0);
		String output = Files.readString(log);
		System.out.println(output);
		assertThat(finished).as("browser journeys finished in time").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).containsPattern("\\d+ passed");
	}

	/**
	 * {@code GET /mails?to=ADDRESS}: the mails the test mail server received for the
	 * address, as {@code [{subject, text}]}, for {@code web/e2e/support.ts}'s
	 * {@code awaitMail}. Listens on loopback only, for the journeys' run.
	 */
	static final class MailReader {

		static HttpServer start() throws IOException {
			HttpServer server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/mails", exchange -> {
				String query = java.util.Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
				String to = java.net.URLDecoder.decode(query.replaceFirst("^to=", ""),
						java.nio.charset.StandardCharsets.UTF_8);
				java.util.List<java.util.Map<String, String>> mails = TestMailServer.mailsTo(to)
					.stream()
					.map(message -> java.util.Map.of("subject", TestMailServer.subject(message), "text",
							TestMailServer.text(message)))
					.toList();
				byte[] body = org.sparktherapy.support.Api.JSON.writeValueAsBytes(mails);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (var out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}

	}

}
