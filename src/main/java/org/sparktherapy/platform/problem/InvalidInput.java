package org.sparktherapy.platform.problem;

import java.util.List;

/**
 * A request field breaks a rule that bean validation cannot express (e.g. a weak
 * password).
 */
public class InvalidInput extends Problem {

	public InvalidInput(String pointer, String detail) {
		super(Kind.INVALID, "validation", "Invalid request", "The request has invalid fields.",
				List.of(new FieldError(pointer, detail)));
	}

	/**
	 * A broken rule that a person needs explained in a whole sentence: {@code detail}
	 * says it for the problem, the field's message at the field.
	 */
	public InvalidInput(String pointer, String fieldDetail, String detail) {
		super(Kind.INVALID, "validation", "Invalid request", detail, List.of(new FieldError(pointer, fieldDetail)));
	}

}
