package org.sparktherapy.sessions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TeachingWorld;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;
import static org.sparktherapy.support.TeachingWorld.outcomes;
import static org.sparktherapy.support.TeachingWorld.session;

/**
 * The per-target summaries the sessions module publishes for reports, for several
 * children in one call, against fixtures whose answers are worked out by hand in each
 * test. The program's criterion: 80 % in 3 sessions in a row, at least 5 trials.
 */
@IntegrationTest
class TargetSummariesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sessions sessions;

	TeachingWorld world;

	UUID child;

	String program;

	String dog;

	String cat;

	Instant now;

	@BeforeEach
	void setUp() {
		this.world = new TeachingWorld(this.port, this.jdbc);
		this.child = UUID.fromString(this.world.childId());
		Api.Response created = this.world.clinic().aProgram(this.world.supervisor(), this.world.childId());
		this.program = created.at("/id");
		this.dog = created.at("/targets/0/id");
		this.cat = created.at("/targets/1/id");
		this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
	}

	@Test
	void aFlatTargetIsStalledARisingOneIsNotAndEveryChildAskedIsAKey() {
		intervention(this.dog, Duration.ofDays(35));
		intervention(this.cat, Duration.ofDays(35));
		// dog: 50 60 40 | 50 50 50 → latest mean 50 ≤ 50 before: stalled
		// cat: 20 30 40 | 50 60 70 → 60 > 30: not stalled
		int[] dog = { 5, 6, 4, 5, 5, 5 };
		int[] cat = { 2, 3, 4, 5, 6, 7 };
		for (int i = 0; i < 6; i++) {
			taught(this.dog, dog[i], daysAgo(30 - 3 * i));
			taught(this.cat, cat[i], daysAgo(30 - 3 * i).plusSeconds(600));
		}
		UUID untaught = UUID.fromString(
				this.world.clinic().aChild(this.world.admin(), null, this.world.supervisor(), this.world.technician()));

		Map<UUID, Set<UUID>> stalled = this.sessions.stalledTargetsOf(List.of(untaught, this.child), 3);

		assertThat(stalled).containsOnlyKeys(untaught, this.child);
		assertThat(stalled.get(untaught)).isEmpty();
		assertThat(stalled.get(this.child)).containsExactly(UUID.fromString(this.dog));
		assertThat(this.sessions.stalledTargetsOf(List.of(this.child), 4).get(this.child))
			.as("a window of 4 needs 8 sessions, 6 were run")
			.isEmpty();
	}

	@Test
	void onlyResultsSinceTheDayThePhaseBeganCount() {
		// three sessions at 90 % before the phase began, then 50 50 50 50 50 50: with the
		// old three a window of 4 would compare 50 with (90 + 3 × 50) / 4 = 60 and stall
		intervention(this.dog, Duration.ofDays(35));
		for (int i = 0; i < 3; i++) {
			taught(this.dog, 9, daysAgo(40 - i));
		}
		for (int i = 0; i < 6; i++) {
			taught(this.dog, 5, daysAgo(30 - 3 * i));
		}

		assertThat(this.sessions.stalledTargetsOf(List.of(this.child), 4).get(this.child)).isEmpty();
		assertThat(this.sessions.stalledTargetsOf(List.of(this.child), 3).get(this.child))
			.containsExactly(UUID.fromString(this.dog));
	}

	@Test
	void aTargetNearMasteryIsNeverStalled() {
		// 100 100 100 | 40 90 90: 73.3 ≤ 100 would stall, but the last two meet the
		// criterion, one short of its three in a row: near mastery
		intervention(this.dog, Duration.ofDays(35));
		int[] dog = { 10, 10, 10, 4, 9, 9 };
		for (int i = 0; i < 6; i++) {
			taught(this.dog, dog[i], daysAgo(30 - 3 * i));
		}

		assertThat(this.sessions.stalledTargetsOf(List.of(this.child), 3).get(this.child)).isEmpty();
	}

	@Test
	void theLatestSessionWithDataSinceCountsOnlyEntriesNotUndone() {
		TeachingWorld.moveTo(this.world.supervisor(), this.program, this.dog, "intervention");
		taught(this.dog, 9, daysAgo(10));
		Instant latest = daysAgo(5);
		taught(this.dog, 9, latest);
		undone(this.dog, daysAgo(1));
		UUID dog = UUID.fromString(this.dog);

		assertThat(this.sessions.latestDataOf(List.of(new Sessions.TargetSince(this.child, dog, daysAgo(20))),
				this.now.plus(Duration.ofDays(1))))
			.containsExactly(Map.entry(dog, latest));
		assertThat(this.sessions.latestDataOf(
				List.of(new Sessions.TargetSince(this.child, dog, daysAgo(3)),
						new Sessions.TargetSince(this.child, UUID.fromString(this.cat), daysAgo(20))),
				this.now.plus(Duration.ofDays(1))))
			.as("nothing since three days ago; the cat never had data")
			.isEmpty();
	}

	@Test
	void recordedSessionsNameTheTargetsWithDataPerChild() {
		TeachingWorld.moveTo(this.world.supervisor(), this.program, this.dog, "intervention");
		String first = taught(this.dog, 5, daysAgo(3));
		String second = undone(this.dog, daysAgo(2));
		taught(this.dog, 5, daysAgo(20));
		UUID other = UUID.fromString(
				this.world.clinic().aChild(this.world.admin(), null, this.world.supervisor(), this.world.technician()));

		Map<UUID, List<Sessions.RecordedSession>> recorded = this.sessions
			.recordedSessionsOf(List.of(this.child, other), daysAgo(7), this.now);

		assertThat(recorded).containsOnlyKeys(this.child, other);
		assertThat(recorded.get(other)).isEmpty();
		assertThat(recorded.get(this.child)).extracting(s -> s.sessionId().toString()).containsExactly(first, second);
		assertThat(recorded.get(this.child)).extracting(Sessions.RecordedSession::targetIds)
			.containsExactly(Set.of(UUID.fromString(this.dog)), Set.of());
	}

	private void intervention(String target, Duration ago) {
		TeachingWorld.moveTo(this.world.supervisor(), this.program, target, "intervention");
		this.world.backdatePhaseChanges(target, ago);
	}

	/**
	 * A submitted session with ten trials on the target, {@code correct} of them correct.
	 */
	private String taught(String target, int correct, Instant start) {
		return session(this.world.technician(), this.world.childId(), target, outcomes(correct, 10), start);
	}

	/** A submitted session whose only trial on the target was undone in it. */
	private String undone(String target, Instant start) {
		String id = TeachingWorld.openSession(this.world.technician(), this.world.childId(), start);
		String trial = UUID.randomUUID().toString();
		Api.Response recorded = this.world.technician()
			.api()
			.post("/api/sessions/" + id + "/events",
					body("events",
							List.of(body("id", trial, "type", "trial", "targetId", target, "outcome", "correct",
									"promptLevel", "independent", "at", start.toString()),
									body("id", UUID.randomUUID().toString(), "type", "undo", "undoes", trial, "at",
											start.plusSeconds(5).toString()))));
		assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
		Api.Response submitted = this.world.technician()
			.api()
			.post("/api/sessions/" + id + "/submit", body("note", "Done."));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		return id;
	}

	private Instant daysAgo(int days) {
		return this.now.minus(Duration.ofDays(days));
	}

}
