package org.sparktherapy.platform.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.web.context.support.ServletRequestHandledEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An accepted bearer token publishes no authentication event (one per API request, for
 * nothing that listens: ADR 0048, session 15); a failed authentication is still published
 * as Spring Security's default publisher does.
 */
@IntegrationTest
class AuthenticationEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	AuthenticationEventPublisher publisher;

	@Test
	void acceptedTokensPublishNothingAndFailuresArePublished() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		List<AbstractAuthenticationEvent> events = new CopyOnWriteArrayList<>();
		List<ServletRequestHandledEvent> handled = new CopyOnWriteArrayList<>();
		ApplicationListener<ApplicationEvent> listener = (event) -> {
			if (event instanceof AbstractAuthenticationEvent authentication) {
				events.add(authentication);
			}
			if (event instanceof ServletRequestHandledEvent request) {
				handled.add(request);
			}
		};
		this.context.addApplicationListener(listener);
		try {
			for (int i = 0; i < 3; i++) {
				assertThat(parent.api().get("/api/auth/profile").status()).isEqualTo(200);
			}
			assertThat(events).as("no event for accepted bearer tokens").isEmpty();
			assertThat(handled).as("no event after each request either").isEmpty();

			this.publisher.publishAuthenticationFailure(new BadCredentialsException("wrong"),
					UsernamePasswordAuthenticationToken.unauthenticated("someone", "secret"));

			assertThat(events).singleElement().isInstanceOf(AuthenticationFailureBadCredentialsEvent.class);
		}
		finally {
			this.context.removeApplicationListener(listener);
		}
	}

}
