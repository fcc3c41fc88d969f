package org.sparktherapy.children.internal;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.Nullable;

/**
 * A child's editable record. Compared field by field for the change history.
 */
record ChildDetails(String firstName, String lastName, String preferredName, LocalDate dateOfBirth,
		List<String> diagnosisCodes, LocalDate intakeDate, String school, String medicalNotes, String allergies,
		List<EmergencyContact> emergencyContacts, @Nullable Insurance insurance, @Nullable Sex sex,
		@Nullable HomeAddress address) {

	/** Who to call in an emergency. */
	record EmergencyContact(String name, String relationship, String phone) {
	}

	/** The child's health insurance. */
	record Insurance(String payer, String memberId, String groupNumber) {
	}

	/**
	 * Where the child lives: the patient's address on a claim. Line 1, city, two-letter
	 * state and a ZIP code of 5 or 9 digits (no dash) together; line 2 optional.
	 */
	record HomeAddress(String line1, @Nullable String line2, String city, String state, String postalCode) {

		/**
		 * USPS codes of the states, DC, the territories and the military post offices.
		 */
		static final java.util.Set<String> STATES = java.util.Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE",
				"DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS",
				"MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
				"TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI", "AA", "AE", "AP");

		@Override
		public String toString() {
			return this.line1 + ((this.line2 != null) ? ", " + this.line2 : "") + ", " + this.city + ", " + this.state
					+ " " + this.postalCode;
		}

	}

	ChildDetails {
		diagnosisCodes = (diagnosisCodes == null) ? List.of() : List.copyOf(diagnosisCodes);
		emergencyContacts = (emergencyContacts == null) ? List.of() : List.copyOf(emergencyContacts);
	}

}
