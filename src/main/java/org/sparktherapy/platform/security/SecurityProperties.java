package org.sparktherapy.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings ({@code spark.security.*}).
 *
 * @param jwtSecret base64 HMAC key (at least 32 bytes) shared by all nodes; when empty a
 * key is generated once and kept under the data dir, which suits a single node
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token (each refresh rotates it)
 * @param signInMaxAge how long one sign-in lasts at most, however often it is refreshed
 */
@ConfigurationProperties("spark.security")
public record SecurityProperties(String jwtSecret, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("14d") Duration refreshTokenTtl, @DefaultValue("30d") Duration signInMaxAge) {

	/**
	 * The {@code iss} of our access tokens; the decoder refuses any other. An absolute
	 * URL (never fetched): Spring's claim converter tries to read {@code iss} as a URL
	 * first, and a bare word made it throw and catch an exception on every request (issue
	 * 16). Changing it signs out nobody: an access token lives minutes and the web app
	 * renews it with the refresh cookie, which carries no issuer.
	 */
	public static final String TOKEN_ISSUER = "https://sparktherapy.org/tokens";

}
