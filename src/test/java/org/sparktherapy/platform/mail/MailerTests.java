package org.sparktherapy.platform.mail;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

class MailerTests {

	@Test
	void withoutAnSmtpHostMailIsOffAndSendingDoesNothing() {
		Mailer mailer = new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
				new MailSettings(URI.create("https://clinic.example/"), new MailSettings.Mail("x@clinic.example")));

		assertThat(mailer.enabled()).isFalse();
		assertThat(mailer.send("someone@clinic.example", "Subject", "Text")).isFalse();
	}

	@Test
	void linksStartAtThePublicAddress() {
		Mailer mailer = new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
				new MailSettings(URI.create("https://clinic.example/"), new MailSettings.Mail("x@clinic.example")));

		assertThat(mailer.link("/reset-password#token=abc"))
			.isEqualTo("https://clinic.example/reset-password#token=abc");
	}

}
