/**
 * Mail for every module: {@link org.sparktherapy.platform.mail.Mailer} over Spring's mail
 * support, off until {@code spring.mail.host} is set, with the sender and the public
 * address for links ({@code spark.mail.from}, {@code spark.public-url}).
 */
package org.sparktherapy.platform.mail;
