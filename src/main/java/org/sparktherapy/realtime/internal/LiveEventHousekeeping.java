package org.sparktherapy.realtime.internal;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Deletes live events older than {@code spark.realtime.retention}, every
 * {@code spark.realtime.housekeeping}. Every node runs it: the delete is idempotent and
 * the horizon it records only grows, so no lock is needed.
 */
@Component
class LiveEventHousekeeping implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveEventHousekeeping.class);

	private final LiveEventLog events;

	private final TaskScheduler scheduler;

	private final RealtimeProperties properties;

	private final Clock clock;

	private volatile ScheduledFuture<?> task;

	LiveEventHousekeeping(LiveEventLog events, TaskScheduler scheduler, RealtimeProperties properties, Clock clock) {
		this.events = events;
		this.scheduler = scheduler;
		this.properties = properties;
		this.clock = clock;
	}

	/** Deletes expired events now; returns how many. */
	int prune() {
		int removed = this.events.forgetBefore(this.clock.instant().minus(this.properties.retention()));
		if (removed > 0) {
			log.info("Housekeeping removed {} expired live events", removed);
		}
		return removed;
	}

	private void pruneQuietly() {
		try {
			prune();
		}
		catch (RuntimeException ex) {
			log.warn("Live event housekeeping failed ({}); it runs again later", ex.getClass().getSimpleName());
		}
	}

	@Override
	public void start() {
		this.task = this.scheduler.scheduleWithFixedDelay(this::pruneQuietly,
				java.time.Instant.now().plus(this.properties.housekeeping()), this.properties.housekeeping());
	}

	@Override
	public void stop() {
		ScheduledFuture<?> running = this.task;
		if (running != null) {
			running.cancel(false);
		}
		this.task = null;
	}

	@Override
	public boolean isRunning() {
		return this.task != null;
	}

}
