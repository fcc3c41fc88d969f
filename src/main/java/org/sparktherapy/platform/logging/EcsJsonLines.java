package org.sparktherapy.platform.logging;

import java.lang.reflect.Constructor;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

import org.springframework.boot.logging.StackTracePrinter;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.ContextPairs;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's Elastic Common Schema lines ({@code logging.structured.format.console:
 * ecs}), the same bytes, made about three times cheaper (in a child read's profile).
 * <p>
 * Boot writes each line's JSON through an unbuffered {@code OutputStreamWriter}, one
 * character at a time: every character is a separate trip through the charset encoder
 * with two small allocations (spring-boot#49428). That was ~5 % of the CPU of a child
 * read and a fifth of all it allocated, for the one access-log line per request (ADR
 * 0048). This formatter has Boot's own ECS formatter write the line into a {@code String}
 * (a {@code StringBuilder}, the fast path Boot already has) and encodes it once.
 * <p>
 * Boot's ECS formatter is package-private, so it is made by reflection, with the
 * parameters Boot gives a formatter named by class. Should a later Boot change it, this
 * falls back to Boot's own encoder (correct lines, Boot's cost) rather than fail the
 * start; {@code EcsJsonLinesTests} then fails until this class is updated or removed.
 * Configured in {@code application.yml}; remove it once Boot writes bytes directly.
 */
public final class EcsJsonLines implements StructuredLogFormatter<ILoggingEvent> {

	static final String BOOT_ECS = "org.springframework.boot.logging.logback.ElasticCommonSchemaStructuredLogFormatter";

	private final StructuredLogFormatter<ILoggingEvent> ecs;

	private final StructuredLogEncoder fallback;

	public EcsJsonLines(Environment environment, StackTracePrinter stackTracePrinter, ContextPairs contextPairs,
			ThrowableProxyConverter throwableProxyConverter,
			StructuredLoggingJsonMembersCustomizer.Builder<?> jsonMembersCustomizerBuilder) {
		StructuredLogFormatter<ILoggingEvent> boot = boot(environment, stackTracePrinter, contextPairs,
				throwableProxyConverter, jsonMembersCustomizerBuilder);
		this.ecs = boot;
		this.fallback = (boot != null) ? null : bootEncoder(environment);
	}

	/** Whether Boot's ECS formatter can be made here (else lines take Boot's encoder). */
	static boolean reachesBoot() {
		try {
			constructor();
			return true;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return false;
		}
	}

	@Override
	public String format(ILoggingEvent event) {
		if (this.ecs != null) {
			return this.ecs.format(event);
		}
		return new String(this.fallback.encode(event), StandardCharsets.UTF_8);
	}

	@Override
	public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
		if (this.ecs != null) {
			return this.ecs.format(event).getBytes(charset);
		}
		return StandardCharsets.UTF_8.equals(charset) ? this.fallback.encode(event) : format(event).getBytes(charset);
	}

	@SuppressWarnings("unchecked")
	private static StructuredLogFormatter<ILoggingEvent> boot(Environment environment,
			StackTracePrinter stackTracePrinter, ContextPairs contextPairs,
			ThrowableProxyConverter throwableProxyConverter,
			StructuredLoggingJsonMembersCustomizer.Builder<?> builder) {
		try {
			return (StructuredLogFormatter<ILoggingEvent>) constructor().newInstance(environment, stackTracePrinter,
					contextPairs, throwableProxyConverter, builder);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static Constructor<?> constructor() throws ReflectiveOperationException {
		Constructor<?> constructor = Class.forName(BOOT_ECS, false, StructuredLogEncoder.class.getClassLoader())
			.getDeclaredConstructor(Environment.class, StackTracePrinter.class, ContextPairs.class,
					ThrowableProxyConverter.class, StructuredLoggingJsonMembersCustomizer.Builder.class);
		constructor.setAccessible(true);
		return constructor;
	}

	private static StructuredLogEncoder bootEncoder(Environment environment) {
		return encoder(environment, "ecs");
	}

	/**
	 * A started logback encoder writing {@code format} ("ecs", or a formatter's class
	 * name such as this one's) for the given environment, as Boot's console appender
	 * would, in UTF-8: for this class's fallback, and for tests that check log lines.
	 */
	public static StructuredLogEncoder encoder(Environment environment, String format) {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.putObject(Environment.class.getName(), environment);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(format);
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.start();
		return encoder;
	}

}
