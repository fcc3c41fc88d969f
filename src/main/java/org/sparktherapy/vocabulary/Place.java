package org.sparktherapy.vocabulary;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a session takes place. In JSON and in the database a place is its lowercase name
 * ("clinic").
 */
public enum Place {

	CLINIC("clinic"), HOME("home"), SCHOOL("school"), COMMUNITY("community"), TELEHEALTH("telehealth");

	/** How problem details name the allowed values. */
	public static final String ALLOWED = "clinic, home, school, community, telehealth";

	private final String value;

	Place(String value) {
		this.value = value;
	}

	/** The lowercase name, as JSON and the database carry it. */
	@JsonValue
	public String value() {
		return this.value;
	}

	/** The place with this value, if it is one. */
	public static Optional<Place> find(String value) {
		return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
	}

	/**
	 * The place with this value; an unknown one is an {@link IllegalArgumentException}.
	 */
	@JsonCreator
	public static Place of(String value) {
		return find(value).orElseThrow(() -> new IllegalArgumentException("not a place: " + value));
	}

	/** Whether {@code value} names one of the places. */
	public static boolean isPlace(String value) {
		return find(value).isPresent();
	}

}
