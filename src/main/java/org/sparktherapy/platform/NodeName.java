package org.sparktherapy.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The node's name in its log lines ({@code service.node.name} of the JSON logs):
 * {@code spark.node-name} ({@code SPARK_NODE_NAME}), by default the host's name, so the
 * lines of several nodes behind NGINX can be told apart once collected (ADR 0041). Set
 * before logging starts, as the lowest-precedence default.
 */
class NodeName implements EnvironmentPostProcessor {

	static final String PROPERTY = "spark.node-name";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty(PROPERTY)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("sparkNodeName", Map.of(PROPERTY, hostName())));
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			String fromEnvironment = System.getenv("HOSTNAME");
			return (fromEnvironment != null && !fromEnvironment.isBlank()) ? fromEnvironment : "unknown";
		}
	}

}
