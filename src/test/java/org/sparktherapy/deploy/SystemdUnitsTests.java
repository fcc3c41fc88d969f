package org.sparktherapy.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped systemd units (deploy/systemd) checked by the real systemd-analyze through
 * deploy/systemd/check.sh (verify with no warnings at all, offline security exposure ≤
 * 2.5), plus what the operations manual promises of the app's unit. Skipped when
 * systemd-analyze is missing, unless {@code CI} is set.
 */
class SystemdUnitsTests {

	private static final Path UNIT = Path.of("deploy/systemd/sparktherapy.service");

	@Test
	void unitsPassSystemdAnalyzeVerifyAndSecurity() throws Exception {
		Tools.require("systemd-analyze");

		Tools.Result check = Tools.run("bash", "deploy/systemd/check.sh");

		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("systemd units OK")
			.contains("sparktherapy.service")
			.contains("sparktherapy-backup.service");
	}

	@Test
	void appUnitRunsTheJarAsItsOwnUserAndStopsGracefully() throws Exception {
		String unit = Files.readString(UNIT);

		assertThat(unit).containsPattern("(?m)^User=sparktherapy$")
			.containsPattern("(?m)^EnvironmentFile=/etc/sparktherapy/sparktherapy.env$")
			.containsPattern("(?m)^ExecStart=\\S+/java .*-jar /opt/sparktherapy/sparktherapy.jar$")
			.containsPattern("(?m)^Environment=SPARK_DATA_DIR=/var/lib/sparktherapy$")
			.containsPattern("(?m)^ReadWritePaths=/var/lib/sparktherapy$")
			.containsPattern("(?m)^Restart=on-failure$")
			.containsPattern("(?m)^ProtectSystem=strict$")
			.containsPattern("(?m)^NoNewPrivileges=yes$");
		// the app drains requests for spring.lifecycle.timeout-per-shutdown-phase (30 s
		// by default) after SIGTERM
		assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
			.containsPattern("(?m)^  shutdown: graceful$")
			.doesNotContain("timeout-per-shutdown-phase");
		Matcher stop = Pattern.compile("(?m)^TimeoutStopSec=(\\d+)s$").matcher(unit);
		assertThat(stop.find()).isTrue();
		assertThat(Duration.ofSeconds(Long.parseLong(stop.group(1)))).isGreaterThan(Duration.ofSeconds(30));
	}

	@Test
	void appUnitStartsWithTheAotCacheItsScriptMakes() throws Exception {
		String unit = Files.readString(UNIT);

		Matcher pre = Pattern.compile("(?m)^ExecStartPre=/opt/sparktherapy/bin/aot-cache.sh (\\S+) (\\S+)$")
			.matcher(unit);
		assertThat(pre.find()).as("ExecStartPre runs aot-cache.sh").isTrue();
		// the cache is made for, and used with, the jar ExecStart runs, in the one
		// writable directory
		assertThat(pre.group(1)).isEqualTo("/opt/sparktherapy/sparktherapy.jar");
		assertThat(pre.group(2)).startsWith("/var/lib/sparktherapy/");
		assertThat(unit).containsPattern("(?m)^ExecStart=\\S+/java -XX:AOTCache=" + Pattern.quote(pre.group(2))
				+ " .*-jar " + Pattern.quote(pre.group(1)) + "$");
		assertThat(Files.isExecutable(Path.of("deploy/aot-cache.sh"))).isTrue();
	}

	@Test
	void environmentExampleHoldsNoSecrets() throws Exception {
		String example = Files.readString(Path.of("deploy/systemd/sparktherapy.env.example"));

		assertThat(example).containsPattern("(?m)^SPRING_DATASOURCE_URL=jdbc:postgresql://")
			.containsPattern("(?m)^SPARK_SECURITY_JWT_SECRET=$")
			.containsPattern("(?m)^SPRING_DATASOURCE_PASSWORD=change-me$")
			.doesNotContainPattern("(?m)^SPARK_DATA_DIR=");
	}

	@Test
	void environmentExampleNamesOnlyDocumentedVariables() throws Exception {
		Set<String> documented = new HashSet<>();
		// README's configuration table: `SPARK_X_EMAIL` / `_PASSWORD` stands for
		// SPARK_X_EMAIL and SPARK_X_PASSWORD
		Matcher row = Pattern.compile("`([A-Z][A-Z0-9_]+)[`=]((?:\\s*/\\s*`_[A-Z0-9_]+`)*)")
			.matcher(Files.readString(Path.of("README.md")));
		while (row.find()) {
			String name = row.group(1);
			documented.add(name);
			Matcher suffix = Pattern.compile("`(_[A-Z0-9_]+)`").matcher(row.group(2));
			while (suffix.find()) {
				documented.add(name.substring(0, name.lastIndexOf('_')) + suffix.group(1));
			}
		}
		documented.add("JAVA_OPTS"); // the unit's own

		Matcher variable = Pattern.compile("(?m)^#? ?([A-Z][A-Z0-9_]+)=")
			.matcher(Files.readString(Path.of("deploy/systemd/sparktherapy.env.example")));
		List<String> named = new ArrayList<>();
		while (variable.find()) {
			named.add(variable.group(1));
		}

		assertThat(named).hasSizeGreaterThan(10).allSatisfy((name) -> assertThat(documented).contains(name));
	}

}
