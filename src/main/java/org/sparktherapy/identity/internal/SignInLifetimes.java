package org.sparktherapy.identity.internal;

import java.time.Duration;

import org.sparktherapy.identity.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a sign-in lasts, by who signed in ({@code spark.security.sign-in.*}). Checked
 * when its refresh token is presented: a refresh past either limit ends the sign-in.
 * Staff (admins, therapists) see clinical records, often on shared clinic devices;
 * parents see their own family's data on their own phone.
 *
 * @param staffIdleTimeout staff: the longest time between two refreshes of one sign-in
 * @param staffMaxAge staff: the longest a sign-in lasts from its start, however often it
 * is refreshed
 * @param parentIdleTimeout parents: the longest time between two refreshes
 * @param parentMaxAge parents: the longest a sign-in lasts from its start
 */
@ConfigurationProperties("spark.security.sign-in")
record SignInLifetimes(@DefaultValue("30m") Duration staffIdleTimeout, @DefaultValue("12h") Duration staffMaxAge,
		@DefaultValue("7d") Duration parentIdleTimeout, @DefaultValue("30d") Duration parentMaxAge) {

	Duration idleTimeout(Role role) {
		return role == Role.PARENT ? this.parentIdleTimeout : this.staffIdleTimeout;
	}

	Duration maxAge(Role role) {
		return role == Role.PARENT ? this.parentMaxAge : this.staffMaxAge;
	}

}
