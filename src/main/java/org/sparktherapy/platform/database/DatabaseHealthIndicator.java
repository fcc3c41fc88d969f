package org.sparktherapy.platform.database;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part of the node's health, in place of Spring Boot's
 * {@code DataSourceHealthIndicator} (same bean name): it answers within
 * {@code spark.database.health-timeout} (1 s) even while the pool waits its whole
 * connection timeout for a database that is gone, so {@code /api/health} says DOWN at
 * once during an outage and UP again as soon as a connection works (ADR 0041). At most
 * one check runs at a time: callers during a check wait for its answer.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

	private final DataSource dataSource;

	private final Duration timeout;

	private final AtomicReference<CompletableFuture<Health>> running = new AtomicReference<>();

	DatabaseHealthIndicator(DataSource dataSource, DatabaseSettings settings) {
		this.dataSource = dataSource;
		this.timeout = settings.healthTimeout();
	}

	@Override
	public Health health() {
		CompletableFuture<Health> check = runningCheck();
		try {
			return check.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("error", "no connection within " + this.timeout).build();
		}
		catch (ExecutionException ex) {
			return Health.down().withDetail("error", DatabaseUnavailable.describe(ex.getCause())).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
	}

	private CompletableFuture<Health> runningCheck() {
		while (true) {
			CompletableFuture<Health> check = this.running.get();
			if (check != null) {
				return check;
			}
			CompletableFuture<Health> fresh = new CompletableFuture<>();
			if (this.running.compareAndSet(null, fresh)) {
				Thread.ofVirtual().name("database-health").start(() -> {
					try {
						fresh.complete(check());
					}
					catch (Throwable failure) {
						fresh.completeExceptionally(failure);
					}
					finally {
						this.running.compareAndSet(fresh, null);
					}
				});
				return fresh;
			}
		}
	}

	private Health check() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			int seconds = (int) Math.max(1, this.timeout.toSeconds());
			return connection.isValid(seconds) ? Health.up().withDetail("database", "PostgreSQL").build()
					: Health.down().withDetail("error", "connection not valid").build();
		}
	}

	/**
	 * Database settings of the platform ({@code spark.database.*}).
	 *
	 * @param healthTimeout how long the health check waits for a connection before it
	 * says DOWN ({@code SPARK_DATABASE_HEALTH_TIMEOUT})
	 */
	@ConfigurationProperties("spark.database")
	record DatabaseSettings(@DefaultValue("1s") Duration healthTimeout) {
	}

}
