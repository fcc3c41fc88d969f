package org.sparktherapy.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.sparktherapy.children.Children;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
class AppointmentRemindersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AppointmentTable appointments;

	@Autowired
	Children children;

	@Autowired
	Notifier notifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	SparkProperties spark;

	/**
	 * The job as the scheduler runs it, but at a time the test chooses and without the
	 * cluster lock.
	 */
	AppointmentReminders at(Instant now) {
		return new AppointmentReminders(this.appointments, this.children, this.notifier, this.jdbc, this.transactions,
				Clock.fixed(now, ZoneOffset.UTC), this.spark);
	}

	@Test
	void remindsTheTherapistAndGuardiansADayBeforeOnceAndAgainAfterAMove() throws Exception {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person admin = clinic.rootAdmin();
		Clinic.Person technician = clinic.aTherapist("RBT");
		Clinic.Person guardian = clinic.aParent();
		Clinic.Person otherParent = clinic.aParent();
		String child = clinic.aChild(admin, guardian, null, technician);
		// far enough ahead that the real job, running on the real clock meanwhile, leaves
		// it alone
		Instant start = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		String id = clinic.anAppointment(admin, child, technician, start);

		at(start.minus(Duration.ofHours(25))).run();
		assertThat(reminders(guardian)).as("not yet: more than a day ahead").isZero();

		// two nodes' runs at once: between them they remind it (other tests' appointments
		// may be due too, so each
		// run's count says nothing alone), and the guardian and therapist hear it once
		List<Integer> counts = twoRunsAtOnce(start.minus(Duration.ofHours(23)));
		assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isPositive();
		assertThat(reminders(guardian)).isEqualTo(1);
		assertThat(reminders(technician)).isEqualTo(1);
		assertThat(reminders(otherParent)).isZero();
		at(start.minus(Duration.ofHours(22))).run();
		assertThat(reminders(guardian)).as("sent once").isEqualTo(1);

		String before = reminderTitle(guardian);
		assertThat(before).startsWith("Reminder: Avery T.'s appointment on ");
		this.jdbc
			.sql("update notifications set read_at = now() where recipient_id = :id and kind = 'appointment_reminder'")
			.param("id", UUID.fromString(guardian.id()))
			.update();

		Instant later = start.plus(2, ChronoUnit.DAYS);
		assertThat(admin.api().put("/api/appointments/" + id, body("start", later.toString())).status()).isEqualTo(200);
		at(later.minus(Duration.ofHours(12))).run();
		assertThat(reminderTitle(guardian)).as("the new time is reminded again").isNotEqualTo(before);
		assertThat(reminders(guardian)).as("in place of the old time's reminder, unread again").isEqualTo(1);
		assertThat(this.jdbc.sql(
				"select count(*) from notifications where recipient_id = :id and kind = 'appointment_reminder' and read_at is null")
			.param("id", UUID.fromString(guardian.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String reminderTitle(Clinic.Person person) {
		return this.jdbc
			.sql("select title from notifications where recipient_id = :id and kind = 'appointment_reminder'")
			.param("id", UUID.fromString(person.id()))
			.query(String.class)
			.single();
	}

	@Test
	void anAppointmentCancelledOrMovedAfterItWasSelectedIsNotReminded() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person admin = clinic.rootAdmin();
		Clinic.Person technician = clinic.aTherapist("RBT");
		Clinic.Person guardian = clinic.aParent();
		String child = clinic.aChild(admin, guardian, null, technician);
		Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		String cancelled = clinic.anAppointment(admin, child, technician, start);
		String moved = clinic.anAppointment(admin, child, technician, start.plus(Duration.ofHours(3)));
		Instant now = start.minus(Duration.ofHours(20));
		AppointmentTable.Row cancelledRow = this.appointments.find(UUID.fromString(cancelled)).orElseThrow();
		AppointmentTable.Row movedRow = this.appointments.find(UUID.fromString(moved)).orElseThrow();

		// the job selected both; then, before it claims them, one is cancelled and the
		// other moved
		assertThat(admin.api().post("/api/appointments/" + cancelled + "/cancel", body("reason", "Holiday")).status())
			.isEqualTo(200);
		assertThat(admin.api()
			.put("/api/appointments/" + moved, body("start", start.plus(3, ChronoUnit.DAYS).toString()))
			.status()).isEqualTo(200);
		AppointmentReminders job = at(now);

		Boolean cancelledReminded = this.transactions.execute(status -> job.remind(cancelledRow, now));
		Boolean movedReminded = this.transactions.execute(status -> job.remind(movedRow, now));
		assertThat(cancelledReminded).isFalse();
		assertThat(movedReminded).isFalse();
		assertThat(reminders(guardian)).isZero();
		assertThat(reminders(technician)).isZero();
	}

	private List<Integer> twoRunsAtOnce(Instant now) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = List.of(() -> at(now).remind(now), () -> at(now).remind(now));
			List<Integer> counts = new ArrayList<>();
			for (Future<Integer> result : pool.invokeAll(runs)) {
				counts.add(result.get());
			}
			return counts;
		}
		finally {
			pool.shutdown();
		}
	}

	private long reminders(Clinic.Person person) {
		return this.jdbc
			.sql("select count(*) from notifications where recipient_id = :id and kind = 'appointment_reminder'")
			.param("id", UUID.fromString(person.id()))
			.query(Long.class)
			.single();
	}

}
