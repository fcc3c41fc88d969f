package org.sparktherapy.sessions.internal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SessionAccess}: recording into a session reads it once, locking it, and decides
 * access on that one read (issue 16).
 */
class SessionAccessTests {

	final UUID therapist = UUID.randomUUID();

	final Session open = new Session(UUID.randomUUID(), UUID.randomUUID(), new Session.Person(this.therapist, "T"),
			"97153", "clinic", Instant.now(), null, null, Session.Status.OPEN, null, null, null, Instant.now(),
			Instant.now(), 0);

	/** Each read of the session: whether it locked. */
	final List<Boolean> reads = new ArrayList<>();

	final List<Object> refusals = new ArrayList<>();

	@Test
	void anEventBatchReadsItsSessionOnceAndLocksIt() {
		Session session = access(Relation.TECHNICIAN).ownOpenSession(user(this.therapist), this.open.id(), "record");

		assertThat(session).isEqualTo(this.open);
		assertThat(this.reads).containsExactly(true);
		assertThat(this.refusals).isEmpty();
	}

	@Test
	void theAccessDecisionIsStillMadeOnThatRead() {
		assertThatThrownBy(() -> access(Relation.NONE).ownOpenSession(user(this.therapist), this.open.id(), "record"))
			.isInstanceOf(SessionsProblems.SessionNotFound.class);
		assertThatThrownBy(
				() -> access(Relation.SUPERVISOR).ownOpenSession(user(UUID.randomUUID()), this.open.id(), "record"))
			.isInstanceOf(SessionsProblems.NotAllowedForSession.class);
		assertThat(this.reads).containsExactly(true, true);
		assertThat(this.refusals).hasSize(2);
	}

	@Test
	void readingStaysUnlocked() {
		access(Relation.SUPERVISOR).visible(user(UUID.randomUUID()), this.open.id(), "read");

		assertThat(this.reads).containsExactly(false);
	}

	private SessionAccess access(Relation relation) {
		SessionRepository repository = new SessionRepository(null) {
			@Override
			Optional<Session> find(UUID id, boolean forUpdate) {
				SessionAccessTests.this.reads.add(forUpdate);
				return Optional.of(SessionAccessTests.this.open).filter(s -> s.id().equals(id));
			}
		};
		Children children = proxy(Children.class, (method, args) -> method.equals("relationOf") ? relation : null);
		AuditTrail audit = proxy(AuditTrail.class, (method, args) -> {
			this.refusals.add(args[0]);
			return null;
		});
		return new SessionAccess(repository, new SessionAccessPolicy(), children, audit);
	}

	private static CurrentUser user(UUID id) {
		return new CurrentUser(id, Role.THERAPIST, "T", UUID.randomUUID());
	}

	interface Answer {

		Object answer(String method, Object[] args);

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Answer answer) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				(p, method, args) -> answer.answer(method.getName(), args));
	}

}
