package org.sparktherapy.platform.problem;

/**
 * The caller may see the record but may not do this with it.
 */
public class Forbidden extends Problem {

	public Forbidden(String detail) {
		super(Kind.FORBIDDEN, "forbidden", "Forbidden", detail);
	}

}
