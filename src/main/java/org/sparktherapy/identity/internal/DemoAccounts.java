package org.sparktherapy.identity.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.Role;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo clinic's people ({@code demo} profile): one admin, three therapists, six parents, all with one demo
 * password. Runs before {@link InitialAccounts}, so the demo admin is the clinic's admin; a restart keeps them.
 * Synthetic names only.
 */
@Component
@Profile("demo")
@Order(10)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "spark-demo-clinic-2026";

	record DemoPerson(String name, String email, Role role, Credential credential) {
	}

	static final List<DemoPerson> PEOPLE = List.of(
			new DemoPerson("Dana Whitfield", "admin@demo.sparktherapy.org", Role.ADMIN, null),
			new DemoPerson("Maya Okafor", "maya.okafor@demo.sparktherapy.org", Role.THERAPIST, Credential.BCBA),
			new DemoPerson("Luis Romero", "luis.romero@demo.sparktherapy.org", Role.THERAPIST, Credential.RBT),
			new DemoPerson("Priya Shah", "priya.shah@demo.sparktherapy.org", Role.THERAPIST, Credential.RBT),
			new DemoPerson("Emma Carter", "emma.carter@demo.sparktherapy.org", Role.PARENT, null),
			new DemoPerson("James Nguyen", "james.nguyen@demo.sparktherapy.org", Role.PARENT, null),
			new DemoPerson("Sofia Alvarez", "sofia.alvarez@demo.sparktherapy.org", Role.PARENT, null),
			new DemoPerson("Michael Brooks", "michael.brooks@demo.sparktherapy.org", Role.PARENT, null),
			new DemoPerson("Aisha Rahman", "aisha.rahman@demo.sparktherapy.org", Role.PARENT, null),
			new DemoPerson("Daniel Kim", "daniel.kim@demo.sparktherapy.org", Role.PARENT, null));

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final AccountRepository accounts;

	private final AccountService service;

	DemoAccounts(AccountRepository accounts, AccountService service) {
		this.accounts = accounts;
		this.service = service;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (DemoPerson person : PEOPLE) {
			if (this.accounts.findByEmail(person.email()).isEmpty()) {
				this.service.open(person.name(), person.email(), PASSWORD, person.role(), person.credential());
			}
		}
	}

	/** Prints the demo logins once every module has seeded its part of the demo clinic. */
	@Component
	@Profile("demo")
	@Order(1000)
	static class DemoLogins implements ApplicationRunner {

		@Override
		public void run(ApplicationArguments args) {
			StringBuilder logins = new StringBuilder("Demo clinic ready. Sign in at http://localhost:5000 with password '")
				.append(PASSWORD)
				.append("' as:");
			for (DemoPerson person : PEOPLE) {
				logins.append("\n  ")
					.append(person.role().value())
					.append(person.credential() != null ? " (" + person.credential().value() + ")" : "")
					.append(": ")
					.append(person.email());
			}
			log.info(logins.toString());
		}

	}

}
