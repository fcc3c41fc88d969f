package org.sparktherapy.children.internal;

import java.time.LocalDate;
import java.util.List;

import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoData;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's eight children ({@code demo} profile), with guardians among the demo
 * parents and care teams of the demo therapists, in several statuses. Seeded once, as the
 * demo admin, through the same service as the API (so the history and access log are
 * real). Synthetic people only.
 */
@Component
@Profile("demo")
@Order(20)
class DemoChildren implements DemoData {

	private static final String DOMAIN = "@demo.sparktherapy.org";

	record DemoChild(String first, String last, String preferred, LocalDate born, ChildStatus status, String guardian,
			String relationship, String technician, String school, String allergies, Sex sex) {
	}

	/** Each demo family's home (fictional streets; ZIP codes of the clinic's area). */
	static final java.util.Map<String, ChildDetails.HomeAddress> HOMES = java.util.Map.of("Carter",
			new ChildDetails.HomeAddress("14 Willow Lane", null, "Springfield", "IL", "62704"), "Nguyen",
			new ChildDetails.HomeAddress("2207 Cedar Street", "Apt 3B", "Springfield", "IL", "62702"), "Alvarez",
			new ChildDetails.HomeAddress("81 Orchard Road", null, "Chatham", "IL", "626291234"), "Brooks",
			new ChildDetails.HomeAddress("406 Lakeview Drive", null, "Springfield", "IL", "62711"), "Rahman",
			new ChildDetails.HomeAddress("9 Birch Court", null, "Rochester", "IL", "62563"), "Kim",
			new ChildDetails.HomeAddress("1120 Meadow Avenue", null, "Springfield", "IL", "62704"));

	static final List<DemoChild> CHILDREN = List.of(
			new DemoChild("Oliver", "Carter", "Ollie", LocalDate.of(2020, 3, 14), ChildStatus.ACTIVE, "emma.carter",
					"mother", "luis.romero", "Maple Grove Preschool", "peanuts", Sex.MALE),
			new DemoChild("Lily", "Carter", null, LocalDate.of(2018, 9, 2), ChildStatus.ACTIVE, "emma.carter", "mother",
					"priya.shah", "Maple Grove Elementary", null, Sex.FEMALE),
			new DemoChild("Ethan", "Nguyen", null, LocalDate.of(2019, 6, 21), ChildStatus.ACTIVE, "james.nguyen",
					"father", "luis.romero", null, null, Sex.MALE),
			new DemoChild("Sofia", "Alvarez", "Sofi", LocalDate.of(2021, 1, 9), ChildStatus.ACTIVE, "sofia.alvarez",
					"mother", "priya.shah", null, "latex", Sex.FEMALE),
			new DemoChild("Mateo", "Alvarez", null, LocalDate.of(2017, 11, 30), ChildStatus.ON_HOLD, "sofia.alvarez",
					"mother", "luis.romero", "Riverside Elementary", null, Sex.MALE),
			new DemoChild("Noah", "Brooks", null, LocalDate.of(2019, 4, 17), ChildStatus.ACTIVE, "michael.brooks",
					"father", "priya.shah", "Little Oaks Kindergarten", null, Sex.MALE),
			new DemoChild("Zara", "Rahman", null, LocalDate.of(2020, 8, 5), ChildStatus.INTAKE, "aisha.rahman",
					"mother", null, null, null, Sex.FEMALE),
			new DemoChild("Leo", "Kim", null, LocalDate.of(2016, 12, 12), ChildStatus.DISCHARGED, "daniel.kim",
					"father", "luis.romero", "Hillside Middle School", "tree nuts", Sex.MALE));

	private final ChildService service;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	DemoChildren(ChildService service, Accounts accounts, JdbcClient jdbc) {
		this.service = service;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void seed() {
		if (this.jdbc.sql("select count(*) from children").query(Long.class).single() > 0) {
			return;
		}
		AccountSummary admin = account("admin");
		AccountSummary supervisor = account("maya.okafor");
		CurrentUser asAdmin = new CurrentUser(admin.id(), admin.role(), admin.name(), null);
		asAdmin.runAs(() -> CHILDREN.forEach(demo -> {
			ChildDetails details = new ChildDetails(demo.first(), demo.last(), demo.preferred(), demo.born(),
					List.of("F84.0"), LocalDate.now().minusMonths(CHILDREN.indexOf(demo) + 2L), demo.school(), null,
					demo.allergies(),
					List.of(new ChildDetails.EmergencyContact("Pat " + demo.last(), "grandparent",
							"+1 555 01" + (10 + CHILDREN.indexOf(demo)))),
					new ChildDetails.Insurance("Blue Meadow Health", "BMH" + (100200 + CHILDREN.indexOf(demo)), "G-77"),
					demo.sex(), HOMES.get(demo.last()));
			Child child = this.service.open(asAdmin, details, null);
			this.service.addGuardian(asAdmin, child.id(), account(demo.guardian()).id(), demo.relationship(), true);
			if (demo.technician() != null) {
				this.service.addCareTeamMember(asAdmin, child.id(), supervisor.id(), Child.TeamRole.SUPERVISOR);
				this.service.addCareTeamMember(asAdmin, child.id(), account(demo.technician()).id(),
						Child.TeamRole.TECHNICIAN);
			}
			if (demo.status() != ChildStatus.INTAKE) {
				this.service.change(asAdmin, child.id(), null, new ChildService.ChildChange(null, null, null, null,
						null, null, null, null, null, null, null, demo.status(), null, null));
			}
		}));
	}

	private AccountSummary account(String localPart) {
		return this.accounts.findByEmail(localPart + DOMAIN)
			.orElseThrow(() -> new IllegalStateException("demo account missing: " + localPart));
	}

}
