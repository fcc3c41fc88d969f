package org.sparktherapy.scheduling;

import java.util.Map;
import java.util.Set;

import org.sparktherapy.identity.Credential;

/**
 * The services a clinic schedules and bills: the adaptive behavior assessment and
 * treatment CPT codes 97151–97158, each counted in 15-minute units, and which credential
 * may deliver each.
 *
 * @see <a href=
 * "https://www.bacb.com/wp-content/uploads/2022/01/Billing-Codes-Adaptive-Behavior-Services_220124.pdf">
 * the CPT codes for adaptive behavior services</a>
 */
public final class ServiceCodes {

	/**
	 * Every code an appointment, a child's prescription or an insurance authorization may
	 * name.
	 */
	public static final Set<String> ALL = Set.of("97151", "97152", "97153", "97154", "97155", "97156", "97157",
			"97158");

	/**
	 * Protocol-modification treatment by a qualified professional: the supervision code,
	 * delivered with a technician.
	 */
	public static final String SUPERVISION = "97155";

	/**
	 * Adaptive behavior treatment by protocol, one to one: what a technician delivers and
	 * a supervisor may join.
	 */
	public static final String TREATMENT_BY_PROTOCOL = "97153";

	private static final Set<Credential> QUALIFIED_PROFESSIONAL = Set.of(Credential.BCBA, Credential.BCABA);

	private static final Set<Credential> TECHNICIAN_OR_ABOVE = Set.of(Credential.BCBA, Credential.BCABA,
			Credential.RBT);

	/**
	 * Assessment (97151), supervision (97155), family guidance (97156, 97157) and group
	 * protocol modification (97158) need a qualified professional; the technician codes
	 * (97152, 97153, 97154) an RBT or above.
	 */
	private static final Map<String, Set<Credential>> DELIVERED_BY = Map.of("97151", QUALIFIED_PROFESSIONAL, "97152",
			TECHNICIAN_OR_ABOVE, "97153", TECHNICIAN_OR_ABOVE, "97154", TECHNICIAN_OR_ABOVE, "97155",
			QUALIFIED_PROFESSIONAL, "97156", QUALIFIED_PROFESSIONAL, "97157", QUALIFIED_PROFESSIONAL, "97158",
			QUALIFIED_PROFESSIONAL);

	private ServiceCodes() {
	}

	/**
	 * Whether a therapist holding {@code credential} (null when none is recorded) may
	 * deliver {@code serviceCode}.
	 */
	public static boolean mayDeliver(Credential credential, String serviceCode) {
		return credential != null && DELIVERED_BY.getOrDefault(serviceCode, Set.of()).contains(credential);
	}

	/**
	 * The credentials that may deliver {@code serviceCode}, for messages and the solver.
	 */
	public static Set<Credential> deliveredBy(String serviceCode) {
		return DELIVERED_BY.getOrDefault(serviceCode, Set.of());
	}

}
