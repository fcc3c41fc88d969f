package org.sparktherapy.platform.web.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node's health on the public port, for NGINX and load balancers: whether this node
 * should get requests. Not ready ({@code OUT_OF_SERVICE}, 503) until its start-up work is
 * done (Spring Boot's readiness: after every application runner) and again from the
 * moment it starts to stop (the drain, ADR 0044); otherwise the actuator's health (the
 * database answers), status only. The actuator itself lives on the management port with
 * metrics and the API docs, which NGINX never proxies.
 */
@RestController
@Tag(name = "Health", description = "Whether this node can serve")
class HealthController {

	private final HealthEndpoint health;

	private final ApplicationAvailability availability;

	HealthController(HealthEndpoint health, ApplicationAvailability availability) {
		this.health = health;
		this.availability = availability;
	}

	/** The node's health, status only. */
	record HealthResponse(String status) {
	}

	@GetMapping("/api/health")
	@Operation(summary = "Whether this node can serve",
			description = "200 with status UP while the node is ready and the database answers, else 503 with the "
					+ "status: OUT_OF_SERVICE while the node starts (until its start-up work is done) or drains "
					+ "before stopping, DOWN while the database cannot be reached. No details. Public.")
	ResponseEntity<HealthResponse> health() {
		Status status = (this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC)
				? this.health.health().getStatus() : Status.OUT_OF_SERVICE;
		return ResponseEntity.status(Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new HealthResponse(status.getCode()));
	}

}
