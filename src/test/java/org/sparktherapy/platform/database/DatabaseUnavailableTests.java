package org.sparktherapy.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTests {

	@Test
	void noConnectionWithinThePoolsTimeoutIsAnOutage() {
		SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
		CannotGetJdbcConnectionException failure = new CannotGetJdbcConnectionException(
				"Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("pool - Connection is not available", "08001", refused));

		assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue();
		assertThat(DatabaseUnavailable.describe(failure)).isEqualTo("SQLTransientConnectionException 08001");
	}

	@Test
	void aServerShuttingDownOrACutConnectionIsAnOutage() {
		assertThat(DatabaseUnavailable.isCauseOf(new DataAccessResourceFailureException("select",
				new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
		assertThat(DatabaseUnavailable.isCauseOf(new DataAccessResourceFailureException("select",
				new SQLException("An I/O error occurred while sending to the backend", "08006"))))
			.isTrue();
	}

	@Test
	void aFailedRollbackIsJudgedByTheFailureItHides() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("select",
				new SQLException("An I/O error occurred while sending to the backend", "08006")));

		assertThat(DatabaseUnavailable.isCauseOf(rollback)).isTrue();
		assertThat(DatabaseUnavailable.describe(rollback)).isEqualTo("SQLException 08006");
	}

	@Test
	void aBrokenRuleOrABugIsNoOutage() {
		assertThat(DatabaseUnavailable
			.isCauseOf(new DuplicateKeyException("insert", new SQLException("duplicate key value", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseUnavailable.isCauseOf(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isFalse();
	}

	@Test
	void anSqlExceptionWithoutStateIsNoLostRaceEither() {
		// HikariCP's "Connection is closed" has no SQL state; the check used to throw
		// a NullPointerException from inside the exception handler
		assertThat(ConcurrencyFailures.isLostRace(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isFalse();
	}

}
