package org.sparktherapy.identity.internal;

import java.util.List;
import java.util.UUID;

import org.sparktherapy.identity.CurrentUser;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified access token into the request's {@link CurrentUser}, reading the
 * account and its sign-in each time: a deactivated account's, a logged-out or revoked
 * sign-in's unexpired tokens stop working at once, and a changed role applies at once.
 * Both are read in one statement (ADR 0048): a request pays one round trip for its
 * identity.
 */
@Component
class JwtPrincipalConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final AccountRepository accounts;

	JwtPrincipalConverter(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		UUID id;
		UUID session;
		try {
			id = UUID.fromString(jwt.getSubject());
			session = UUID.fromString(jwt.getClaimAsString(AccessTokens.SESSION_CLAIM));
		}
		catch (RuntimeException ex) {
			throw new InvalidBearerTokenException("malformed token subject");
		}
		CurrentUser user = this.accounts.signedIn(id, session)
			.orElseThrow(() -> new InvalidBearerTokenException("account inactive or sign-in ended"));
		return new UserAuthentication(user, jwt);
	}

	static final class UserAuthentication extends AbstractAuthenticationToken {

		private final CurrentUser user;

		private final Jwt jwt;

		UserAuthentication(CurrentUser user, Jwt jwt) {
			super(List.of(new SimpleGrantedAuthority(user.role().authority())));
			this.user = user;
			this.jwt = jwt;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return this.jwt;
		}

		@Override
		public Object getPrincipal() {
			return this.user;
		}

		@Override
		public String getName() {
			return this.user.id().toString();
		}

	}

}
