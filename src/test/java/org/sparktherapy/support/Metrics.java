package org.sparktherapy.support;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scrape of a node's {@code /metrics} (Prometheus text format, management port), read
 * by sample name and tags.
 */
public final class Metrics {

	private final List<String> lines;

	private Metrics(String text) {
		this.lines = text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
	}

	/** Scrapes the node whose management port this is. */
	public static Metrics scrape(int managementPort) {
		Api.Response response = new Api(managementPort).get("/metrics");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return new Metrics(response.text());
	}

	/**
	 * The sum of the samples named {@code name} (as Prometheus shows it, e.g.
	 * {@code spark_sessions_events_total}) whose labels include every {@code label=value}
	 * given; fails when there is none.
	 */
	public double value(String name, String... labels) {
		List<Double> values = new ArrayList<>();
		for (String line : this.lines) {
			int brace = line.indexOf('{');
			int space = line.lastIndexOf(' ');
			String sample = line.substring(0, (brace >= 0) ? brace : space);
			if (!sample.equals(name)) {
				continue;
			}
			String labelText = (brace >= 0) ? line.substring(brace, line.indexOf('}') + 1) : "";
			boolean all = true;
			for (String label : labels) {
				int equals = label.indexOf('=');
				String wanted = label.substring(0, equals) + "=\"" + label.substring(equals + 1) + "\"";
				all &= labelText.contains("{" + wanted) || labelText.contains("," + wanted);
			}
			if (all) {
				values.add(Double.parseDouble(line.substring(space + 1)));
			}
		}
		assertThat(values).as("samples of %s %s", name, List.of(labels)).isNotEmpty();
		return values.stream().mapToDouble(Double::doubleValue).sum();
	}

}
