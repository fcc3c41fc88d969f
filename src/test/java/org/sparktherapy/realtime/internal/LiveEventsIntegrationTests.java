package org.sparktherapy.realtime.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.sparktherapy.realtime.LiveEvents;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.EventStream;
import org.sparktherapy.support.EventStream.Event;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LiveEventsIntegrationTests {

	/**
	 * How long to wait for something that should come at once: long enough for a busy
	 * machine, no cost when it comes.
	 */
	private static final Duration SOON = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	LiveEvents liveEvents;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LiveEventHousekeeping housekeeping;

	@Autowired
	SecretKey jwtSigningKey;

	@Autowired
	RealtimeProperties properties;

	private Clinic clinic() {
		return new Clinic(this.port);
	}

	/**
	 * A new parent whose first sign-in has been noticed: the notifications module tells
	 * of a new sign-in asynchronously, with a {@code notification.created} live event.
	 * Waiting for it keeps that event out of the streams under test, which then see only
	 * what the test publishes.
	 */
	private Person quietParent() {
		Person parent = clinic().aParent();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.sql("""
				select count(*) from live_events where recipient_id = :r and type = 'notification.created'
				""").param("r", UUID.fromString(parent.id())).query(Integer.class).single() > 0);
		return parent;
	}

	private void publish(Person to, String type, Map<String, Object> payload) {
		this.transactions
			.executeWithoutResult(status -> this.liveEvents.publish(List.of(UUID.fromString(to.id())), type, payload));
	}

	private EventStream open(Person person, String... headers) {
		return EventStream.open(this.port, person.accessToken(), "", headers);
	}

	/** Opens a stream and waits for its ready event; returns the stream. */
	private EventStream ready(EventStream stream) {
		assertThat(stream.status()).as(stream.problem()).isEqualTo(200);
		Event ready = stream.next(SOON);
		assertThat(ready).isNotNull();
		assertThat(ready.type()).isEqualTo("ready");
		return stream;
	}

	@Test
	void streamStartsWithRetryHintAndReadyEvent() {
		Person parent = quietParent();
		try (EventStream stream = open(parent)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			assertThat(stream.header("Cache-Control")).contains("no-store");
			assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
			assertThat(stream.nextFrame(SOON)).isEqualTo(new EventStream.Retry(this.properties.retry().toMillis()));
			Event ready = stream.next(SOON);
			assertThat(ready.type()).isEqualTo("ready");
			assertThat(ready.id()).matches("[0-9]+");
		}
	}

	@Test
	void committedEventArrivesOnTheRecipientsStreamWithItsIdTypeAndPayload() {
		Person parent = quietParent();
		try (EventStream stream = ready(open(parent))) {
			UUID conversation = UUID.randomUUID();
			publish(parent, "conversation.changed", Map.of("conversationId", conversation));

			Event event = stream.next(SOON);
			assertThat(event.type()).isEqualTo("conversation.changed");
			assertThat(event.data()).isEqualTo("{\"conversationId\": \"" + conversation + "\"}");
			long stored = this.jdbc.sql("select max(id) from live_events where recipient_id = :r")
				.param("r", UUID.fromString(parent.id()))
				.query(Long.class)
				.single();
			assertThat(event.id()).isEqualTo(Long.toString(stored));
		}
	}

	@Test
	void userNeverReceivesAnotherUsersEvents() {
		Person parent = quietParent();
		Person other = quietParent();
		try (EventStream stream = ready(open(parent))) {
			publish(other, "notification.read", Map.of("unreadCount", 7));
			publish(parent, "notification.read", Map.of("unreadCount", 1));

			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 1}");
		}
	}

	@Test
	void eventsOfARolledBackTransactionNeverAppear() {
		Person parent = quietParent();
		try (EventStream stream = ready(open(parent))) {
			this.transactions.executeWithoutResult(status -> {
				this.liveEvents.publish(List.of(UUID.fromString(parent.id())), "notification.read",
						Map.of("unreadCount", 99));
				status.setRollbackOnly();
			});
			publish(parent, "notification.read", Map.of("unreadCount", 2));

			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 2}");
			assertThat(this.jdbc
				.sql("select count(*) from live_events where recipient_id = :r and type = 'notification.read'")
				.param("r", UUID.fromString(parent.id()))
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void eventsPublishedWhileTheTransactionCommitsAreStillDelivered() {
		Person parent = quietParent();
		try (EventStream stream = ready(open(parent))) {
			UUID to = UUID.fromString(parent.id());
			// after this transaction's own events were written
			this.transactions.executeWithoutResult(status -> {
				this.liveEvents.publish(List.of(to), "notification.read", Map.of("unreadCount", 7));
				publishBeforeCommit(to, 8);
			});
			// as the only event of a transaction, from a before-commit callback
			this.transactions.executeWithoutResult(status -> publishBeforeCommit(to, 9));

			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 7}");
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 8}");
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 9}");
		}
	}

	private void publishBeforeCommit(UUID to, int count) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				LiveEventsIntegrationTests.this.liveEvents.publish(List.of(to), "notification.read",
						Map.of("unreadCount", count));
			}
		});
	}

	@Test
	void aUsersEventsCommitInIdOrderSoAStreamNeverSkipsOne() throws Exception {
		Person parent = quietParent();
		UUID to = UUID.fromString(parent.id());
		try (EventStream stream = ready(open(parent));
				ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			CountDownLatch written = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			// the first transaction has written its event (id n) and is held just before
			// its commit
			CompletableFuture<Void> first = CompletableFuture
				.runAsync(() -> this.transactions.executeWithoutResult(status -> {
					this.liveEvents.publish(List.of(to), "notification.read", Map.of("unreadCount", 1));
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
						@Override
						public void beforeCommit(boolean readOnly) {
							written.countDown();
							try {
								release.await(10, TimeUnit.SECONDS);
							}
							catch (InterruptedException ex) {
								Thread.currentThread().interrupt();
							}
						}
					});
				}), threads);
			assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> second = CompletableFuture
				.runAsync(() -> publish(parent, "notification.read", Map.of("unreadCount", 2)), threads);

			// the second (id n+1) cannot commit first, else the stream would move past n
			// before n exists
			assertThat(stream.next(Duration.ofMillis(700))).isNull();
			release.countDown();
			first.get(5, TimeUnit.SECONDS);
			second.get(5, TimeUnit.SECONDS);
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 1}");
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 2}");
		}
	}

	@Test
	void reconnectingWithLastEventIdReplaysExactlyTheMissedEventsInOrder() {
		Person parent = quietParent();
		String seen;
		try (EventStream stream = ready(open(parent))) {
			publish(parent, "notification.read", Map.of("unreadCount", 1));
			seen = stream.next(SOON).id();
		}
		publish(parent, "notification.read", Map.of("unreadCount", 2));
		publish(parent, "notification.read", Map.of("unreadCount", 3));

		try (EventStream stream = open(parent, "Last-Event-ID", seen)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.next(SOON).type()).isEqualTo("ready");
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 2}");
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 3}");
			publish(parent, "notification.read", Map.of("unreadCount", 4));
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 4}");
		}
	}

	@Test
	void lastEventIdAsQueryParameterReplaysToo() {
		Person parent = quietParent();
		String before;
		try (EventStream stream = ready(open(parent))) {
			publish(parent, "notification.read", Map.of("unreadCount", 1));
			before = stream.next(SOON).id();
		}
		publish(parent, "notification.read", Map.of("unreadCount", 5));

		try (EventStream stream = EventStream.open(this.port, parent.accessToken(), "?lastEventId=" + before)) {
			assertThat(stream.next(SOON).type()).isEqualTo("ready");
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 5}");
		}
	}

	@Test
	void replayRacingLiveDeliveryNeitherDuplicatesNorSkips() throws Exception {
		Person parent = quietParent();
		String start = this.jdbc.sql("select coalesce(max(id), 0) from live_events where recipient_id = :r")
			.param("r", UUID.fromString(parent.id()))
			.query(Long.class)
			.single()
			.toString();
		for (int i = 0; i < 20; i++) {
			publish(parent, "notification.read", Map.of("unreadCount", i));
		}
		// 40 more events are committed from two threads while the stream replays the
		// first 20
		ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
		CompletableFuture<Void> writers = CompletableFuture.allOf(CompletableFuture.runAsync(() -> {
			for (int i = 20; i < 40; i++) {
				publish(parent, "notification.read", Map.of("unreadCount", i));
			}
		}, threads), CompletableFuture.runAsync(() -> {
			for (int i = 40; i < 60; i++) {
				publish(parent, "notification.read", Map.of("unreadCount", i));
			}
		}, threads));
		List<Long> received = new ArrayList<>();
		try (EventStream stream = open(parent, "Last-Event-ID", start)) {
			assertThat(stream.next(SOON).type()).isEqualTo("ready");
			writers.get();
			Event event;
			while (received.size() < 60 && (event = stream.next(SOON)) != null) {
				received.add(Long.parseLong(event.id()));
			}
			assertThat(stream.next(Duration.ofMillis(300))).as("nothing more").isNull();
		}
		finally {
			threads.close();
		}
		List<Long> stored = this.jdbc.sql("select id from live_events where recipient_id = :r and id > :s order by id")
			.param("r", UUID.fromString(parent.id()))
			.param("s", Long.parseLong(start))
			.query(Long.class)
			.list();
		assertThat(stored).hasSize(60);
		assertThat(received).isEqualTo(stored);
	}

	@Test
	void garbageLastEventIdIsABadRequest() {
		Person parent = quietParent();
		for (String garbage : List.of("abc", "-1", "12e3", "99999999999999999999")) {
			try (EventStream stream = open(parent, "Last-Event-ID", garbage)) {
				assertThat(stream.status()).as(garbage).isEqualTo(400);
				assertThat(stream.header("Content-Type")).isEqualTo("application/problem+json");
				assertThat(stream.problem()).contains("/headers/Last-Event-ID");
			}
		}
		try (EventStream stream = EventStream.open(this.port, parent.accessToken(), "?lastEventId=x1")) {
			assertThat(stream.status()).isEqualTo(400);
		}
	}

	@Test
	void lastEventIdBeforeTheKeptWindowIsGone() {
		Person parent = quietParent();
		try (EventStream stream = ready(open(parent))) {
			publish(parent, "notification.read", Map.of("unreadCount", 1));
			publish(parent, "notification.read", Map.of("unreadCount", 2));
			String first = stream.next(SOON).id();
			stream.next(SOON);
			// the second event of this user has aged out of the window
			this.jdbc.sql("update live_events set created_at = :old where recipient_id = :r")
				.param("old",
						java.sql.Timestamp.from(Instant.now().minus(this.properties.retention()).minusSeconds(60)))
				.param("r", UUID.fromString(parent.id()))
				.update();
			assertThat(this.housekeeping.prune()).isGreaterThanOrEqualTo(2);

			try (EventStream resumed = open(parent, "Last-Event-ID", first)) {
				assertThat(resumed.status()).isEqualTo(410);
				assertThat(resumed.header("Content-Type")).isEqualTo("application/problem+json");
				assertThat(Api.JSON.readTree(resumed.problem()).at("/type").asString())
					.endsWith("/problems/live-events-expired");
			}
			// a fresh stream starts after what was pruned, so its own id stays valid for
			// reconnection
			try (EventStream fresh = ready(open(parent))) {
				publish(parent, "notification.read", Map.of("unreadCount", 3));
				String third = fresh.next(SOON).id();
				try (EventStream resumed = open(parent, "Last-Event-ID", third)) {
					assertThat(resumed.status()).isEqualTo(200);
				}
			}
		}
	}

	@Test
	void lastEventIdNeverIssuedIsGone() {
		Person parent = quietParent();
		try (EventStream stream = open(parent, "Last-Event-ID", "900000000000000")) {
			assertThat(stream.status()).isEqualTo(410);
		}
	}

	@Test
	void heartbeatsKeepAnIdleStreamBusy() {
		Person parent = quietParent();
		try (EventStream stream = ready(open(parent))) {
			Object frame = stream.nextFrame(this.properties.heartbeat().plus(SOON));
			assertThat(frame).isEqualTo(new EventStream.Comment("heartbeat"));
		}
	}

	@Test
	void streamWithoutCredentialIsRefused() {
		try (EventStream stream = EventStream.open(this.port, null, "")) {
			assertThat(stream.status()).isEqualTo(401);
			assertThat(stream.header("Content-Type")).isEqualTo("application/problem+json");
		}
		try (EventStream stream = EventStream.open(this.port, "not.a.token", "")) {
			assertThat(stream.status()).isEqualTo(401);
		}
	}

	@Test
	void ticketOpensTheStreamOfItsHolder() {
		Person parent = quietParent();
		Api.Response ticket = parent.api().post("/api/events/ticket", "{}");
		assertThat(ticket.status()).isEqualTo(200);
		assertThat(Instant.parse(ticket.at("/expiresAt"))).isBefore(Instant.now().plusSeconds(61));

		try (EventStream stream = EventStream.open(this.port, null, "?ticket=" + ticket.at("/ticket"))) {
			ready(stream);
			publish(parent, "notification.read", Map.of("unreadCount", 4));
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unreadCount\": 4}");
		}
	}

	@Test
	void forgedExpiredOrMisusedTicketsAreRefused() {
		Person parent = quietParent();
		String ticket = parent.api().post("/api/events/ticket", "{}").at("/ticket");
		Person other = quietParent();
		String forged = ticket.substring(0, ticket.indexOf('.'))
				+ other.api().post("/api/events/ticket", "{}").at("/ticket").substring(ticket.indexOf('.'));
		StreamTickets lastMinute = new StreamTickets(this.jwtSigningKey,
				Clock.fixed(Instant.now().minusSeconds(120), ZoneOffset.UTC), this.properties);
		String expired = lastMinute
			.issue(UUID.fromString(parent.id()), UUID.randomUUID(), Instant.now().plusSeconds(600))
			.ticket();

		for (String bad : List.of(forged, expired, "garbage", ticket + "x")) {
			try (EventStream stream = EventStream.open(this.port, null, "?ticket=" + bad)) {
				assertThat(stream.status()).as(bad).isEqualTo(401);
			}
		}
		// a ticket is no access token
		assertThat(new Api(this.port).as(ticket).get("/api/auth/profile").status()).isEqualTo(401);
		try (EventStream stream = EventStream.open(this.port, ticket, "")) {
			assertThat(stream.status()).isEqualTo(401);
		}
		// and it is issued only to a signed-in user
		assertThat(new Api(this.port).post("/api/events/ticket", "{}").status()).isEqualTo(401);
	}

	@Test
	void streamEndsWhenTheTokenBehindItExpires() {
		Person parent = quietParent();
		String claims = parent.accessToken().split("\\.")[1];
		UUID signIn = UUID
			.fromString(Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(claims)).at("/sid").asString());
		// a ticket for an access token that expires in five seconds (it carries whole
		// seconds): the stream lives no
		// longer, though the periodic re-check is further away than that
		String ticket = new StreamTickets(this.jwtSigningKey, Clock.systemUTC(), this.properties)
			.issue(UUID.fromString(parent.id()), signIn, Instant.now().plusSeconds(5))
			.ticket();

		try (EventStream stream = ready(EventStream.open(this.port, null, "?ticket=" + ticket))) {
			assertThat(this.properties.recheck()).isGreaterThan(Duration.ofSeconds(12));
			assertThat(stream.endsWithin(Duration.ofSeconds(12))).isTrue();
		}
	}

	@Test
	void signingOutEndsTheStream() {
		Person parent = quietParent();
		try (EventStream stream = ready(open(parent))) {
			assertThat(new Api(this.port).post("/api/auth/logout", Api.body("refreshToken", parent.refreshToken()))
				.status()).isLessThan(300);

			// at once (SignInEnded), well before the periodic re-check would have ended
			// it
			assertThat(this.properties.recheck()).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
			assertThat(stream.endsWithin(Duration.ofSeconds(5))).isTrue();
		}
	}

	@Test
	void signingOutEndsOnlyThatSignInsStream() {
		Person parent = quietParent();
		Api.Response other = new Api(this.port).post("/api/auth/login",
				Api.body("email", parent.email(), "password", parent.password()));
		assertThat(other.status()).isEqualTo(200);
		try (EventStream signedOut = ready(open(parent));
				EventStream stillIn = ready(EventStream.open(this.port, other.at("/accessToken"), ""))) {
			assertThat(new Api(this.port).post("/api/auth/logout", Api.body("refreshToken", parent.refreshToken()))
				.status()).isLessThan(300);

			assertThat(signedOut.endsWithin(Duration.ofSeconds(5))).isTrue();
			// the re-check that ended the other one has run and left this one open
			assertThat(stillIn.endsWithin(Duration.ofSeconds(2))).isFalse();
			publish(parent, "notification.read", Map.of("unreadCount", 1));
			assertThat(stillIn.next(SOON)).as("still delivering").isNotNull();
		}
	}

	@Test
	void deactivatingTheAccountEndsItsStreamsAtOnce() {
		Clinic clinic = clinic();
		Person parent = clinic.aParent();
		String ticket = parent.api().post("/api/events/ticket", "{}").at("/ticket");
		try (EventStream stream = ready(open(parent));
				EventStream byTicket = ready(EventStream.open(this.port, null, "?ticket=" + ticket))) {
			assertThat(clinic.rootAdmin().api().delete("/api/users/" + parent.id()).status()).isLessThan(300);

			assertThat(stream.endsWithin(SOON)).isTrue();
			assertThat(byTicket.endsWithin(SOON)).isTrue();
		}
	}

	@Test
	void openStreamsAndDeliveredEventsAreMetered() {
		Person parent = quietParent();
		try (EventStream stream = ready(open(parent))) {
			publish(parent, "notification.read", Map.of("unreadCount", 1));
			assertThat(stream.next(SOON)).isNotNull();
			String metrics = new Api(this.managementPort).get("/metrics").text();
			assertThat(metrics).containsPattern("spark_realtime_streams\\{[^}]*\\} [1-9]");
			assertThat(metrics).containsPattern("spark_realtime_events_delivered_total\\{[^}]*\\} [1-9]");
		}
	}

}
