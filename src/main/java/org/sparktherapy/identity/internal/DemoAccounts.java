package org.sparktherapy.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.DemoData;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo clinic's people ({@code demo} profile): one admin, three therapists, six
 * parents, all with one demo password, and one technician invited but not yet signed up.
 * Runs before {@link InitialAccounts}, so the demo admin is the clinic's admin; a restart
 * keeps them. Synthetic names only.
 */
@Component
@Profile("demo")
@Order(10)
class DemoAccounts implements DemoData {

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

	/**
	 * A technician the demo admin invited who has not accepted yet: the admin's users
	 * page shows a pending invitation to resend or revoke (ADR 0039).
	 */
	static final DemoPerson INVITED = new DemoPerson("Noah Bennett", "noah.bennett@demo.sparktherapy.org",
			Role.THERAPIST, Credential.RBT);

	private final AccountRepository accounts;

	private final AccountService service;

	private final Invitations invitations;

	DemoAccounts(AccountRepository accounts, AccountService service, Invitations invitations) {
		this.accounts = accounts;
		this.service = service;
		this.invitations = invitations;
	}

	@Override
	@Transactional
	public void seed() {
		for (DemoPerson person : PEOPLE) {
			if (this.accounts.findByEmail(person.email()).isEmpty()) {
				this.service.open(person.name(), person.email(), PASSWORD, person.role(), person.credential());
			}
		}
		if (this.invitations.open().stream().noneMatch(invitation -> invitation.email().equals(INVITED.email()))
				&& this.accounts.findByEmail(INVITED.email()).isEmpty()) {
			Account admin = this.accounts.findByEmail(PEOPLE.get(0).email()).orElseThrow();
			this.invitations.invite(new CurrentUser(admin.id(), Role.ADMIN, admin.name(), null), INVITED.name(),
					INVITED.email(), INVITED.role(), INVITED.credential());
		}
	}

	/**
	 * Prints the demo logins, boxed, with the address the server really listens on, once
	 * the application is ready (the demo clinic is seeded before the port opens): the
	 * last lines of the start-up log.
	 */
	@Component
	@Profile("demo")
	static class DemoLogins {

		private final Environment environment;

		DemoLogins(Environment environment) {
			this.environment = environment;
		}

		@EventListener(ApplicationReadyEvent.class)
		void print() {
			log.info(box(address(this.environment.getProperty("local.server.port"))));
		}

		static String address(String port) {
			return "http://localhost" + ((port == null || port.equals("80")) ? "" : ":" + port);
		}

		static String box(String address) {
			List<String> lines = new ArrayList<>();
			lines.add("SPARKTherapy demo clinic ready: open " + address);
			lines.add("");
			lines.add("Password for every account: " + PASSWORD);
			int emails = PEOPLE.stream().mapToInt(person -> person.email().length()).max().orElse(0);
			for (DemoPerson person : PEOPLE) {
				lines.add("  " + person.email() + " ".repeat(emails - person.email().length() + 2) + label(person));
			}
			lines.add("");
			lines.add("Stop: Ctrl-C. Fresh demo: delete the data dir (./data or SPARK_DATA_DIR) and start again.");
			int width = lines.stream().mapToInt(String::length).max().orElse(0);
			String rule = "+" + "-".repeat(width + 2) + "+";
			StringBuilder box = new StringBuilder("\n").append(rule);
			for (String line : lines) {
				box.append("\n| ").append(line).append(" ".repeat(width - line.length())).append(" |");
			}
			return box.append("\n").append(rule).toString();
		}

	}

	/** How the sign-in page and the log name a demo person's role. */
	static String label(DemoPerson person) {
		return switch (person.role()) {
			case ADMIN -> "admin";
			case PARENT -> "parent";
			case THERAPIST -> "therapist, " + person.credential().value()
					+ (person.credential() == Credential.RBT ? " (technician)" : " (supervisor)");
		};
	}

}
