package org.sparktherapy.children.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A child's editable record. Compared field by field for the change history.
 */
record ChildDetails(String firstName, String lastName, String preferredName, LocalDate dateOfBirth,
		List<String> diagnosisCodes, LocalDate intakeDate, String school, String medicalNotes, String allergies,
		List<EmergencyContact> emergencyContacts, Insurance insurance) {

	/** Who to call in an emergency. */
	record EmergencyContact(String name, String relationship, String phone) {
	}

	/** The child's health insurance. */
	record Insurance(String payer, String memberId, String groupNumber) {
	}

	ChildDetails {
		diagnosisCodes = (diagnosisCodes == null) ? List.of() : List.copyOf(diagnosisCodes);
		emergencyContacts = (emergencyContacts == null) ? List.of() : List.copyOf(emergencyContacts);
	}

}
