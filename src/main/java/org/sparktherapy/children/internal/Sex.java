package org.sparktherapy.children.internal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A child's administrative sex, as a claim names the patient (the 837P's DMG03 F, M or U;
 * box 3 of the CMS-1500). Not gender identity: what the payer has on file.
 */
enum Sex {

	FEMALE, MALE, UNKNOWN;

	@JsonValue
	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	static Sex of(String value) {
		for (Sex sex : values()) {
			if (sex.value().equals(value)) {
				return sex;
			}
		}
		throw new IllegalArgumentException("unknown sex: " + value);
	}

	@Override
	public String toString() {
		return value();
	}

}
