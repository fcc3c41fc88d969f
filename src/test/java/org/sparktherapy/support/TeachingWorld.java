package org.sparktherapy.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.support.Clinic.Person;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * A child being taught, for tests of what sessions' data says about its targets (the home
 * page's queues, the caseload report, the per-target summaries): an active child with a
 * guardian who may sign, a supervising BCBA and an RBT technician, built through the
 * public API; programs, phase changes and submitted sessions of trials added by the test.
 * Phase changes can be moved into the past, since the rules look at how long a target has
 * been in its phase.
 */
public final class TeachingWorld {

	private final Clinic clinic;

	private final JdbcClient jdbc;

	private final Person admin;

	private final Person supervisor;

	private final Person technician;

	private final Person guardian;

	private final String childId;

	public TeachingWorld(int port, JdbcClient jdbc) {
		this.clinic = new Clinic(port);
		this.jdbc = jdbc;
		this.admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.childId = this.clinic.aChild(this.admin, this.guardian, this.supervisor, this.technician);
	}

	public Clinic clinic() {
		return this.clinic;
	}

	public Person admin() {
		return this.admin;
	}

	public Person supervisor() {
		return this.supervisor;
	}

	public Person technician() {
		return this.technician;
	}

	public Person guardian() {
		return this.guardian;
	}

	public String childId() {
		return this.childId;
	}

	/**
	 * The supervisor moves the target of the program to the phase (a manual phase change,
	 * now).
	 */
	public static void moveTo(Person supervisor, String programId, String targetId, String phase) {
		Api.Response moved = supervisor.api()
			.put("/api/programs/" + programId + "/targets/" + targetId, body("phase", phase));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
	}

	/** Moves every phase change of the target to {@code ago} before now. */
	public void backdatePhaseChanges(String targetId, Duration ago) {
		int changed = this.jdbc.sql("update target_phase_changes set at = :at where target_id = :target")
			.param("at", Timestamp.from(Instant.now().minus(ago)))
			.param("target", UUID.fromString(targetId))
			.update();
		assertThat(changed).isPositive();
	}

	/** An open half-hour session of the therapist that started at {@code start}. */
	public static String openSession(Person therapist, String childId, Instant start) {
		String id = UUID.randomUUID().toString();
		Api.Response created = therapist.api()
			.put("/api/sessions/" + id, body("childId", childId, "serviceCode", "97153", "place", "clinic", "startedAt",
					start.toString(), "endedAt", start.plus(Duration.ofMinutes(30)).toString()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return id;
	}

	/**
	 * A submitted half-hour session that started at {@code start}, with these trials
	 * ("correct"/"incorrect", each independent, ten seconds apart) on the target.
	 */
	public static String session(Person therapist, String childId, String targetId, List<String> outcomes,
			Instant start) {
		String id = openSession(therapist, childId, start);
		List<Object> events = new ArrayList<>();
		for (int i = 0; i < outcomes.size(); i++) {
			events.add(body("id", UUID.randomUUID().toString(), "type", "trial", "targetId", targetId, "outcome",
					outcomes.get(i), "promptLevel", "independent", "at", start.plusSeconds(10L * i).toString()));
		}
		Api.Response recorded = therapist.api().post("/api/sessions/" + id + "/events", body("events", events));
		assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
		Api.Response submitted = therapist.api().post("/api/sessions/" + id + "/submit", body("note", "Done."));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		return id;
	}

	/** {@code trials} outcomes, the first {@code correct} of them correct. */
	public static List<String> outcomes(int correct, int trials) {
		List<String> outcomes = new ArrayList<>();
		for (int i = 0; i < trials; i++) {
			outcomes.add((i < correct) ? "correct" : "incorrect");
		}
		return outcomes;
	}

}
