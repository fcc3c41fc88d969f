package org.sparktherapy.platform.mail;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mails come from and where their links point ({@code spark.public-url},
 * {@code spark.mail.from}). The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * ({@code SPRING_MAIL_HOST}, …): without a host no mail is sent.
 *
 * @param publicUrl the address people reach the web app at, for links in mails
 * ({@code SPARK_PUBLIC_URL})
 * @param mail the sender
 */
@ConfigurationProperties("spark")
public record MailSettings(@DefaultValue("http://localhost:5000") URI publicUrl, @DefaultValue Mail mail) {

	/**
	 * @param from the {@code From} header ({@code SPARK_MAIL_FROM})
	 */
	public record Mail(@DefaultValue("SPARKTherapy <no-reply@sparktherapy.local>") String from) {
	}

}
