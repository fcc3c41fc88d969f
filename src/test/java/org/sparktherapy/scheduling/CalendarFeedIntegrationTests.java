package org.sparktherapy.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
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

/** Private iCalendar feeds, read as a calendar app does: without signing in. */
@IntegrationTest
class CalendarFeedIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	Clinic clinic;

	Person admin;

	Person technician;

	Person guardian;

	String childId;

	String childLastName;

	Instant monday;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.childId = this.clinic.aChild(this.admin, this.guardian, null, this.technician);
		this.childLastName = this.admin.api().get("/api/children/" + this.childId).at("/lastName");
		this.monday = LocalDate.now(ZoneOffset.UTC)
			.plusWeeks(2)
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.atTime(LocalTime.of(15, 0))
			.toInstant(ZoneOffset.UTC);
	}

	@Test
	void aTherapistsFeedCarriesTheirAppointmentsWithInitialsAndPlaceOnly() {
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);

		Api.Response feed = read(feedUrl(this.technician));

		assertThat(feed.status()).as(feed.text()).isEqualTo(200);
		assertThat(feed.contentType()).startsWith("text/calendar");
		VEvent event = event(feed, id);
		assertThat(event.getSummary().getValue()).isEqualTo("ABA session · A.T. · clinic");
		assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(this.monday);
		assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(this.monday.plusSeconds(3600));
		assertThat(event.getStatus().isConfirmed()).isTrue();
		assertThat(feed.text()).doesNotContain("Avery").doesNotContain(this.childLastName).doesNotContain("F84");
	}

	@Test
	void aParentsFeedHasTheirChildrensAppointmentsAndCancelledOnesAreMarked() {
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		this.guardian.api().post("/api/appointments/" + id + "/cancel", body("reason", "Holiday"));
		Person otherParent = this.clinic.aParent();

		Api.Response feed = read(feedUrl(this.guardian));

		assertThat(event(feed, id).getStatus().isCancelled()).isTrue();
		assertThat(read(feedUrl(otherParent)).text()).doesNotContain(id);
		assertThat(read(feedUrl(this.clinic.aTherapist("RBT"))).text()).doesNotContain(id);
		assertThat(feed.text()).doesNotContain("Holiday");
	}

	@Test
	void theAddressStaysTheSameUntilRotatedThenTheOldOneIsGone() {
		String first = feedUrl(this.technician);

		assertThat(feedUrl(this.technician)).isEqualTo(first);
		String rotated = this.technician.api().post("/api/calendar/feed-url/rotate", "{}").at("/url");

		assertThat(rotated).isNotEqualTo(first);
		assertThat(feedUrl(this.technician)).isEqualTo(rotated);
		assertThat(read(first).status()).isEqualTo(404);
		assertThat(read(rotated).status()).isEqualTo(200);
	}

	@Test
	void onlyTheTokensHashIsStored() {
		String url = feedUrl(this.technician);
		String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());

		Map<String, Object> row = JdbcClient.create(this.dataSource)
			.sql("select * from calendar_feed_tokens where account_id = :id::uuid")
			.param("id", this.technician.id())
			.query()
			.singleRow();

		assertThat(row.values()).extracting(String::valueOf).noneMatch(value -> value.contains(token));
	}

	@Test
	void anUnknownAddressIsNotFound() {
		assertThat(read("http://localhost/api/calendar/not-a-token.ics").status()).isEqualTo(404);
	}

	private String feedUrl(Person person) {
		Api.Response response = person.api().get("/api/calendar/feed-url");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.at("/url");
	}

	/** Reads the feed as a calendar app: no sign-in. */
	private Api.Response read(String url) {
		return new Api(this.port).get(url.substring(url.indexOf("/api/")));
	}

	private static VEvent event(Api.Response feed, String id) {
		ICalendar calendar = Biweekly.parse(feed.text()).first();
		List<VEvent> events = calendar.getEvents();
		return events.stream()
			.filter(e -> e.getUid().getValue().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no event " + id + " in " + feed.text()));
	}

}
