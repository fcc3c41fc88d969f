package org.sparktherapy.identity.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
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
				new AccountRepository(JdbcClient.create(counting(this.dataSource, statements))));

		CurrentUser user = (CurrentUser) converter.convert(token).getPrincipal();

		assertThat(user.id().toString()).isEqualTo(parent.id());
		assertThat(user.role()).isEqualTo(Role.PARENT);
		assertThat(statements).as("statements sent to check one request's identity").hasValue(1);
	}

	/** The data source, counting the statements prepared on its connections. */
	private static DataSource counting(DataSource target, AtomicInteger statements) {
		return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection) ? countingConnection(connection, statements)
							: result;
				});
	}

	private static Connection countingConnection(Connection target, AtomicInteger statements) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
						statements.incrementAndGet();
					}
					return invoke(target, method, args);
				});
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
