package org.sparktherapy.platform.problem;

/**
 * The record does not exist, or the caller may not know that it does: both answer the
 * same 404.
 */
public class NotFound extends Problem {

	public NotFound(String what) {
		super(Kind.NOT_FOUND, "not-found", "Not found", "No " + what + " with this id was found.");
	}

}
