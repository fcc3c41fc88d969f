package org.sparktherapy.platform.web.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node's health on the public port, for NGINX and load balancers: the actuator's
 * health (the database answers), status only. The actuator itself lives on the management
 * port with metrics and the API docs, which NGINX never proxies.
 */
@RestController
@Tag(name = "Health", description = "Whether this node can serve")
class HealthController {

	private final HealthEndpoint health;

	HealthController(HealthEndpoint health) {
		this.health = health;
	}

	/** The node's health, status only. */
	record HealthResponse(String status) {
	}

	@GetMapping("/api/health")
	@Operation(summary = "Whether this node can serve",
			description = "200 with status UP while the database answers, else 503 with the status; no details. "
					+ "Public.")
	ResponseEntity<HealthResponse> health() {
		Status status = this.health.health().getStatus();
		return ResponseEntity.status(Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new HealthResponse(status.getCode()));
	}

}
