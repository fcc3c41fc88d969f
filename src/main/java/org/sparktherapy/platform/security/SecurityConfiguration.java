package org.sparktherapy.platform.security;

import org.sparktherapy.platform.web.ProblemResponses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter.HeaderValue;

/**
 * Stateless security: every {@code /api/**} call carries a bearer JWT (verified by Spring
 * Security's resource server) except the sign-in endpoints and health; the web app's
 * static files are public. Metrics and the API docs are not on this port at all but on
 * the management port, which NGINX never proxies. Refusals are problem details. Headers
 * mirror the operations manual's NGINX config so the app is safe without it too.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * No page of ours may be framed (clickjacking), and no inline style or script runs:
	 * the web app's styles are files, and React sets its few computed styles through the
	 * CSSOM, which {@code style-src} does not govern.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; manifest-src 'self'; worker-src 'self'";

	/**
	 * No observations of Spring Security's own: with an observation registry it wraps
	 * each of the chain's filters in observations of its own and records two events per
	 * filter (each a counter looked up in the meter registry), and it observes every
	 * authentication and every authorization decision as well — on every request. That
	 * work showed in the per-request CPU profile (issue 16, ADR 0048: the filters in
	 * session 13, the authentication and authorization observations, about 4 % of a child
	 * read's CPU, in session 14), and nothing of ours reads what it produces (the metrics
	 * {@code spring_security_filterchains*}, {@code spring_security_authentications*} and
	 * {@code spring_security_authorizations*}: no alert, dashboard or test). The request
	 * itself stays observed ({@code http.server.requests}); sign-ins have metrics of
	 * their own ({@code spark_identity_signins_total}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Failed authentications are published as Spring Security's default publisher does;
	 * successful ones are not. Every API request whose bearer token is accepted is a
	 * successful authentication, and publishing it runs the application's whole event
	 * machinery (Spring Modulith's multicaster included) for an event nothing here
	 * listens to: about 1 % of a child read's CPU (issue 16, ADR 0048, session 15).
	 * Sign-ins have their own account events (ADR 0005).
	 */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		return new FailuresOnly(new DefaultAuthenticationEventPublisher(events));
	}

	/** Publishes failed authentications through the default publisher, and no success. */
	static final class FailuresOnly implements AuthenticationEventPublisher {

		private final AuthenticationEventPublisher delegate;

		FailuresOnly(AuthenticationEventPublisher delegate) {
			this.delegate = delegate;
		}

		@Override
		public void publishAuthenticationSuccess(Authentication authentication) {
		}

		@Override
		public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
			this.delegate.publishAuthenticationFailure(exception, authentication);
		}

	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems,
			ObjectProvider<Converter<Jwt, ? extends AbstractAuthenticationToken>> principalConverter) {
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> problems.write(response,
				ProblemResponses.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
						"Sign in to continue: the access token is missing, expired or invalid.", request));
		AccessDeniedHandler denied = (request, response, ex) -> problems.write(response, ProblemResponses
			.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.", request));
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/api/auth/login", "/api/auth/register", "/api/auth/refresh", "/api/auth/logout",
						"/api/health", "/api/health/**")
				.permitAll()
				// the second step of a sign-in: the single-use challenge is the
				// credential
				// (ADR 0038)
				.requestMatchers(HttpMethod.POST, "/api/auth/login/second-factor", "/api/auth/login/enrollment",
						"/api/auth/login/enrollment/confirm")
				.permitAll()
				// forgotten password: the person cannot sign in; the single-use token is
				// the credential
				.requestMatchers(HttpMethod.POST, "/api/auth/forgot-password", "/api/auth/reset-password")
				.permitAll()
				// a registration's or an invitation's single-use token is the credential
				// (ADR 0039)
				.requestMatchers(HttpMethod.POST, "/api/auth/verify-email", "/api/auth/invitation",
						"/api/auth/accept-invitation")
				.permitAll()
				// private calendar feeds: the secret token in the address is the
				// credential
				.requestMatchers(HttpMethod.GET, "/api/calendar/*.ics")
				.permitAll()
				// the clinic export's one-time download link: its single-use token is the
				// credential (ADR 0036)
				.requestMatchers(HttpMethod.GET, "/api/reports/clinic-export/download")
				.permitAll()
				// the event stream: a bearer token (checked as everywhere) or a stream
				// ticket (checked by the stream)
				.requestMatchers(HttpMethod.GET, "/api/events")
				.permitAll()
				// the demo clinic's logins for its sign-in page (the route exists only in
				// the demo profile)
				.requestMatchers(HttpMethod.GET, "/api/demo/logins")
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(denied)
				.bearerTokenResolver(new BearerTokens())
				.jwt(jwt -> principalConverter.ifAvailable(jwt::jwtAuthenticationConverter)))
			.exceptionHandling(
					handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.headers(headers -> headers.frameOptions(frame -> frame.deny())
				.xssProtection(xss -> xss.headerValue(HeaderValue.ENABLED_MODE_BLOCK))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
				.permissionsPolicyHeader(
						permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

}
