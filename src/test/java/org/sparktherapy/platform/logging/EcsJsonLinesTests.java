package org.sparktherapy.platform.logging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EcsJsonLinesTests {

	private final MockEnvironment environment = new MockEnvironment()
		.withProperty("logging.structured.ecs.service.name", "sparktherapy")
		.withProperty("logging.structured.ecs.service.node-name", "node-a");

	private final LoggerContext context = new LoggerContext();

	EcsJsonLinesTests() {
		this.context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
	}

	@Test
	void writesTheSameBytesAsBootsEcsFormat() {
		StructuredLogEncoder boot = encoder("ecs");
		StructuredLogEncoder ours = encoder(EcsJsonLines.class.getName());

		for (ILoggingEvent event : events()) {
			byte[] expected = boot.encode(event);

			assertThat(new String(ours.encode(event), StandardCharsets.UTF_8))
				.isEqualTo(new String(expected, StandardCharsets.UTF_8));
			assertThat(ours.encode(event)).isEqualTo(expected);
		}
		String access = new String(ours.encode(events().get(1)), StandardCharsets.UTF_8);
		assertThat(access).contains("\"node-a\"", "2f9c1b7e-5d7e-4c43-9e0f-3c2f0b6f7a10", "2001:db8::1").endsWith("\n");
		assertThat(new String(ours.encode(events().get(3)), StandardCharsets.UTF_8)).contains("IOException: inner");
	}

	@Test
	void reachesBootsOwnEcsFormatter() {
		assertThat(EcsJsonLines.reachesBoot())
			.as("Boot's ECS formatter (%s) can be made; else every line takes Boot's slow path", EcsJsonLines.BOOT_ECS)
			.isTrue();
	}

	@Test
	void theShippedSettingsNameThisFormat() throws Exception {
		var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
		yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yml"));

		assertThat(yaml.getObject().getProperty("logging.structured.format.console"))
			.isEqualTo(EcsJsonLines.class.getName());
	}

	private StructuredLogEncoder encoder(String format) {
		return EcsJsonLines.encoder(this.environment, format);
	}

	private List<ILoggingEvent> events() {
		LoggingEvent plain = event(Level.INFO, "Started in {} s", 4.1);

		LoggingEvent access = event(Level.INFO, "GET /api/children/{id} 200");
		access.setMDCPropertyMap(Map.of("requestId", "2f9c1b7e-5d7e-4c43-9e0f-3c2f0b6f7a10"));
		access.addKeyValuePair(new KeyValuePair("http.status", 200));
		access.addKeyValuePair(new KeyValuePair("duration_ms", 12L));
		access.addKeyValuePair(new KeyValuePair("client", "2001:db8::1"));

		LoggingEvent escaped = event(Level.WARN,
				"quotes \" backslash \\ tab \t newline \n unicode é ✓ 🙂 control \u0001");
		escaped.addMarker(MarkerFactory.getMarker("AUDIT"));

		LoggingEvent failed = event(Level.ERROR, "Request failed");
		failed.setThrowableProxy(new ThrowableProxy(new IllegalStateException("outer",
				new java.io.UncheckedIOException(new java.io.IOException("inner")))));
		return List.of(plain, access, escaped, failed);
	}

	private LoggingEvent event(Level level, String message, Object... arguments) {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerContext(this.context);
		event.setLoggerName("org.sparktherapy.platform.web.RequestIdFilter");
		event.setLevel(level);
		event.setMessage(message);
		event.setArgumentArray((arguments.length > 0) ? arguments : null);
		event.setThreadName("jetty-17");
		event.setInstant(Instant.parse("2026-12-06T02:30:00.123456Z"));
		return event;
	}

}
