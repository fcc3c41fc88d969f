package org.sparktherapy.children;

/**
 * What a signed-in user is to one child. Everything a user may do with a child's record
 * follows from this.
 */
public enum Relation {

	/** Clinic admin: sees and changes every child. */
	ADMIN,
	/** A parent account linked to the child. */
	GUARDIAN,
	/** A therapist on the child's care team who designs the treatment (BCBA). */
	SUPERVISOR,
	/** A therapist on the child's care team who runs sessions (RBT). */
	TECHNICIAN,
	/** No link: the child does not exist for this user. */
	NONE;

	public boolean canSee() {
		return this != NONE;
	}

}
