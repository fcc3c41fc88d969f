package org.sparktherapy.platform.problem;

/**
 * The {@code If-Match} version is not the record's current version: someone changed it in
 * between.
 */
public class StaleVersion extends Problem {

	public StaleVersion() {
		super(Kind.PRECONDITION_FAILED, "stale-version", "Record changed",
				"The record was changed by someone else. Reload it and apply your change again.");
	}

}
