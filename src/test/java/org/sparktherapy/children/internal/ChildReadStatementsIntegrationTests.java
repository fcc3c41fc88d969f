package org.sparktherapy.children.internal;

import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.children.Children.ChildPeople;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.support.StatementCounting;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reading a child costs the database (issue 16, ADR 0048 "Child read"): what the
 * caller is to the child and the whole record — the child, its guardians, its care team —
 * in one statement, the guardians' email addresses in one call of identity's facade (none
 * for a refused caller), a list page with its total in one, the people around a child in
 * one. Statements are counted on the way to the real database.
 */
@IntegrationTest
class ChildReadStatementsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JsonMapper json;

	@Autowired
	Accounts accounts;

	final AtomicInteger statements = new AtomicInteger();

	final AtomicInteger accountLookups = new AtomicInteger();

	ChildRepository children;

	ChildAccessPolicy policy;

	Person guardian;

	Person supervisor;

	Person technician;

	UUID child;

	@BeforeEach
	void setUp() {
		Clinic clinic = new Clinic(this.port);
		Person admin = clinic.rootAdmin();
		this.guardian = clinic.aParent();
		this.supervisor = clinic.aTherapist("BCBA");
		this.technician = clinic.aTherapist("RBT");
		this.child = UUID.fromString(clinic.aChild(admin, this.guardian, this.supervisor, this.technician));
		Accounts counted = (Accounts) Proxy.newProxyInstance(Accounts.class.getClassLoader(),
				new Class<?>[] { Accounts.class }, (proxy, method, args) -> {
					this.accountLookups.incrementAndGet();
					return StatementCounting.invoke(this.accounts, method, args);
				});
		this.children = new ChildRepository(
				JdbcClient.create(StatementCounting.counting(this.dataSource, this.statements)), this.json, counted);
		this.policy = new ChildAccessPolicy(this.children);
	}

	@Test
	void aCareTeamMemberReadsTheRelationAndTheWholeRecordInOneStatement() {
		CurrentUser user = user(this.supervisor, Role.THERAPIST);

		ChildRepository.Seen seen = this.children.findAs(this.child, this.policy.relationColumn(user), user.id())
			.orElseThrow();

		assertThat(this.statements).as("statements for the relation and the record").hasValue(1);
		assertThat(this.accountLookups).as("calls of identity's facade for the guardians").hasValue(1);
		assertThat(this.policy.relation(seen.relation())).isEqualTo(Relation.SUPERVISOR);
		Child record = seen.child();
		assertThat(record.id()).isEqualTo(this.child);
		assertThat(record.guardians()).singleElement().satisfies(g -> {
			assertThat(g.userId().toString()).isEqualTo(this.guardian.id());
			assertThat(g.email()).isEqualTo(this.guardian.email());
			assertThat(g.relationship()).isEqualTo("mother");
			assertThat(g.canSign()).isTrue();
		});
		// in the order the record always had: by role, descending, then name
		assertThat(record.careTeam()).extracting(m -> m.userId().toString(), Child.CareTeamMember::role)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(this.technician.id(), Child.TeamRole.TECHNICIAN),
					org.assertj.core.groups.Tuple.tuple(this.supervisor.id(), Child.TeamRole.SUPERVISOR));
	}

	@Test
	void aStrangerLearnsNothingInOneStatementAndNoAccountIsRead() {
		Person stranger = new Clinic(this.port).aTherapist("RBT");
		CurrentUser user = user(stranger, Role.THERAPIST);

		ChildRepository.Seen seen = this.children.findAs(this.child, this.policy.relationColumn(user), user.id())
			.orElseThrow();

		assertThat(this.statements).hasValue(1);
		assertThat(this.accountLookups).hasValue(0);
		assertThat(this.policy.relation(seen.relation())).isEqualTo(Relation.NONE);
		assertThat(seen.child()).isNull();
		assertThat(this.children.findAs(UUID.randomUUID(), this.policy.relationColumn(user), user.id())).isEmpty();
	}

	@Test
	void everyRelationIsOneStatement() {
		UUID unknown = UUID.randomUUID();
		CurrentUser admin = new CurrentUser(UUID.randomUUID(), Role.ADMIN, "Admin", null);

		assertThat(this.policy.relationOf(admin, this.child)).isEqualTo(Relation.ADMIN);
		assertThat(this.policy.relationOf(admin, unknown)).isEqualTo(Relation.NONE);
		assertThat(this.policy.relationOf(user(this.guardian, Role.PARENT), this.child)).isEqualTo(Relation.GUARDIAN);
		assertThat(this.policy.relationOf(user(this.technician, Role.THERAPIST), this.child))
			.isEqualTo(Relation.TECHNICIAN);
		assertThat(this.policy.relationOf(user(this.guardian, Role.PARENT), unknown)).isEqualTo(Relation.NONE);
		assertThat(this.statements).as("statements for five relations").hasValue(5);
	}

	@Test
	void theRecordIsOneStatementAndOneAccountLookup() {
		Child record = this.children.find(this.child, false).orElseThrow();

		assertThat(this.statements).hasValue(1);
		assertThat(this.accountLookups).hasValue(1);
		assertThat(record.guardians()).hasSize(1);
		assertThat(record.careTeam()).hasSize(2);
	}

	@Test
	void thePeopleAroundAChildAreOneStatement() {
		ChildPeople people = this.children.peopleOf(this.child);

		assertThat(this.statements).hasValue(1);
		assertThat(people.guardians()).containsExactly(UUID.fromString(this.guardian.id()));
		assertThat(people.supervisors()).containsExactly(UUID.fromString(this.supervisor.id()));
		assertThat(people.technicians()).containsExactly(UUID.fromString(this.technician.id()));
	}

	@Test
	void aListPageCarriesItsTotalInOneStatement() {
		CurrentUser user = user(this.supervisor, Role.THERAPIST);
		String visible = this.policy.visibilityFilter(user);

		var page = this.children.search(visible, user, null, null, false,
				PageQuery.of(0, 20, null, ChildRepository.SORTABLE, "lastName,asc"));

		assertThat(this.statements).as("statements for a page and its total").hasValue(1);
		assertThat(page.content()).extracting(ChildRepository.ChildSummary::id).containsExactly(this.child);
		assertThat(page.page().totalElements()).isEqualTo(1);

		// a page past the end has no row to carry the total: it is counted on its own
		var past = this.children.search(visible, user, null, null, false,
				PageQuery.of(3, 20, null, ChildRepository.SORTABLE, "lastName,asc"));
		assertThat(past.content()).isEmpty();
		assertThat(past.page().totalElements()).isEqualTo(1);
	}

	private static CurrentUser user(Person person, Role role) {
		return new CurrentUser(UUID.fromString(person.id()), role, "Someone", null);
	}

}
