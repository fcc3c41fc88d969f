package org.sparktherapy.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.sparktherapy.platform.security.SecurityProperties;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs short-lived access tokens. They carry the account id, role and sign-in (family)
 * id; nothing clinical.
 */
@Component
class AccessTokens {

	static final String SESSION_CLAIM = "sid";

	static final String ROLE_CLAIM = "role";

	private final JwtEncoder encoder;

	private final Clock clock;

	private final SecurityProperties properties;

	AccessTokens(JwtEncoder encoder, Clock clock, SecurityProperties properties) {
		this.encoder = encoder;
		this.clock = clock;
		this.properties = properties;
	}

	String issue(Account account, UUID familyId) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(SecurityProperties.TOKEN_ISSUER)
			.subject(account.id().toString())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.accessTokenTtl()))
			.claim(ROLE_CLAIM, account.role().value())
			.claim(SESSION_CLAIM, familyId.toString())
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	long expiresInSeconds() {
		return this.properties.accessTokenTtl().toSeconds();
	}

}
