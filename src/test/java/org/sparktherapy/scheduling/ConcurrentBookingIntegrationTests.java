package org.sparktherapy.scheduling;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Bookings racing each other over the same therapists and children: each is booked whole
 * or refused with 409, never a 500 from a transaction that lost a deadlock, and nothing
 * overlaps afterwards.
 */
@IntegrationTest
class ConcurrentBookingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	/**
	 * Each attempt is a whole transaction: the retry advice runs outside the transaction
	 * advice.
	 */
	@Test
	void bookingIsRetriedAroundItsTransactionNotInsideIt() {
		org.springframework.aop.framework.Advised service = (org.springframework.aop.framework.Advised) this.context
			.getBean("appointmentService");
		List<org.aopalliance.aop.Advice> advice = java.util.Arrays.stream(service.getAdvisors())
			.map(org.springframework.aop.Advisor::getAdvice)
			.toList();
		int retry = advice.indexOf(advice.stream()
			.filter(org.sparktherapy.platform.database.TransactionRetry.class::isInstance)
			.findFirst()
			.orElseThrow());
		int transaction = advice.indexOf(advice.stream()
			.filter(org.springframework.transaction.interceptor.TransactionInterceptor.class::isInstance)
			.findFirst()
			.orElseThrow());
		assertThat(retry).isLessThan(transaction);
	}

	@Test
	void parallelWeeklySeriesOverTheSameTherapistsAndChildrenAreBookedOrRefusedNeverFailed() throws Exception {
		Clinic clinic = new Clinic(this.port);
		Person admin = clinic.rootAdmin();
		List<Person> therapists = List.of(clinic.aTherapist("BCBA"), clinic.aTherapist("RBT"),
				clinic.aTherapist("RBT"));
		List<String> children = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			children.add(clinic.aChild(admin, null, therapists.get(0), therapists.get(1)));
			Api.Response linked = admin.api()
				.post("/api/children/" + children.getLast() + "/care-team",
						body("userId", therapists.get(2).id(), "role", "technician"));
			assertThat(linked.status()).as(linked.text()).isEqualTo(201);
		}
		Instant monday = Clinic.aMondayAfternoonAhead().plus(63, ChronoUnit.DAYS);
		int attempts = 12;
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(attempts)) {
			for (int i = 0; i < attempts; i++) {
				// every pair of therapist and child, half an hour apart, so each series
				// overlaps several others
				// by therapist and by child, in different weeks and at different points
				// of its insertion
				Person therapist = therapists.get(i % 3);
				String child = children.get((i / 3) % 3);
				Instant first = monday.plus(30L * (i % 4), ChronoUnit.MINUTES);
				String days = (i % 2 == 0) ? "MO,WE,FR" : "MO,TU,WE,TH,FR";
				answers.add(CompletableFuture.supplyAsync(() -> {
					await(start);
					return admin.api()
						.post("/api/appointments", body("childId", child, "therapistId", therapist.id(), "serviceCode",
								"97153", "place", "home", "start", first.toString(), "end",
								first.plus(60, ChronoUnit.MINUTES).toString(), "recurrence",
								"FREQ=WEEKLY;BYDAY=" + days + ";COUNT=15", "override", body("reason", "race test")));
				}, threads));
			}
			start.countDown();
		}

		List<String> unexpected = answers.stream()
			.map(CompletableFuture::join)
			.filter(a -> a.status() != 201 && a.status() != 409)
			.map(a -> a.status() + " " + a.text())
			.toList();
		assertThat(unexpected).as("answers other than booked (201) or refused (409)").isEmpty();
		assertThat(answers.stream().map(CompletableFuture::join).filter(a -> a.status() == 201)).isNotEmpty();
		// this test's own people only: other test classes share the database and may hold
		// a
		// supervision (97155) that rightly overlaps a treatment (97153) of another child
		assertThat(this.jdbc.sql("""
				select count(*) from appointments a join appointments b on a.id < b.id
				    and (a.therapist_id = b.therapist_id or a.child_id = b.child_id)
				    and a.starts_at < b.ends_at and b.starts_at < a.ends_at
				where a.status not in ('cancelled', 'no_show') and b.status not in ('cancelled', 'no_show')
				    and (a.child_id in (:children) or a.therapist_id in (:therapists))
				""")
			.param("children", children.stream().map(UUID::fromString).toList())
			.param("therapists", therapists.stream().map((t) -> UUID.fromString(t.id())).toList())
			.query(Integer.class)
			.single()).as("overlapping live appointments").isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
