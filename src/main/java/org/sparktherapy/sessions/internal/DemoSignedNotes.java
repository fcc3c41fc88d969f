package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.children.Children;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoClock;
import org.sparktherapy.platform.DemoData;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notes of the demo clinic's completed appointments ({@code demo} profile), after the
 * schedule is seeded: each therapist signs (submits) the sessions of their completed
 * appointments through the same service as the app, except the most recent one, whose
 * note waits for a signature — so billing shows charges ready and one held for an
 * unsigned note per therapist. Each is signed at its appointment's end (the demo clock),
 * so the guardians' signature requests name the session's own day. Sessions already
 * submitted are left alone.
 */
@Component
@Profile("demo")
@Order(52)
class DemoSignedNotes implements DemoData {

	private final SessionSigning signing;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Children children;

	DemoSignedNotes(SessionSigning signing, Accounts accounts, JdbcClient jdbc, Clock clock, Children children) {
		this.signing = signing;
		this.accounts = accounts;
		this.children = children;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record OpenNote(UUID sessionId, UUID childId, UUID therapistId, Instant endsAt, boolean latest) {
	}

	@Override
	public void seed() {
		DemoClock.seedOnce(this.clock, () -> false, this::seed);
	}

	private void seed(DemoClock demoClock) {
		List<OpenNote> open = this.jdbc.sql("""
				select s.id, s.child_id, s.therapist_id, coalesce(p.actual_end, p.ends_at) as ends_at,
				  row_number() over (partition by s.therapist_id order by p.starts_at desc) = 1 as latest
				from therapy_sessions s
				join appointment_facts p on p.appointment_id = s.appointment_id
				where s.status = 'open' and p.status = 'completed'
				order by p.starts_at""")
			.query((rs, i) -> new OpenNote(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
					rs.getObject("therapist_id", UUID.class), rs.getTimestamp("ends_at").toInstant(),
					rs.getBoolean("latest")))
			.list();
		for (OpenNote note : open) {
			if (note.latest()) {
				continue;
			}
			AccountSummary account = this.accounts.findById(note.therapistId()).orElse(null);
			if (account == null) {
				continue;
			}
			CurrentUser therapist = new CurrentUser(account.id(), account.role(), account.name(), null);
			demoClock.set(note.endsAt());
			therapist.runAs(() -> this.signing.submit(therapist, note.sessionId(),
					"Followed the treatment plan; data recorded in the session."));
			demoClock.set(note.endsAt().plus(Duration.ofHours(3)));
			coSign(note.childId(), note.sessionId());
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
