package org.sparktherapy.identity.internal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.Role;

/**
 * Who the clinic's second-factor rule can name: admins, parents, and therapists by
 * credential (a BCBA designs treatment and signs off on everything beneath; an RBT
 * records sessions), written in lower case at the API and in the database.
 */
enum SecondFactorGroup {

	ADMIN, BCBA, BCABA, RBT, OTHER_THERAPIST, PARENT;

	@JsonValue
	String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@JsonCreator
	static SecondFactorGroup of(String value) {
		for (SecondFactorGroup group : values()) {
			if (group.value().equals(value)) {
				return group;
			}
		}
		throw new IllegalArgumentException("unknown group: " + value);
	}

	static SecondFactorGroup of(Role role, Credential credential) {
		return switch (role) {
			case ADMIN -> ADMIN;
			case PARENT -> PARENT;
			case THERAPIST -> (credential == null) ? OTHER_THERAPIST : switch (credential) {
				case BCBA -> BCBA;
				case BCABA -> BCABA;
				case RBT -> RBT;
				case OTHER -> OTHER_THERAPIST;
			};
		};
	}

}
