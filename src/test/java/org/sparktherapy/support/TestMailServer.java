package org.sparktherapy.support;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for the whole test JVM, on a free port, which every
 * application context of the {@code test} profile sends its mail to (registered in
 * {@code META-INF/spring.factories}). Tests find their mail by the recipient's unique
 * address.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail server;

	/** The server, started on first use. */
	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
				.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var environment = context.getEnvironment();
		if (!Arrays.asList(environment.getActiveProfiles()).contains("test")
				|| environment.containsProperty("spring.mail.host")) {
			return;
		}
		int port = server().getSmtp().getPort();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test-mail-server",
					Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
	}

	/** The mails received so far for the address. */
	public static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> to.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * Waits up to 30 s for a mail to the address whose subject starts with the prefix,
	 * and returns the first.
	 */
	public static MimeMessage awaitMail(String address, String subjectPrefix) {
		return org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> mailsTo(address, subjectPrefix), list -> !list.isEmpty())
			.get(0);
	}

	/** The mails received so far for the address whose subject starts with the prefix. */
	public static List<MimeMessage> mailsTo(String address, String subjectPrefix) {
		return mailsTo(address).stream().filter(message -> subject(message).startsWith(subjectPrefix)).toList();
	}

	/** A mail's plain text. */
	public static String text(MimeMessage message) {
		try {
			Object content = message.getContent();
			return (content instanceof String text) ? text : String.valueOf(content);
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first match of the pattern's first group in the text. */
	public static String find(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("no " + regex + " in: " + text);
		}
		return matcher.group(1);
	}

	public TestMailServer() {
	}

}
