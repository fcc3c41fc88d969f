package org.sparktherapy.platform.web;

import java.util.List;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Jetty (ADR 0052): forwarding headers count only from the trusted proxies
 * ({@code spark.web.trusted-proxies}, {@link TrustedProxies}; Spring Boot's own
 * forward-headers strategy is off, as Jetty's customizer would believe anyone), and a
 * path with an empty segment ({@code /api/x//y}) reaches the app as on Tomcat, where
 * Spring Security's firewall refuses it with the app's problem details, its request id
 * and its route's metrics, instead of Jetty's own bare 400 (every other ambiguous path —
 * {@code %2F}, {@code %2e%2e}, {@code ;} parameters in segments — Jetty still refuses
 * before the app, as its default URI compliance says, answered as problem details by
 * {@link ProblemErrorHandler}).
 */
@Configuration(proxyBeanMethods = false)
class JettyConfiguration {

	@Bean
	WebServerFactoryCustomizer<JettyServletWebServerFactory> trustedProxiesCustomizer(
			@Value("${spark.web.trusted-proxies}") List<String> proxies, JsonMapper json) {
		TrustedProxies trusted = new TrustedProxies(proxies);
		UriCompliance compliance = UriCompliance.DEFAULT.with("SPARKTHERAPY",
				UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT);
		return factory -> factory.addServerCustomizers(server -> {
			server.setErrorHandler(new ProblemErrorHandler(json));
			for (var connector : server.getConnectors()) {
				for (var connectionFactory : connector.getConnectionFactories()) {
					if (connectionFactory instanceof HttpConfiguration.ConnectionFactory http) {
						http.getHttpConfiguration().addCustomizer(trusted);
						http.getHttpConfiguration().setUriCompliance(compliance);
					}
				}
			}
			// the servlet API answers such a path (getServletPath) instead of throwing
			for (ServletContextHandler context : server.getDescendants(ServletContextHandler.class)) {
				context.getServletHandler().setDecodeAmbiguousURIs(true);
			}
		});
	}

}
