package org.sparktherapy.sessions.internal;

import java.lang.reflect.Proxy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.RecordingAuditTrail;
import org.sparktherapy.support.StatementCounting;
import org.sparktherapy.support.TeachingWorld;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor's caseload targets (near mastery, stalled) cost a fixed number of reads
 * however many children the caseload holds: the targets, the phase changes, the stored
 * results and the first sessions of targets without a phase change are each read once for
 * all children (ADR 0050, session 14), not per child. Statements are counted on the way
 * to the real database; the children and programs modules' calls at their interfaces.
 */
@IntegrationTest
class CaseloadTargetsStatementsIntegrationTests {

	private static final List<String> NINE_OF_TEN = TeachingWorld.outcomes(9, 10);

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Children children;

	@Autowired
	Programs programs;

	@Autowired
	SessionAccessPolicy policy;

	@Autowired
	Clock clock;

	@Autowired
	SparkProperties properties;

	@Test
	void theWholeCaseloadIsReadInAFixedNumberOfStatements() {
		TeachingWorld world = new TeachingWorld(this.port, this.jdbc);
		List<String> childIds = new ArrayList<>(List.of(world.childId()));
		for (int i = 0; i < 2; i++) {
			childIds.add(world.clinic()
				.aChild(world.admin(), world.clinic().aParent(), world.supervisor(), world.technician()));
		}
		Instant start = Instant.now().minus(Duration.ofDays(3));
		List<String> dogs = new ArrayList<>();
		List<String> firstSessions = new ArrayList<>();
		for (int i = 0; i < childIds.size(); i++) {
			String child = childIds.get(i);
			Api.Response program = world.clinic().aProgram(world.supervisor(), child);
			String dog = program.at("/targets/0/id");
			TeachingWorld.moveTo(world.supervisor(), program.at("/id"), dog, "intervention");
			world.backdatePhaseChanges(dog, Duration.ofDays(5));
			Instant at = start.plus(Duration.ofHours(i));
			firstSessions.add(TeachingWorld.session(world.technician(), child, dog, NINE_OF_TEN, at));
			TeachingWorld.session(world.technician(), child, dog, NINE_OF_TEN, at.plus(Duration.ofDays(1)));
			dogs.add(dog);
		}
		// the last child's target has no phase change: its "since" is its first session
		this.jdbc.sql("delete from target_phase_changes where target_id = :target")
			.param("target", UUID.fromString(dogs.get(2)))
			.update();

		AtomicInteger statements = new AtomicInteger();
		Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
		List<PhiAccess> audited = new CopyOnWriteArrayList<>();
		QueueService service = service(statements, calls, audited);
		CurrentUser supervisor = new CurrentUser(UUID.fromString(world.supervisor().id()), Role.THERAPIST,
				"A supervisor", null);

		QueueService.CaseloadTargets targets = service.caseloadTargets(supervisor);

		assertThat(targets.nearMastery()).extracting(alert -> alert.targetId().toString())
			.containsExactlyInAnyOrderElementsOf(dogs);
		assertThat(targets.nearMastery()).allSatisfy(alert -> assertThat(alert.sessionsMeetingInARow()).isEqualTo(2));
		assertThat(targets.nearMastery()).filteredOn(alert -> alert.targetId().toString().equals(dogs.get(2)))
			.singleElement()
			.satisfies(alert -> assertThat(alert.phaseSince()).isEqualTo(startOf(firstSessions.get(2))));
		assertThat(targets.stalled()).isEmpty();
		assertThat(audited).extracting(access -> access.childId().toString())
			.containsExactlyInAnyOrderElementsOf(childIds);

		// the stored results, and the first sessions of the target without a phase change
		assertThat(statements).as("the sessions module's statements for three children").hasValue(2);
		assertThat(calls).as("calls to the children and programs modules")
			.containsOnlyKeys("Children.caseload", "Programs.targetsOf", "Programs.phaseChangesOf");
		assertThat(calls.values()).as("each once, for all children").allSatisfy(n -> assertThat(n).hasValue(1));
	}

	private Instant startOf(String sessionId) {
		return this.jdbc.sql("select started_at from therapy_sessions where id = :id")
			.param("id", UUID.fromString(sessionId))
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private QueueService service(AtomicInteger statements, Map<String, AtomicInteger> calls, List<PhiAccess> audited) {
		JdbcClient counted = JdbcClient.create(StatementCounting.counting(this.dataSource, statements));
		return new QueueService(new QueueRepository(counted), new SessionRepository(counted),
				new SessionResults(counted), this.policy, counting(Children.class, this.children, calls),
				counting(Programs.class, this.programs, calls), new RecordingAuditTrail(audited), this.clock,
				this.properties);
	}

	private static <T> T counting(Class<T> type, T target, Map<String, AtomicInteger> calls) {
		return type
			.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
				calls.computeIfAbsent(type.getSimpleName() + "." + method.getName(), name -> new AtomicInteger())
					.incrementAndGet();
				return StatementCounting.invoke(target, method, args);
			}));
	}

}
