package org.sparktherapy.billing.internal.charges;

/**
 * The clinic as the billing provider of its claims: legal name, NPI (type 2), federal tax
 * id (EIN, {@code 12-3456789}), provider taxonomy, address and phone; and where a
 * telehealth session is billed ({@code 10} in the child's home, {@code 02} elsewhere);
 * the submitter id its clearinghouse assigned (ISA06, GS02, NM1*41 of the 837P; null: the
 * NPI stands in). One row per clinic.
 */
public record BillingSettings(String legalName, String npi, String taxId, String taxonomyCode, Address address,
		String phone, String telehealthPlaceOfService, int version, String submitterId) {

	/** Settings without a clearinghouse submitter id (the NPI stands in). */
	public BillingSettings(String legalName, String npi, String taxId, String taxonomyCode, Address address,
			String phone, String telehealthPlaceOfService, int version) {
		this(legalName, npi, taxId, taxonomyCode, address, phone, telehealthPlaceOfService, version, null);
	}

}
