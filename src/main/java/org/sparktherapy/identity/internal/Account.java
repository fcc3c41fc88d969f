package org.sparktherapy.identity.internal;

import java.time.Instant;
import java.util.UUID;

import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.Role;

/**
 * An account. Invariants: the email is lower case; only therapists carry a credential,
 * and every therapist has one.
 */
final class Account {

	private final UUID id;

	private String name;

	private String email;

	private String passwordHash;

	private Role role;

	private Credential credential;

	private boolean active;

	private final Instant createdAt;

	private Instant updatedAt;

	private final int version;

	Account(UUID id, String name, String email, String passwordHash, Role role, Credential credential, boolean active,
			Instant createdAt, Instant updatedAt, int version) {
		this.id = id;
		this.name = name;
		this.email = email;
		this.passwordHash = passwordHash;
		this.role = role;
		this.credential = credential;
		this.active = active;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static Account open(String name, String email, String passwordHash, Role role, Credential credential, Instant now) {
		checkCredential(role, credential);
		return new Account(UUID.randomUUID(), name.trim(), normalizeEmail(email), passwordHash, role, credential, true,
				now, now, 0);
	}

	static String normalizeEmail(String email) {
		return email.trim().toLowerCase(java.util.Locale.ROOT);
	}

	void rename(String name, Instant now) {
		this.name = name.trim();
		this.updatedAt = now;
	}

	void changeEmail(String email, Instant now) {
		this.email = normalizeEmail(email);
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	void assignRole(Role role, Credential credential, Instant now) {
		checkCredential(role, credential);
		this.role = role;
		this.credential = credential;
		this.updatedAt = now;
	}

	void deactivate(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}

	void reactivate(Instant now) {
		this.active = true;
		this.updatedAt = now;
	}

	static void checkCredential(Role role, Credential credential) {
		if (role == Role.THERAPIST && credential == null) {
			throw new IdentityProblems.CredentialMismatch("is required for therapists (BCBA, BCaBA, RBT or other)");
		}
		if (role != Role.THERAPIST && credential != null) {
			throw new IdentityProblems.CredentialMismatch("only therapists carry a credential");
		}
	}

	AccountSummary summary() {
		return new AccountSummary(this.id, this.name, this.email, this.role, this.credential, this.active);
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String email() {
		return this.email;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	Credential credential() {
		return this.credential;
	}

	boolean active() {
		return this.active;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	int version() {
		return this.version;
	}

}
