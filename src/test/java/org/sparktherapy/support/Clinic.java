package org.sparktherapy.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intention-revealing fixtures made through the public API, each with a unique email.
 */
public final class Clinic {

	public static final String ADMIN_EMAIL = "root.admin@tests.sparktherapy.org";

	public static final String ADMIN_PASSWORD = "correct-horse-battery-staple-77";

	/** A password that passes the policy. */
	public static final String PASSWORD = "lantern-orchid-velvet-42";

	private static final AtomicInteger sequence = new AtomicInteger();

	private final Api api;

	public Clinic(int port) {
		this.api = new Api(port);
	}

	public Api api() {
		return this.api;
	}

	/** A person's account and one sign-in of it. */
	public record Person(String id, String email, String password, String accessToken, String refreshToken,
			Api api) {
	}

	public Person rootAdmin() {
		return signIn(null, ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	public Person aParent() {
		return aPerson("parent", null);
	}

	public Person aTherapist(String credential) {
		return aPerson("therapist", credential);
	}

	public Person anAdmin() {
		return aPerson("admin", null);
	}

	public Person aPerson(String role, String credential) {
		String email = uniqueEmail(role);
		Api.Response created = this.api.as(rootAdmin().accessToken())
			.post("/api/users", Api.body("name", "Test " + role, "email", email, "password", PASSWORD, "role", role,
					"credential", credential));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return signIn(created.at("/id"), email, PASSWORD);
	}

	public Person signIn(String id, String email, String password) {
		Api.Response login = this.api.post("/api/auth/login", Api.body("email", email, "password", password));
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		return new Person((id != null) ? id : login.at("/user/id"), email, password, login.at("/accessToken"),
				login.at("/refreshToken"), this.api.as(login.at("/accessToken")));
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "." + sequence.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8)
				+ "@tests.sparktherapy.org";
	}

}
