package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.WeekFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sparktherapy.children.Children;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoClock;
import org.sparktherapy.platform.DemoData;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sessions of the demo clinic's completed appointments ({@code demo} profile), after
 * the schedule is seeded — a month of them: oldest first, each technician records the
 * session's data ({@link DemoSessions#eventsOf}, the same learning curves as the sessions
 * before the schedule, so the graphs and automatic masteries go on through the month) and
 * each therapist signs (submits) it at the appointment's end (the demo clock), through
 * the same services as the app — except each therapist's most recent one, whose note
 * waits for a signature, so billing shows charges ready and held for an unsigned note. A
 * guardian co-signs each note the evening after, except the last week's, which wait for
 * the guardian (the signature requests name the session's own day). A supervising BCBA's
 * session (97155) has no data of its own: the technician's session records it. Sessions
 * already submitted are left alone, and so is a session that already holds data.
 */
@Component
@Profile("demo")
@Order(52)
class DemoSignedNotes implements DemoData {

	private final SessionSigning signing;

	private final SessionRecording recording;

	private final DemoSessions data;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final Children children;

	DemoSignedNotes(SessionSigning signing, SessionRecording recording, DemoSessions data, Accounts accounts,
			JdbcClient jdbc, Clock clock, Children children, SparkProperties properties) {
		this.signing = signing;
		this.recording = recording;
		this.data = data;
		this.accounts = accounts;
		this.children = children;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	record OpenNote(UUID sessionId, UUID childId, UUID therapistId, String serviceCode, Instant startsAt,
			Instant endsAt, boolean latest, boolean empty) {
	}

	@Override
	public void seed() {
		DemoClock.seedOnce(this.clock, () -> false, this::seed);
	}

	private void seed(DemoClock demoClock) {
		List<OpenNote> open = this.jdbc
			.sql("""
					select s.id, s.child_id, s.therapist_id, s.service_code, coalesce(p.actual_start, p.starts_at) as starts_at,
					  coalesce(p.actual_end, p.ends_at) as ends_at,
					  row_number() over (partition by s.therapist_id order by p.starts_at desc) = 1 as latest,
					  not exists (select 1 from session_events e where e.session_id = s.id) as empty
					from therapy_sessions s
					join appointment_facts p on p.appointment_id = s.appointment_id
					where s.status = 'open' and p.status = 'completed'
					order by p.starts_at""")
			.query((rs, i) -> new OpenNote(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
					rs.getObject("therapist_id", UUID.class), rs.getString("service_code"),
					rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
					rs.getBoolean("latest"), rs.getBoolean("empty")))
			.list();
		LocalDate signedBefore = LocalDate.now(this.zone).minusDays(7);
		// the week of each child's last session with data: its first one in a week probes
		// the mastered targets
		Map<UUID, Integer> probedWeek = new HashMap<>();
		for (OpenNote note : open) {
			AccountSummary account = this.accounts.findById(note.therapistId()).orElse(null);
			if (account == null) {
				continue;
			}
			CurrentUser therapist = new CurrentUser(account.id(), account.role(), account.name(), null);
			demoClock.set(note.endsAt().plus(Duration.ofMinutes(5)));
			if (note.empty() && "97153".equals(note.serviceCode())) {
				int week = LocalDate.ofInstant(note.startsAt(), this.zone).get(WeekFields.ISO.weekOfWeekBasedYear());
				boolean probeDay = !Integer.valueOf(week).equals(probedWeek.put(note.childId(), week));
				therapist.runAs(() -> {
					List<FlatEvent> events = this.data.eventsOf(note.childId(), note.startsAt(), probeDay);
					if (!events.isEmpty()) {
						this.recording.record(therapist, note.sessionId(), events);
					}
				});
			}
			if (note.latest()) {
				continue;
			}
			therapist.runAs(() -> this.signing.submit(therapist, note.sessionId(),
					"97153".equals(note.serviceCode()) ? "Followed the treatment plan; data recorded in the session."
							: "Observed the session, modified the protocol and modelled it for the technician."));
			if (LocalDate.ofInstant(note.startsAt(), this.zone).isBefore(signedBefore)) {
				demoClock.set(note.endsAt().plus(Duration.ofHours(3)));
				coSign(note.childId(), note.sessionId());
			}
		}
	}

	/** The first guardian who may sign for the child co-signs, through the service. */
	private void coSign(UUID childId, UUID sessionId) {
		for (UUID guardianId : this.children.peopleOf(childId).guardians()) {
			AccountSummary guardian = this.accounts.findById(guardianId).orElse(null);
			if (guardian == null) {
				continue;
			}
			CurrentUser user = new CurrentUser(guardian.id(), guardian.role(), guardian.name(), null);
			if (this.children.maySignFor(user, childId)) {
				user.runAs(() -> this.signing.coSign(user, sessionId, guardian.name(), DemoSessions.SIGNATURE));
				return;
			}
		}
	}

}
