package org.sparktherapy.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.security.OwnerOnlyFiles;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure a new clinic has an admin. On a database without an active admin: the
 * account named by {@code SPARK_BOOTSTRAP_ADMIN_EMAIL}/{@code _PASSWORD} is opened; with
 * neither set, an admin {@code admin@sparktherapy.local} with a generated one-time
 * password is opened and the password written to {@value #PASSWORD_FILE} in the data dir,
 * readable by the service's user only — never to the log, which other people and systems
 * read. Several nodes starting together agree through a transaction-scoped advisory lock.
 */
@Component
@Order(100)
class InitialAccounts implements ApplicationRunner {

	static final String GENERATED_ADMIN_EMAIL = "admin@sparktherapy.local";

	static final String PASSWORD_FILE = "initial-admin-password";

	private static final long LOCK_KEY = 0x5350_4152_4b01L;

	private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

	private final AccountRepository accounts;

	private final AccountService service;

	private final IdentityProperties properties;

	private final JdbcClient jdbc;

	private final Path dataDir;

	InitialAccounts(AccountRepository accounts, AccountService service, IdentityProperties properties, JdbcClient jdbc,
			SparkProperties spark) {
		this.accounts = accounts;
		this.service = service;
		this.properties = properties;
		this.jdbc = jdbc;
		this.dataDir = spark.dataDir();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		this.jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
		if (this.accounts.anyActiveAdmin()) {
			return;
		}
		String email = this.properties.bootstrapAdminEmail();
		String password = this.properties.bootstrapAdminPassword();
		boolean configured = email != null && !email.isBlank() && password != null && !password.isBlank();
		if (configured) {
			this.service.open("Clinic admin", email, password, Role.ADMIN, null);
			log.info("Created the bootstrap admin account from SPARK_BOOTSTRAP_ADMIN_EMAIL");
			return;
		}
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.service.open("Clinic admin", GENERATED_ADMIN_EMAIL, generated, Role.ADMIN, null);
		Path file = writeOwnerOnly(this.dataDir.resolve(PASSWORD_FILE), generated);
		log.warn(
				"No admin account existed: created {} with a one-time password, written to {} (readable by this "
						+ "service's user only) -- sign in, change the password and delete the file.",
				GENERATED_ADMIN_EMAIL, file.toAbsolutePath());
	}

	private static Path writeOwnerOnly(Path file, String text) {
		try {
			OwnerOnlyFiles.write(file, text + System.lineSeparator());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the first admin's password to " + file, ex);
		}
	}

}
