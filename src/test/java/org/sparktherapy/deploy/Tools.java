package org.sparktherapy.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running the operator's tools (systemd-analyze, promtool, pg_dump…) from deploy tests: a
 * test whose tools are missing skips itself, unless {@code CI} is set, where it fails
 * (like {@link NginxSiteIntegrationTests}).
 */
final class Tools {

	private static final String PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

	private Tools() {
	}

	/** Skips the test (fails it in CI) unless every program is on the PATH. */
	static void require(String... programs) {
		for (String program : programs) {
			boolean installed = find(program) != null;
			if (System.getenv("CI") != null) {
				assertThat(installed).as(program + " (required in CI)").isTrue();
			}
			Assumptions.assumeTrue(installed, program + " is not installed");
		}
	}

	static File find(String program) {
		for (String dir : (PATH + ":" + System.getenv("PATH")).split(":")) {
			File candidate = new File(dir, program);
			if (!dir.isEmpty() && candidate.canExecute()) {
				return candidate;
			}
		}
		return null;
	}

	/** Runs a command in the project directory; stdout and stderr together. */
	static Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		builder.environment().put("PATH", PATH + ":" + System.getenv("PATH"));
		Process process = builder.start();
		process.getOutputStream().close();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	static Result run(String... command) throws IOException, InterruptedException {
		return run(List.of(command), Map.of());
	}

	record Result(int exitCode, String output) {
	}

}
