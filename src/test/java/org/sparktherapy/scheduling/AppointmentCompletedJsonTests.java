package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.billing.AuthorizationRunningOut;
import org.sparktherapy.sessions.Sessions;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events that carry a service code and a place keep their wire format now that those
 * are enums: rows written to the event publication table before (strings) still read, and
 * what is written is the same strings.
 */
class AppointmentCompletedJsonTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final UUID id = UUID.randomUUID();

	private final Instant start = Instant.parse("2026-03-02T15:00:00Z");

	@Test
	void anAppointmentCompletedStoredWithStringsStillReads() {
		String stored = """
				{"appointmentId":"%1$s","childId":"%1$s","therapistId":"%1$s","serviceCode":"97153",
				"place":"clinic","startsAt":"2026-03-02T15:00:00Z","endsAt":"2026-03-02T16:00:00Z",
				"sessionId":"%1$s","completedAt":"2026-03-02T16:00:00Z","actualStart":"2026-03-02T15:00:00Z",
				"actualEnd":"2026-03-02T16:00:00Z"}""".formatted(this.id);
		AppointmentCompleted event = JSON.readValue(stored, AppointmentCompleted.class);
		assertThat(event.serviceCode()).isEqualTo(ServiceCode.TREATMENT_BY_PROTOCOL);
		assertThat(event.place()).isEqualTo(Place.CLINIC);
		assertThat(event.startsAt()).isEqualTo(this.start);
	}

	@Test
	void theEventsWriteTheCodeAndTheLowercasePlace() {
		String completed = JSON
			.writeValueAsString(new AppointmentCompleted(this.id, this.id, this.id, ServiceCode.PROTOCOL_MODIFICATION,
					Place.TELEHEALTH, this.start, this.start, this.id, this.start, this.start, this.start));
		assertThat(completed).contains("\"serviceCode\":\"97155\"", "\"place\":\"telehealth\"");
		String runningOut = JSON.writeValueAsString(
				new AuthorizationRunningOut(this.id, this.id, ServiceCode.FAMILY_GUIDANCE, true, this.start));
		assertThat(runningOut).contains("\"serviceCode\":\"97156\"");
		assertThat(JSON.readValue(runningOut, AuthorizationRunningOut.class).serviceCode())
			.isEqualTo(ServiceCode.FAMILY_GUIDANCE);
		String toRecord = JSON.writeValueAsString(new Sessions.AppointmentToRecord(this.id, this.id, this.id,
				ServiceCode.TREATMENT_BY_PROTOCOL, Place.HOME, this.start, this.start));
		assertThat(toRecord).contains("\"serviceCode\":\"97153\"", "\"place\":\"home\"");
	}

}
