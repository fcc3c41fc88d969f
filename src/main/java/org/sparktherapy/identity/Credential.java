package org.sparktherapy.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A therapist's certification, from the Behavior Analyst Certification Board: BCBA (board
 * certified, supervises), BCaBA (assistant), RBT (registered technician), or another
 * credential.
 *
 * @see <a href="https://www.bacb.com/">BACB credentials</a>
 */
public enum Credential {

	BCBA("BCBA"), BCABA("BCaBA"), RBT("RBT"), OTHER("other");

	private final String value;

	Credential(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

	@JsonCreator
	public static Credential of(String value) {
		for (Credential credential : values()) {
			if (credential.value.equals(value)) {
				return credential;
			}
		}
		throw new IllegalArgumentException("unknown credential: " + value);
	}

}
