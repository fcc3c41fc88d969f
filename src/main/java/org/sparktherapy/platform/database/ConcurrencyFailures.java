package org.sparktherapy.platform.database;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a transaction that lost a race in PostgreSQL — chosen as a deadlock's victim or
 * refused for a serialization conflict — from other failures: running it again may well
 * succeed.
 *
 * @see <a href=
 * "https://www.postgresql.org/docs/current/errcodes-appendix.html">PostgreSQL error
 * codes</a>
 */
public final class ConcurrencyFailures {

	/** {@code serialization_failure} and {@code deadlock_detected}. */
	private static final Set<String> LOST_RACE = Set.of("40001", "40P01");

	private ConcurrencyFailures() {
	}

	/**
	 * Whether the failure, or one of its causes, is a lost deadlock or serialization
	 * race. An {@link SQLException} may have no SQL state at all (HikariCP's "Connection
	 * is closed").
	 */
	public static boolean isLostRace(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& LOST_RACE.contains(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

}
