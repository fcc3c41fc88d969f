package org.sparktherapy.platform.web;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet filters Jetty runs on every request are the app's and Spring's only: no
 * WebSocket upgrade filter (ADR 0052). The app has no WebSocket endpoint; with Jetty's
 * WebSocket servers on the classpath (the jetty starter brings them, {@code pom.xml}
 * excludes them) Jetty installs a filter that copied every request's headers into a
 * wrapper of its own, ~2–3 % of a request's CPU.
 */
@IntegrationTest
class JettyFiltersIntegrationTests {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void noWebSocketUpgradeFilterRunsOnRequests() {
		JettyWebServer server = (JettyWebServer) this.context.getWebServer();
		List<String> filters = server.getServer()
			.getDescendants(ServletContextHandler.class)
			.stream()
			.flatMap(handler -> Arrays.stream(handler.getServletHandler().getFilters()))
			.map(FilterHolder::getClassName)
			.toList();

		assertThat(filters).as("the app's own filters are seen here")
			.anyMatch(name -> name.contains("RequestIdFilter"));
		assertThat(filters).noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("websocket"));
	}

}
