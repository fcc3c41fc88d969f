package org.sparktherapy.realtime.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.converter.Converter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The periodic re-check of every open stream (sign-in, then a re-read of its events),
 * with thousands of streams on a node: each check holds a database connection, so the
 * round must not start them all at once (ADR 0013, session 13: 10,000 streams emptied the
 * pool every minute and streams whose check timed out were ended).
 */
class LiveEventHubRecheckTests {

	private static final int STREAMS = 40;

	private static final int CONCURRENCY = 2;

	/** Sign-in checks and store reads under way at once, and the most seen. */
	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private final AtomicInteger checks = new AtomicInteger();

	private final AtomicInteger reads = new AtomicInteger();

	private final Set<UUID> signedOut = ConcurrentHashMap.newKeySet();

	@Test
	void theRoundChecksEveryStreamButOnlyAFewAtATime() {
		LiveEventHub hub = hub();
		List<SseEmitterProbe> streams = open(hub, STREAMS);
		this.reads.set(0);

		hub.recheckAll();

		await().atMost(Duration.ofSeconds(30)).until(() -> this.checks.get() == STREAMS && this.reads.get() == STREAMS);
		// every stream's sign-in was checked and its events re-read, never more than
		// CONCURRENCY at once (each stands for a database connection)
		assertThat(this.mostInFlight.get()).isLessThanOrEqualTo(CONCURRENCY);
		assertThat(streams).noneMatch(SseEmitterProbe::ended);
		assertThat(hub.streamCount()).isEqualTo(STREAMS);
	}

	@Test
	void aStreamWhoseSignInEndedIsStillClosedByTheRound() {
		LiveEventHub hub = hub();
		List<SseEmitterProbe> streams = open(hub, 6);
		this.signedOut.add(streams.get(3).user());

		hub.recheckAll();

		await().atMost(Duration.ofSeconds(30)).until(() -> hub.streamCount() == 5);
		assertThat(streams.get(3).ended()).isTrue();
	}

	private LiveEventHub hub() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		RealtimeProperties properties = new RealtimeProperties(Duration.ofSeconds(20), Duration.ofSeconds(3),
				Duration.ofHours(24), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(10), 500,
				Duration.ofHours(1), Duration.ofSeconds(2), CONCURRENCY, 300, Duration.ofSeconds(30));
		LiveEventLog store = new LiveEventLog(null) {
			@Override
			Start start(UUID recipient, Long lastEventId, int limit) {
				return new Start(0, List.of());
			}

			@Override
			List<LiveEvent> since(UUID recipient, long lastId, int limit) {
				busy();
				LiveEventHubRecheckTests.this.reads.incrementAndGet();
				return List.of();
			}
		};
		Converter<Jwt, AbstractAuthenticationToken> signIns = jwt -> {
			busy();
			this.checks.incrementAndGet();
			if (this.signedOut.contains(UUID.fromString(jwt.getSubject()))) {
				throw new IllegalStateException("signed out");
			}
			return new TestingAuthenticationToken(jwt.getSubject(), null);
		};
		return new LiveEventHub(store, signIns, scheduler, properties, Clock.systemUTC(), new SimpleMeterRegistry());
	}

	/** A database round trip: counted while it lasts. */
	private void busy() {
		int now = this.inFlight.incrementAndGet();
		this.mostInFlight.accumulateAndGet(now, Math::max);
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	private List<SseEmitterProbe> open(LiveEventHub hub, int count) {
		List<SseEmitterProbe> streams = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID user = UUID.randomUUID();
			Jwt credential = Jwt.withTokenValue("t")
				.header("alg", "none")
				.subject(user.toString())
				.claim("sid", UUID.randomUUID().toString())
				.expiresAt(Instant.now().plusSeconds(600))
				.build();
			streams.add(new SseEmitterProbe(user, hub.open(user, credential, Instant.now().plusSeconds(600), null)));
		}
		// the openers' first reads
		await().atMost(Duration.ofSeconds(30)).until(() -> this.reads.get() == count);
		this.mostInFlight.set(0);
		return streams;
	}

	/**
	 * An opened stream's emitter: ended once completed (never bound to a response here).
	 */
	record SseEmitterProbe(UUID user, org.springframework.web.servlet.mvc.method.annotation.SseEmitter emitter) {

		boolean ended() {
			try {
				this.emitter
					.send(org.springframework.web.servlet.mvc.method.annotation.SseEmitter.event().comment("x"));
				return false;
			}
			catch (Exception ex) {
				return true;
			}
		}

	}

}
