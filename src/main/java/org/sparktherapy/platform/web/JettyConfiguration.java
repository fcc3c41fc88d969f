package org.sparktherapy.platform.web;

import java.util.List;

import org.eclipse.jetty.server.HttpConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Jetty (ADR 0052): forwarding headers count only from the trusted proxies
 * ({@code spark.web.trusted-proxies}, {@link TrustedProxies}; Spring Boot's own
 * forward-headers strategy is off, as Jetty's customizer would believe anyone).
 */
@Configuration(proxyBeanMethods = false)
class JettyConfiguration {

	@Bean
	WebServerFactoryCustomizer<JettyServletWebServerFactory> trustedProxiesCustomizer(
			@Value("${spark.web.trusted-proxies}") List<String> proxies) {
		TrustedProxies trusted = new TrustedProxies(proxies);
		return factory -> factory.addServerCustomizers(server -> {
			for (var connector : server.getConnectors()) {
				for (var connectionFactory : connector.getConnectionFactories()) {
					if (connectionFactory instanceof HttpConfiguration.ConnectionFactory http) {
						http.getHttpConfiguration().addCustomizer(trusted);
					}
				}
			}
		});
	}

}
