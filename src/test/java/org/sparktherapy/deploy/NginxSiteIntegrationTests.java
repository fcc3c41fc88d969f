package org.sparktherapy.deploy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped NGINX site (deploy/nginx/sparktherapy.conf) run by the real nginx in front
 * of this test's server: syntax, an unbuffered event stream, /metrics refused from
 * outside, no query strings in the access log. Skipped when nginx is not installed,
 * unless {@code CI} is set.
 */
@IntegrationTest
@Tag(IntegrationTest.FIRST_PASS_ONLY)
class NginxSiteIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void siteConfigProxiesStreamsAndKeepsSecretsOutOfTheLog() throws Exception {
		boolean installed = new File("/usr/sbin/nginx").canExecute() || new File("/usr/bin/nginx").canExecute();
		if (System.getenv("CI") != null) {
			assertThat(installed).as("nginx (required in CI)").isTrue();
		}
		Assumptions.assumeTrue(installed, "nginx is not installed");
		ProcessBuilder check = new ProcessBuilder("bash", "deploy/nginx/check.sh", "http://127.0.0.1:" + this.port)
			.redirectErrorStream(true);
		check.environment().put("SPARK_CHECK_EMAIL", Clinic.ADMIN_EMAIL);
		check.environment().put("SPARK_CHECK_PASSWORD", Clinic.ADMIN_PASSWORD);
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			check.environment().put("NGINX_CHECK_PORT", Integer.toString(free.getLocalPort()));
		}
		check.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin:" + System.getenv("PATH"));
		Process process = check.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("nginx site config OK");
	}

}
