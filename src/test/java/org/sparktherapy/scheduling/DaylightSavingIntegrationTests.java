package org.sparktherapy.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Weekly appointments keep their wall-clock time across the US spring daylight-saving
 * change, through the running application: a clinic in America/New_York (its own
 * application context on a fresh database), booked, moved and read over HTTP and in the
 * calendar feed. The change is the next one ahead (14 March 2027 when written), so the
 * test does not age.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaylightSavingIntegrationTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	DataSource dataSource;

	FreshDatabase database;

	ConfigurableApplicationContext newYork;

	Clinic clinic;

	Person admin;

	int port;

	Person guardian;

	/**
	 * The Monday two weeks before the next spring-forward change, at 15:00 New York time.
	 */
	OffsetDateTime firstMonday;

	@BeforeAll
	void startAClinicInNewYork() {
		this.database = new FreshDatabase(this.dataSource);
		// command-line arguments outrank the test profile (docs/development.md)
		this.newYork = new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + this.database.url(),
					"--spring.datasource.username=" + this.database.username(),
					"--spring.datasource.hikari.maximum-pool-size=3", "--spark.clinic-time-zone=America/New_York",
					"--spark.data-dir=target/test-data-fresh");
		this.port = ((WebServerApplicationContext) this.newYork).getWebServer().getPort();
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.guardian = this.clinic.aParent();
		LocalDate change = nextSpringForward().getDateTimeBefore().toLocalDate();
		this.firstMonday = change.minusWeeks(2)
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.atTime(LocalTime.of(15, 0))
			.atZone(NEW_YORK)
			.toOffsetDateTime();
	}

	@AfterAll
	void stop() {
		if (this.newYork != null) {
			this.newYork.close();
		}
		if (this.database != null) {
			this.database.drop();
		}
	}

	@Test
	void aWeeklySeriesKeeps15HundredLocalAcrossTheChange() {
		Series booked = bookFourMondays();

		List<OffsetDateTime> starts = starts(booked.occurrences());
		assertThat(starts).extracting(OffsetDateTime::toLocalTime).containsOnly(LocalTime.of(15, 0));
		assertThat(starts).extracting(OffsetDateTime::getOffset)
			.containsExactly(ZoneOffset.ofHours(-5), ZoneOffset.ofHours(-5), ZoneOffset.ofHours(-4),
					ZoneOffset.ofHours(-4));
		assertThat(starts.get(2).toInstant()).as("one hour less than a week of real time across the change")
			.isEqualTo(starts.get(1).toInstant().plusSeconds(7 * 24 * 3600 - 3600));
		for (JsonNode occurrence : booked.occurrences()) {
			assertThat(OffsetDateTime.parse(occurrence.get("end").asString()).toLocalTime())
				.isEqualTo(LocalTime.of(17, 0));
		}
	}

	@Test
	void movingThisAndFollowingAcrossTheChangeKeepsTheNewWallClockTime() {
		Series booked = bookFourMondays();
		String second = booked.at("/occurrences/1/id");
		// the second Monday (before the change) moves to the Tuesday after it, at 16:00
		OffsetDateTime tuesday = this.firstMonday.plusWeeks(1).plusDays(1).withHour(16);

		Api.Response moved = this.admin.api()
			.put("/api/appointments/" + second, body("scope", "following", "start", tuesday.toString()));

		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		List<OffsetDateTime> starts = starts(moved.json().get("occurrences"));
		assertThat(starts).hasSize(3);
		assertThat(starts).extracting(OffsetDateTime::getDayOfWeek).containsOnly(DayOfWeek.TUESDAY);
		assertThat(starts).extracting(OffsetDateTime::toLocalTime).containsOnly(LocalTime.of(16, 0));
		assertThat(starts).extracting(OffsetDateTime::getOffset)
			.containsExactly(ZoneOffset.ofHours(-5), ZoneOffset.ofHours(-4), ZoneOffset.ofHours(-4));
		assertThat(OffsetDateTime
			.parse(this.admin.api().get("/api/appointments/" + booked.at("/occurrences/0/id")).at("/start")))
			.as("the first Monday stays")
			.isEqualTo(this.firstMonday);
	}

	@Test
	void theCalendarFeedShowsTheLocalTimeOnBothSidesOfTheChange() {
		Series booked = bookFourMondays();
		String url = booked.therapist().api().get("/api/calendar/feed-url").at("/url");

		Api.Response feed = new Api(this.port).get(url.substring(url.indexOf("/api/")));

		assertThat(feed.status()).isEqualTo(200);
		List<VEvent> events = Biweekly.parse(feed.text()).first().getEvents();
		for (int i = 0; i < 4; i++) {
			String id = booked.at("/occurrences/" + i + "/id");
			VEvent event = events.stream().filter(e -> e.getUid().getValue().equals(id)).findFirst().orElseThrow();
			assertThat(event.getDateStart().getValue().toInstant().atZone(NEW_YORK).toLocalTime())
				.as("occurrence %d", i)
				.isEqualTo(LocalTime.of(15, 0));
		}
	}

	/** A series and the therapist it is booked with. */
	record Series(Person therapist, Api.Response booked) {

		String at(String pointer) {
			return this.booked.at(pointer);
		}

		JsonNode occurrences() {
			return this.booked.json().get("occurrences");
		}

	}

	/**
	 * Four Mondays 15:00–17:00 for a child and a therapist of their own, so the tests'
	 * series never meet.
	 */
	private Series bookFourMondays() {
		Person therapist = this.clinic.aTherapist("RBT");
		String child = this.clinic.aChild(this.admin, this.guardian, null, therapist);
		Api.Response booked = this.admin.api()
			.post("/api/appointments",
					body("childId", child, "therapistId", therapist.id(), "serviceCode", "97153", "place", "home",
							"start", this.firstMonday.toString(), "end", this.firstMonday.plusHours(2).toString(),
							"recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=4"));
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		return new Series(therapist, booked);
	}

	private static List<OffsetDateTime> starts(JsonNode occurrences) {
		List<OffsetDateTime> starts = new ArrayList<>();
		occurrences.forEach(o -> starts.add(OffsetDateTime.parse(o.get("start").asString())));
		return starts;
	}

	/** The next change to summer time in New York at least three weeks ahead. */
	private static ZoneOffsetTransition nextSpringForward() {
		Instant from = Instant.now().plusSeconds(21L * 24 * 3600);
		ZoneOffsetTransition transition = NEW_YORK.getRules().nextTransition(from);
		while (!transition.isGap()) {
			transition = NEW_YORK.getRules().nextTransition(transition.getInstant());
		}
		return transition;
	}

}
