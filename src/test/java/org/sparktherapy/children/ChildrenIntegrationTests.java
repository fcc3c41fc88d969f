package org.sparktherapy.children;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
class ChildrenIntegrationTests {

	@LocalServerPort
	int port;

	Clinic clinic;

	Person admin;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
	}

	@Test
	void aParentOpensAChildAndBecomesItsGuardianInIntake() {
		Person parent = this.clinic.aParent();

		Api.Response child = parent.api()
			.post("/api/children", body("firstName", "Mila", "lastName", "Stone", "dateOfBirth", "2020-02-29",
					"allergies", "peanuts", "guardianRelationship", "father", "emergencyContacts",
					List.of(body("name", "Grandma Stone", "relationship", "grandmother", "phone", "+1 555 0100"))));

		assertThat(child.status()).as(child.text()).isEqualTo(201);
		assertThat(child.at("/status")).isEqualTo("intake");
		assertThat(child.at("/intakeDate")).isNotNull();
		assertThat(child.at("/guardians/0/userId")).isEqualTo(parent.id());
		assertThat(child.at("/guardians/0/relationship")).isEqualTo("father");
		assertThat(child.at("/guardians/0/canSign")).isEqualTo("true");
		assertThat(child.at("/emergencyContacts/0/phone")).isEqualTo("+1 555 0100");
		assertThat(child.header("Location")).endsWith("/api/children/" + child.at("/id"));
		assertThat(parent.api().get("/api/children/" + child.at("/id")).status()).isEqualTo(200);
	}

	@Test
	void therapistsCannotOpenChildren() {
		Person therapist = this.clinic.aTherapist("BCBA");

		Api.Response response = therapist.api()
			.post("/api/children", body("firstName", "A", "lastName", "B", "dateOfBirth", "2020-01-01"));

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void theAdminActivatesAChildAndBuildsItsCareTeam() {
		Person parent = this.clinic.aParent();
		Person supervisor = this.clinic.aTherapist("BCBA");
		String id = parent.api()
			.post("/api/children", body("firstName", "Noah", "lastName", "Reed", "dateOfBirth", "2018-07-01"))
			.at("/id");

		Api.Response activated = this.admin.api().put("/api/children/" + id, body("status", "active"));
		Api.Response team = this.admin.api()
			.post("/api/children/" + id + "/care-team", body("userId", supervisor.id(), "role", "supervisor"));

		assertThat(activated.status()).isEqualTo(200);
		assertThat(activated.at("/status")).isEqualTo("active");
		assertThat(team.status()).isEqualTo(201);
		assertThat(team.header("Location")).endsWith("/api/children/" + id);
		assertThat(team.at("/careTeam/0/role")).isEqualTo("supervisor");
		assertThat(team.at("/careTeam/0/credential")).isEqualTo("BCBA");
		assertThat(supervisor.api().get("/api/children/" + id).status()).isEqualTo(200);
	}

	@Test
	void someoneElsesChildDoesNotExistOnAnyPath() {
		Person guardian = this.clinic.aParent();
		Person otherParent = this.clinic.aParent();
		Person otherTherapist = this.clinic.aTherapist("BCBA");
		String id = this.clinic.aChild(this.admin, guardian, null, null);

		for (Person outsider : List.of(otherParent, otherTherapist)) {
			Api api = outsider.api();
			assertThat(api.get("/api/children/" + id).status()).isEqualTo(404);
			assertThat(api.put("/api/children/" + id, body("allergies", "x")).status()).isEqualTo(404);
			assertThat(api.get("/api/children/" + id + "/history").status()).isEqualTo(404);
			assertThat(api.get("/api/programs/child/" + id).status()).isEqualTo(404);
			assertThat(api.delete("/api/children/" + id).status()).isEqualTo(404);
			assertThat(api.get("/api/children?size=200").json().get("content").findValuesAsString("id"))
				.doesNotContain(id);
		}
	}

	@Test
	void aGuardianEditsOnlyContactsAndMedicalNotes() {
		Person guardian = this.clinic.aParent();
		String id = this.clinic.aChild(this.admin, guardian, null, null);

		Api.Response allowed = guardian.api()
			.put("/api/children/" + id, body("medicalNotes", "Uses an AAC device", "allergies", "latex"));
		Api.Response renaming = guardian.api().put("/api/children/" + id, body("firstName", "Changed"));
		Api.Response activating = guardian.api().put("/api/children/" + id, body("status", "active"));

		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.at("/medicalNotes")).isEqualTo("Uses an AAC device");
		assertThat(renaming.status()).isEqualTo(403);
		assertThat(activating.status()).isEqualTo(403);
		assertThat(guardian.api().get("/api/children/" + id).at("/firstName")).isEqualTo("Avery");
	}

	@Test
	void careTeamReadsButDoesNotEditTheRecord() {
		Person supervisor = this.clinic.aTherapist("BCBA");
		Person technician = this.clinic.aTherapist("RBT");
		String id = this.clinic.aChild(this.admin, null, supervisor, technician);

		assertThat(technician.api().get("/api/children/" + id).status()).isEqualTo(200);
		assertThat(technician.api().put("/api/children/" + id, body("allergies", "x")).status()).isEqualTo(403);
		assertThat(supervisor.api().put("/api/children/" + id, body("school", "x")).status()).isEqualTo(403);
		assertThat(supervisor.api()
			.post("/api/children/" + id + "/care-team", body("userId", technician.id(), "role", "supervisor"))
			.status()).isEqualTo(403);
	}

	@Test
	void aTherapistTakenOffTheTeamLosesAccessAtOnce() {
		Person technician = this.clinic.aTherapist("RBT");
		String id = this.clinic.aChild(this.admin, null, null, technician);
		assertThat(technician.api().get("/api/children/" + id).status()).isEqualTo(200);

		assertThat(this.admin.api().delete("/api/children/" + id + "/care-team/" + technician.id()).status())
			.isEqualTo(204);

		assertThat(technician.api().get("/api/children/" + id).status()).isEqualTo(404);
	}

	@Test
	void guardiansMustBeParentsAndTeamMembersTherapists() {
		Person therapist = this.clinic.aTherapist("RBT");
		Person parent = this.clinic.aParent();
		String id = this.clinic.aChild(this.admin, null, null, null);

		Api.Response therapistAsGuardian = this.admin.api()
			.post("/api/children/" + id + "/guardians",
					body("userId", therapist.id(), "relationship", "aunt", "canSign", false));
		Api.Response parentOnTeam = this.admin.api()
			.post("/api/children/" + id + "/care-team", body("userId", parent.id(), "role", "technician"));
		Api.Response unknownRole = this.admin.api()
			.post("/api/children/" + id + "/care-team", body("userId", therapist.id(), "role", "boss"));
		Api.Response unknownAccount = this.admin.api()
			.post("/api/children/" + id + "/guardians",
					body("userId", java.util.UUID.randomUUID(), "relationship", "aunt", "canSign", false));

		assertThat(therapistAsGuardian.status()).isEqualTo(400);
		assertThat(therapistAsGuardian.at("/errors/0/pointer")).isEqualTo("/userId");
		assertThat(parentOnTeam.status()).isEqualTo(400);
		assertThat(unknownRole.status()).isEqualTo(400);
		assertThat(unknownAccount.status()).isEqualTo(400);
		assertThat(this.admin.api().get("/api/children/" + id).json().get("guardians")).isEmpty();
	}

	@Test
	void onlyBehaviorAnalystsSuperviseTreatment() {
		Person rbt = this.clinic.aTherapist("RBT");
		String id = this.clinic.aChild(this.admin, null, null, null);

		Api.Response response = this.admin.api()
			.post("/api/children/" + id + "/care-team", body("userId", rbt.id(), "role", "supervisor"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/errors/0/pointer")).isEqualTo("/role");
		assertThat(response.at("/errors/0/detail"))
			.isEqualTo("An RBT cannot be a supervisor: only a BCBA or BCaBA can. Choose technician.");
		assertThat(response.at("/detail")).isEqualTo("Test therapist is an RBT, so they cannot supervise this child's"
				+ " treatment: only a BCBA or BCaBA can. Add them as a technician instead.");
	}

	@Test
	void blankNamesAndEmptyListItemsAreBadRequestsNotServerErrors() {
		String id = this.clinic.aChild(this.admin, null, null, null);

		Api.Response blank = this.admin.api().put("/api/children/" + id, body("firstName", "   "));
		Api.Response nullCode = this.admin.api()
			.put("/api/children/" + id, body("diagnosisCodes", java.util.Arrays.asList((Object) null)));
		Api.Response nullContact = this.admin.api()
			.put("/api/children/" + id, body("emergencyContacts", java.util.Arrays.asList((Object) null)));

		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.at("/errors/0/pointer")).isEqualTo("/firstName");
		assertThat(nullCode.status()).isEqualTo(400);
		assertThat(nullContact.status()).isEqualTo(400);
		assertThat(this.admin.api().get("/api/children/" + id).at("/firstName")).isEqualTo("Avery");
	}

	@Test
	void unlinkingSomeoneNotLinkedIsNotFound() {
		String id = this.clinic.aChild(this.admin, null, null, null);

		assertThat(
				this.admin.api().delete("/api/children/" + id + "/guardians/" + java.util.UUID.randomUUID()).status())
			.isEqualTo(404);
	}

	@Test
	void archivingKeepsTheChildOutOfDefaultLists() {
		Person guardian = this.clinic.aParent();
		String id = this.clinic.aChild(this.admin, guardian, null, null);

		assertThat(this.admin.api().delete("/api/children/" + id).status()).isEqualTo(204);

		assertThat(this.admin.api().get("/api/children/" + id).at("/status")).isEqualTo("archived");
		assertThat(guardian.api().get("/api/children").json().get("content").findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(
				guardian.api().get("/api/children?includeArchived=true").json().get("content").findValuesAsString("id"))
			.contains(id);
		assertThat(this.admin.api().put("/api/children/" + id, body("status", "archived")).status()).isEqualTo(400);
	}

	@Test
	void listsAreSearchableFilterableAndPaged() {
		Person guardian = this.clinic.aParent();
		String marker = "Zephyr" + System.nanoTime();
		for (String first : new String[] { "Ada", "Ben", "Cy" }) {
			guardian.api()
				.post("/api/children", body("firstName", first, "lastName", marker, "dateOfBirth", "2019-01-01"));
		}

		Api.Response page = this.admin.api()
			.get("/api/children?q=" + marker.toLowerCase() + "&status=intake&size=2&sort=firstName,desc");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("content").findValuesAsString("firstName")).containsExactly("Cy", "Ben");
		assertThat(page.at("/page/totalElements")).isEqualTo("3");
		assertThat(this.admin.api().get("/api/children?status=nonsense").status()).isEqualTo(400);
		assertThat(this.admin.api().get("/api/children?sort=medicalNotes").status()).isEqualTo(400);
	}

	@Test
	void staleChangesAreRefused() {
		String id = this.clinic.aChild(this.admin, null, null, null);
		String etag = this.admin.api().get("/api/children/" + id).header("ETag");
		this.admin.api().put("/api/children/" + id, body("school", "Maple Elementary"), "If-Match", etag);

		Api.Response stale = this.admin.api().put("/api/children/" + id, body("school", "Oak"), "If-Match", etag);

		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.admin.api().get("/api/children/" + id).at("/school")).isEqualTo("Maple Elementary");
	}

	@Test
	void badFieldsAreNamed() {
		Api.Response response = this.admin.api()
			.post("/api/children", body("firstName", "A", "lastName", "B", "dateOfBirth", "2999-01-01",
					"diagnosisCodes", List.of("F84.0", "autism")));
		Api.Response badDate = this.admin.api()
			.post("/api/children", body("firstName", "A", "lastName", "B", "dateOfBirth", "01/02/2019"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("pointer")).contains("/dateOfBirth",
				"/diagnosisCodes/1");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.at("/errors/0/pointer")).isEqualTo("/dateOfBirth");
	}

	@Test
	void historyRecordsWhoChangedWhichFieldsFromWhatToWhat() {
		Person guardian = this.clinic.aParent();
		String id = this.clinic.aChild(this.admin, guardian, null, null);
		guardian.api().put("/api/children/" + id, body("allergies", "dust"));

		Api.Response history = guardian.api().get("/api/children/" + id + "/history");

		assertThat(history.status()).isEqualTo(200);
		assertThat(history.at("/content/0/entity")).isEqualTo("child");
		assertThat(history.at("/content/0/action")).isEqualTo("updated");
		assertThat(history.at("/content/0/by/id")).isEqualTo(guardian.id());
		assertThat(history.at("/content/0/changes/0/field")).isEqualTo("allergies");
		assertThat(history.at("/content/0/changes/0/from")).isNull();
		assertThat(history.at("/content/0/changes/0/to")).isEqualTo("dust");
		assertThat(history.json().get("content").findValuesAsString("action")).contains("created", "added");
	}

	@Test
	void theRecordHoldsTheChildsSexAndHomeAddressForClaims() {
		Api.Response opened = this.admin.api()
			.post("/api/children",
					body("firstName", "Nora", "lastName", "Field", "dateOfBirth", "2019-03-03", "sex", "female",
							"address", body("line1", "12 Elm Street", "line2", "", "city", "Springfield", "state", "il",
									"postalCode", "62704-1234")));

		assertThat(opened.status()).as(opened.text()).isEqualTo(201);
		assertThat(opened.at("/sex")).isEqualTo("female");
		assertThat(opened.at("/address/line1")).isEqualTo("12 Elm Street");
		assertThat(opened.at("/address/line2")).isNull();
		assertThat(opened.at("/address/state")).isEqualTo("IL");
		assertThat(opened.at("/address/postalCode")).isEqualTo("627041234");
		String id = opened.at("/id");

		Api.Response moved = this.admin.api()
			.put("/api/children/" + id, body("sex", "unknown", "address",
					body("line1", "3 Oak Road", "city", "Chatham", "state", "IL", "postalCode", "62629")));

		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.at("/sex")).isEqualTo("unknown");
		assertThat(moved.at("/address/city")).isEqualTo("Chatham");
		Api.Response history = this.admin.api().get("/api/children/" + id + "/history");
		assertThat(history.json().get("content").get(0).get("changes").findValuesAsString("field"))
			.containsExactlyInAnyOrder("sex", "address");
		assertThat(history.json().get("content").get(0).get("changes").findValuesAsString("to")).contains("unknown",
				"3 Oak Road, Chatham, IL 62629");

		Api.Response cleared = this.admin.api()
			.put("/api/children/" + id, body("address", body("line1", "", "city", " ", "state", "", "postalCode", "")));
		assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
		assertThat(cleared.json().get("address").isNull()).isTrue();
		assertThat(cleared.at("/sex")).as("left as it was").isEqualTo("unknown");
	}

	@Test
	void aBadStateZipCodeSexOrPartialAddressIsNamed() {
		String id = this.clinic.aChild(this.admin, null, null, null);

		Api.Response badState = this.admin.api()
			.put("/api/children/" + id, body("address",
					body("line1", "1 Main St", "city", "Springfield", "state", "Illinois", "postalCode", "627")));
		Api.Response unknownState = this.admin.api()
			.put("/api/children/" + id, body("address",
					body("line1", "1 Main St", "city", "Springfield", "state", "ZZ", "postalCode", "62704")));
		Api.Response partial = this.admin.api()
			.put("/api/children/" + id, body("address", body("line1", "1 Main St", "postalCode", "62704")));
		Api.Response badSex = this.admin.api().put("/api/children/" + id, body("sex", "x"));

		assertThat(badState.status()).isEqualTo(400);
		assertThat(badState.contentType()).startsWith("application/problem+json");
		assertThat(badState.json().get("errors").findValuesAsString("pointer"))
			.containsExactlyInAnyOrder("/address/state", "/address/postalCode");
		assertThat(unknownState.status()).isEqualTo(400);
		assertThat(unknownState.at("/errors/0/pointer")).isEqualTo("/address/state");
		assertThat(partial.status()).isEqualTo(400);
		assertThat(partial.at("/errors/0/pointer")).isEqualTo("/address/city");
		assertThat(badSex.status()).isEqualTo(400);
		assertThat(badSex.at("/errors/0/pointer")).isEqualTo("/sex");
		assertThat(this.admin.api().get("/api/children/" + id).json().get("address").isNull()).isTrue();
	}

}
