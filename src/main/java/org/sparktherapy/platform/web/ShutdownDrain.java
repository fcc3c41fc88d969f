package org.sparktherapy.platform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Drains a stopping node before the web server's graceful shutdown (ADR 0044). When the
 * context closes (SIGTERM's shutdown hook), Spring Boot first marks the node not ready
 * ({@code /api/health} answers 503); then, for {@code spark.shutdown.drain}, this node
 * keeps serving everything as before, but answers every request with
 * {@code Connection: close}, so NGINX keeps no pooled connection to it, while its own
 * upstream {@code keepalive_timeout} ends the idle ones. Only then do the live streams
 * end (their clients reconnect, through NGINX, to another node) and Jetty's graceful
 * shutdown close the port and finish the requests in flight: a request NGINX sends
 * afterwards is refused before any of it was sent, which NGINX retries on another node
 * whatever its method.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ShutdownDrain extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final ApplicationContext context;

	private final ShutdownProperties properties;

	private final AtomicBoolean draining = new AtomicBoolean();

	ShutdownDrain(ApplicationContext context, ShutdownProperties properties) {
		this.context = context;
		this.properties = properties;
	}

	/**
	 * Runs on the closing thread after readiness went down and before any lifecycle stops
	 * (live streams, schedulers, the web server): the node still works fully.
	 */
	@EventListener
	void drain(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.context || !this.draining.compareAndSet(false, true)) {
			return;
		}
		long millis = this.properties.drain().toMillis();
		if (millis <= 0) {
			return;
		}
		log.info("Draining for {} ms before shutdown: not ready, closing connections after each answer", millis);
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.draining.get()) {
			response.setHeader(HttpHeaders.CONNECTION, "close");
		}
		chain.doFilter(request, response);
	}

}
