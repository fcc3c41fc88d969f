package org.sparktherapy.sessions.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What this node recorded, for the operator (ADR 0045): sessions created
 * ({@code started}) and submitted, and data events by outcome ({@code accepted}: stored
 * now; {@code duplicate}: already stored, a replayed offline queue). Counted after the
 * transaction committed, through the API only (demo data is not counted).
 */
@Component
class SessionMetrics {

	private final Counter created;

	private final Counter submitted;

	private final Counter accepted;

	private final Counter duplicates;

	SessionMetrics(MeterRegistry meters) {
		// not "created": Prometheus keeps a counter's "_created" suffix for its creation
		// time
		this.created = Counter.builder("spark.sessions.started")
			.description("Sessions created (started on a tablet and first saved)")
			.register(meters);
		this.submitted = Counter.builder("spark.sessions.submitted")
			.description("Sessions signed and submitted")
			.register(meters);
		this.accepted = events(meters, "accepted");
		this.duplicates = events(meters, "duplicate");
	}

	private static Counter events(MeterRegistry meters, String outcome) {
		return Counter.builder("spark.sessions.events")
			.description("Session data events received in batches, by outcome (accepted, duplicate)")
			.tag("outcome", outcome)
			.register(meters);
	}

	void created() {
		this.created.increment();
	}

	void submitted() {
		this.submitted.increment();
	}

	void recorded(SessionRecording.BatchResult result) {
		this.accepted.increment(result.accepted().size());
		this.duplicates.increment(result.duplicates().size());
	}

}
