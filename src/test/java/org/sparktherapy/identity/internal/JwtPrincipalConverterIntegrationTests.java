package org.sparktherapy.identity.internal;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.support.StatementCounting;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What checking a request's identity costs the database: the account and the sign-in are
 * read on every request (so deactivation and sign-out apply at once), in one statement
 * (ADR 0048). Statements are counted on the way to the real database.
 */
@IntegrationTest
class JwtPrincipalConverterIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JwtDecoder decoder;

	@Test
	void checksTheAccountAndTheSignInInOneStatement() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		Jwt token = this.decoder.decode(parent.accessToken());
		AtomicInteger statements = new AtomicInteger();
		var converter = new JwtPrincipalConverter(
				new AccountRepository(JdbcClient.create(StatementCounting.counting(this.dataSource, statements))));

		CurrentUser user = (CurrentUser) converter.convert(token).getPrincipal();

		assertThat(user.id().toString()).isEqualTo(parent.id());
		assertThat(user.role()).isEqualTo(Role.PARENT);
		assertThat(statements).as("statements sent to check one request's identity").hasValue(1);
	}

}
