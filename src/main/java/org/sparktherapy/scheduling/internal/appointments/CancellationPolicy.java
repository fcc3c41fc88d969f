package org.sparktherapy.scheduling.internal.appointments;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * When a cancellation counts as late: within 24 hours of the appointment's start (clinics
 * bill or track late cancellations separately).
 */
@Component
class CancellationPolicy {

	static final Duration NOTICE = Duration.ofHours(24);

	boolean isLate(Instant startsAt, Instant cancelledAt) {
		return cancelledAt.isAfter(startsAt.minus(NOTICE));
	}

}
