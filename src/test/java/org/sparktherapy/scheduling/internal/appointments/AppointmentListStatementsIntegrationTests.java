package org.sparktherapy.scheduling.internal.appointments;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import org.sparktherapy.support.StatementCounting;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appointment list (a therapist's week is one page of it) counts the matching rows
 * only when the page does not tell: a page with fewer rows than it holds is the last, so
 * its total is known (ADR 0050, session 13). Statements are counted on the way to the
 * real database.
 */
@IntegrationTest
class AppointmentListStatementsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void countsOnlyWhenThePageDoesNotTellTheTotal() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person admin = clinic.rootAdmin();
		Clinic.Person technician = clinic.aTherapist("RBT");
		String child = clinic.aChild(admin, clinic.aParent(), null, technician);
		Instant monday = Clinic.aMondayAfternoonAhead();
		for (int i = 0; i < 3; i++) {
			clinic.anAppointment(admin, child, technician, monday.plusSeconds(i * 7200L));
		}
		AtomicInteger statements = new AtomicInteger();
		AppointmentRepository appointments = new AppointmentRepository(
				JdbcClient.create(StatementCounting.counting(this.dataSource, statements)));
		AppointmentRepository.Filter week = new AppointmentRepository.Filter(monday.minusSeconds(3600),
				monday.plusSeconds(7 * 86400L), UUID.fromString(technician.id()), null, null);

		PageResponse<Appointment> all = list(appointments, week, 0, 20);
		assertThat(all.content()).hasSize(3);
		assertThat(all.page().totalElements()).isEqualTo(3);
		assertThat(all.page().totalPages()).isEqualTo(1);
		assertThat(statements.getAndSet(0)).as("statements for a page that is not full").isEqualTo(1);

		PageResponse<Appointment> first = list(appointments, week, 0, 2);
		assertThat(first.content()).hasSize(2);
		assertThat(first.page().totalElements()).isEqualTo(3);
		assertThat(first.page().totalPages()).isEqualTo(2);
		assertThat(statements.getAndSet(0)).as("statements for a full page (the rest counted)").isEqualTo(2);

		PageResponse<Appointment> last = list(appointments, week, 1, 2);
		assertThat(last.content()).hasSize(1);
		assertThat(last.page().totalElements()).isEqualTo(3);
		assertThat(statements.getAndSet(0)).as("statements for the last page").isEqualTo(1);

		PageResponse<Appointment> beyond = list(appointments, week, 5, 2);
		assertThat(beyond.content()).isEmpty();
		assertThat(beyond.page().totalElements()).as("counted past the end").isEqualTo(3);
		assertThat(statements.getAndSet(0)).isEqualTo(2);

		AppointmentRepository.Filter nextYear = new AppointmentRepository.Filter(monday.plusSeconds(400 * 86400L),
				monday.plusSeconds(407 * 86400L), UUID.fromString(technician.id()), null, null);
		PageResponse<Appointment> none = list(appointments, nextYear, 0, 20);
		assertThat(none.content()).isEmpty();
		assertThat(none.page().totalElements()).isZero();
		assertThat(statements.getAndSet(0)).as("an empty first page is the whole list").isEqualTo(1);
	}

	private static PageResponse<Appointment> list(AppointmentRepository appointments,
			AppointmentRepository.Filter filter, int page, int size) {
		return appointments.list(SchedulingAccessPolicy.Scope.ALL, null, filter,
				PageQuery.of(page, size, null, AppointmentRepository.SORTABLE, "start,asc"));
	}

}
