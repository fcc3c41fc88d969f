package org.sparktherapy.platform.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from one database query (a row of counts and ages), for Prometheus scrapes
 * that must neither hang nor throw when the database is slow or down.
 *
 * <p>
 * The query runs on a virtual thread of its own, at most one at a time, when a gauge is
 * read and the last reading is older than {@code fresh}; the scrape that started it waits
 * for it at most {@link #WAIT}, every other read takes the last reading. A reading older
 * than {@link #TOO_OLD}, or a failed one, reads as NaN (an alert comparing it stays
 * quiet; the database's own health is watched elsewhere). So a scrape costs at most one
 * query per {@code fresh} interval and per group, whatever the number of nodes' scrapes.
 *
 * @param <T> what the query returns
 */
public final class QueryGauges<T> {

	/** The longest a scrape waits for a query it started. */
	static final Duration WAIT = Duration.ofMillis(500);

	/** A reading older than this reads as NaN. */
	static final Duration TOO_OLD = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(QueryGauges.class);

	private record Reading<T>(T value, long atNanos) {
	}

	private final String name;

	private final Supplier<T> query;

	private final long freshNanos;

	private volatile Reading<T> last;

	private CompletableFuture<Void> running;

	private volatile boolean failing;

	/**
	 * @param name what the query reads, for the log
	 * @param query the query (one round trip; give it a statement timeout)
	 * @param fresh how long a reading is used before the next read runs the query again
	 */
	public QueryGauges(String name, Supplier<T> query, Duration fresh) {
		this.name = name;
		this.query = query;
		this.freshNanos = fresh.toNanos();
	}

	/** Registers a gauge of one value of the reading. */
	public QueryGauges<T> gauge(MeterRegistry meters, String name, String description, String baseUnit,
			ToDoubleFunction<T> value) {
		Gauge.builder(name, this, gauges -> gauges.read(value))
			.description(description)
			.baseUnit(baseUnit)
			// the registry holds gauges' objects weakly, and nothing else holds this one
			.strongReference(true)
			.register(meters);
		return this;
	}

	/** The value from the latest reading (refreshing it first if stale), or NaN. */
	public double read(ToDoubleFunction<T> value) {
		Reading<T> reading = current();
		if (reading == null || reading.value() == null || System.nanoTime() - reading.atNanos() > TOO_OLD.toNanos()) {
			return Double.NaN;
		}
		return value.applyAsDouble(reading.value());
	}

	private Reading<T> current() {
		Reading<T> reading = this.last;
		if (reading != null && System.nanoTime() - reading.atNanos() < this.freshNanos) {
			return reading;
		}
		CompletableFuture<Void> started = startReading();
		if (started != null) {
			try {
				started.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				// the reading goes on; this scrape takes what there is
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return this.last;
	}

	/** Starts a reading unless one runs; returns it, or null when one was running. */
	private synchronized CompletableFuture<Void> startReading() {
		if (this.running != null && !this.running.isDone()) {
			return null;
		}
		this.running = CompletableFuture.runAsync(this::readNow,
				task -> Thread.ofVirtual().name("metrics-" + this.name).start(task));
		return this.running;
	}

	private void readNow() {
		try {
			T value = this.query.get();
			this.last = new Reading<>(value, System.nanoTime());
			if (this.failing) {
				log.info("Metrics of {} readable again", this.name);
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			this.last = new Reading<>(null, System.nanoTime());
			if (!this.failing) {
				log.warn("Metrics of {} unreadable ({}); they read as NaN until the database answers", this.name,
						ex.getClass().getSimpleName());
				this.failing = true;
			}
		}
	}

}
