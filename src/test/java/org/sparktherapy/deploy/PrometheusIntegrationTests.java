package org.sparktherapy.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.IntegrationTest;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Prometheus files (deploy/prometheus): the real promtool checks the scrape
 * config and runs the alert rules' unit tests (deploy/prometheus/check.sh), and every
 * metric an alert reads really is on this node's /metrics, with the labels the alert
 * matches on. Skipped when promtool is missing, unless {@code CI} is set.
 */
@IntegrationTest
@Tag(IntegrationTest.FIRST_PASS_ONLY)
class PrometheusIntegrationTests {

	/**
	 * The alerts on the backup scripts' results, which node_exporter publishes, not the
	 * app.
	 */
	private static final String BACKUPS = "sparktherapy-backups";

	/** Series Prometheus makes itself, not the app. */
	private static final Set<String> SYNTHETIC = Set.of("up");

	/**
	 * Series of a node configured for Redis only (this test's node has none):
	 * RedisRelayReconnectTests reads them from a relay's Prometheus scrape.
	 */
	private static final Set<String> ONLY_WITH_REDIS = Set.of("spark_realtime_relay_connected");

	/**
	 * Labels Prometheus adds to every scraped series (prometheus.yml's job and the
	 * target).
	 */
	private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan");

	private static final Pattern SELECTOR = Pattern
		.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{([^}]*)\\})?\\s*(\\()?");

	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void promtoolAcceptsTheConfigAndTheAlertTestsPass() throws Exception {
		Tools.require("promtool");

		Tools.Result check = Tools.run("bash", "deploy/prometheus/check.sh");

		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("SUCCESS: 1 rule files found")
			.contains("SUCCESS: " + alertsInFile() + " rules found")
			.contains("prometheus config and alerts OK");
	}

	@Test
	void everyMetricAnAlertReadsIsOnTheNodesMetrics() throws Exception {
		Api api = new Api(this.port);
		api.get("/api/health");
		String metrics = new Api(this.managementPort).get("/metrics", "Accept", "text/plain").text();

		Map<String, List<String>> used = metricsUsedByAlerts();

		assertThat(used).containsKeys("http_server_requests_seconds_bucket", "hikaricp_connections_pending",
				"spark_realtime_streams", "jvm_gc_live_data_size_bytes");
		used.forEach((metric, matchers) -> {
			List<String> samples = metrics.lines()
				.filter((line) -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
				.toList();
			assertThat(samples).as("samples of %s on /metrics", metric).isNotEmpty();
			for (String matcher : matchers) {
				Matcher m = MATCHER.matcher(matcher);
				assertThat(m.matches()).isTrue();
				String label = m.group(1);
				String needle = m.group(2).equals("=") ? label + "=\"" + m.group(3) + "\"" : label + "=\"";
				assertThat(samples).as("%s has a sample with %s", metric, needle)
					.anySatisfy((sample) -> assertThat(sample).contains(needle));
			}
		});
	}

	/** Metric name → the label matchers alerts use on it (target labels left out). */
	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> metricsUsedByAlerts() throws Exception {
		Map<String, Object> file = new Yaml().load(Files.readString(Path.of("deploy/prometheus/alerts.yml")));
		Map<String, List<String>> used = new LinkedHashMap<>();
		int rules = 0;
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				rules++;
				if (BACKUPS.equals(group.get("name"))) {
					continue; // node_exporter's, from the backup scripts:
								// PointInTimeRecoveryTests
				}
				String expr = rule.get("expr")
					.toString()
					.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
					.replaceAll("\\[[^\\]]*\\]", " ");
				Matcher selector = SELECTOR.matcher(expr);
				while (selector.find()) {
					String name = selector.group(1);
					if (selector.group(4) != null || KEYWORDS.contains(name) || SYNTHETIC.contains(name)
							|| ONLY_WITH_REDIS.contains(name)) {
						continue; // a function, an operator, or Prometheus's own
					}
					List<String> matchers = used.computeIfAbsent(name, (key) -> new ArrayList<>());
					if (selector.group(3) != null) {
						Matcher matcher = MATCHER.matcher(selector.group(3));
						while (matcher.find()) {
							if (!TARGET_LABELS.contains(matcher.group(1))) {
								matchers.add(matcher.group());
							}
						}
					}
				}
			}
		}
		assertThat(rules).isEqualTo(alertsInFile());
		return used;
	}

	/** How many alerts alerts.yml names (its {@code - alert:} lines). */
	private static long alertsInFile() throws Exception {
		return Files.readAllLines(Path.of("deploy/prometheus/alerts.yml"))
			.stream()
			.filter((line) -> line.strip().startsWith("- alert:"))
			.count();
	}

}
