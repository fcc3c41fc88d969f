package org.sparktherapy.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure to reach the database — no connection within the pool's connection
 * timeout, a refused or cut connection, a server shutting down or still starting — from
 * other failures: the request did not fail because of what it asked, and the same request
 * may well succeed in a few seconds (ADR 0041).
 *
 * @see <a href=
 * "https://www.postgresql.org/docs/current/errcodes-appendix.html">PostgreSQL error
 * codes</a>
 */
public final class DatabaseUnavailable {

	/**
	 * {@code admin_shutdown}, {@code crash_shutdown} and {@code cannot_connect_now};
	 * class {@code 08} (connection exceptions) is matched as a whole.
	 */
	private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

	/** What a client is told to wait before trying again, in seconds. */
	public static final int RETRY_AFTER_SECONDS = 5;

	private DatabaseUnavailable() {
	}

	/**
	 * Whether the failure, or one of its causes, says the database cannot be reached. A
	 * failed rollback hides the failure that caused it: its application exception is
	 * looked at too.
	 */
	public static boolean isCauseOf(Throwable failure) {
		return find(failure) != null;
	}

	/**
	 * A short description of the failure for logs: the type and SQL state of the first
	 * {@link SQLException} from the cause that says the database cannot be reached (else
	 * from the innermost cause), never its message, which may quote data.
	 */
	public static String describe(Throwable failure) {
		Throwable telling = find(failure);
		if (telling == null) {
			telling = failure;
			while (telling.getCause() != null && telling.getCause() != telling) {
				telling = telling.getCause();
			}
		}
		for (Throwable cause = telling; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getClass().getSimpleName() + " " + sql.getSQLState();
			}
		}
		return telling.getClass().getSimpleName();
	}

	private static Throwable find(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				Throwable hidden = find(rollback.getApplicationException());
				if (hidden != null) {
					return hidden;
				}
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
				return cause;
			}
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return cause;
			}
			if (cause.getCause() == cause) {
				return null;
			}
		}
		return null;
	}

}
