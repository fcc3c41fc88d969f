package org.sparktherapy.platform.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Plain-text mail for every module, through Spring's mail support. Mail is off unless
 * {@code spring.mail.host} is set (Spring Boot then creates the {@link JavaMailSender});
 * {@link #send} then does nothing and says so.
 *
 * <p>
 * Rules for callers: send only after the database work committed, never inside a
 * transaction; put no clinical data and no child's name into a mail, only a short
 * sentence and a link into the app; never log addresses.
 */
@Component
public class Mailer {

	private final ObjectProvider<JavaMailSender> sender;

	private final MailSettings settings;

	public Mailer(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	/** Whether an SMTP server is configured. */
	public boolean enabled() {
		return this.sender.getIfAvailable() != null;
	}

	/**
	 * Sends a plain-text mail. Returns false when mail is off.
	 * @throws MailException when the server refuses or cannot be reached
	 */
	public boolean send(String to, String subject, String text) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.settings.mail().from());
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		mail.send(message);
		return true;
	}

	/**
	 * An absolute link into the web app: {@code path} starts with {@code /} (and may
	 * carry a query or fragment).
	 */
	public String link(String path) {
		String base = this.settings.publicUrl().toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
