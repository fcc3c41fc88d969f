package org.sparktherapy.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-registration and invitations ({@code spark.identity.signup.*}, ADR 0039).
 *
 * @param verificationLifetime how long a registration's verification link works
 * @param invitationLifetime how long an invitation's link works
 * @param registrationsPerEmail registration requests for one e-mail address within the
 * sign-in throttle's window before the address is locked for its lockout time
 * @param registrationsPerAddress registration requests from one client address within the
 * window
 * @param clinicName the clinic's name, as invitations show it
 * ({@code SPARK_IDENTITY_SIGNUP_CLINIC_NAME})
 */
@ConfigurationProperties("spark.identity.signup")
record SignupProperties(@DefaultValue("24h") Duration verificationLifetime,
		@DefaultValue("7d") Duration invitationLifetime, @DefaultValue("3") int registrationsPerEmail,
		@DefaultValue("10") int registrationsPerAddress, @DefaultValue("SPARKTherapy") String clinicName) {
}
