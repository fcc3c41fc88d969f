package org.sparktherapy.vocabulary;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.sparktherapy.identity.Credential;

/**
 * The services a clinic schedules and bills: the adaptive behavior assessment and
 * treatment CPT codes 97151–97158, each counted in 15-minute units, and which credential
 * may deliver each. In JSON and in the database a service is its code ("97153").
 *
 * @see <a href=
 * "https://www.bacb.com/wp-content/uploads/2022/01/Billing-Codes-Adaptive-Behavior-Services_220124.pdf">
 * the CPT codes for adaptive behavior services</a>
 */
public enum ServiceCode {

	/** Behavior identification assessment. */
	BEHAVIOR_IDENTIFICATION_ASSESSMENT("97151", "Behavior identification assessment", Delivery.QUALIFIED_PROFESSIONAL),

	/** Behavior identification supporting assessment, by a technician. */
	SUPPORTING_ASSESSMENT("97152", "Behavior identification supporting assessment", Delivery.TECHNICIAN_OR_ABOVE),

	/**
	 * Adaptive behavior treatment by protocol, one to one: what a technician delivers.
	 */
	TREATMENT_BY_PROTOCOL("97153", "Adaptive behavior treatment by protocol", Delivery.TECHNICIAN_OR_ABOVE),

	/** Group adaptive behavior treatment by protocol. */
	GROUP_TREATMENT_BY_PROTOCOL("97154", "Group adaptive behavior treatment by protocol", Delivery.TECHNICIAN_OR_ABOVE),

	/**
	 * Adaptive behavior treatment with protocol modification: the supervision code,
	 * delivered with a technician.
	 */
	PROTOCOL_MODIFICATION("97155", "Adaptive behavior treatment with protocol modification",
			Delivery.QUALIFIED_PROFESSIONAL),

	/** Family adaptive behavior treatment guidance. */
	FAMILY_GUIDANCE("97156", "Family adaptive behavior treatment guidance", Delivery.QUALIFIED_PROFESSIONAL),

	/** Multiple-family group adaptive behavior treatment guidance. */
	MULTIPLE_FAMILY_GUIDANCE("97157", "Multiple-family group adaptive behavior treatment guidance",
			Delivery.QUALIFIED_PROFESSIONAL),

	/** Group adaptive behavior treatment with protocol modification. */
	GROUP_PROTOCOL_MODIFICATION("97158", "Group adaptive behavior treatment with protocol modification",
			Delivery.QUALIFIED_PROFESSIONAL);

	/** Every code is billed in units of this length. */
	public static final Duration UNIT = Duration.ofMinutes(15);

	private final String code;

	private final String label;

	private final Set<Credential> deliveredBy;

	ServiceCode(String code, String label, Delivery delivery) {
		this.code = code;
		this.label = label;
		this.deliveredBy = delivery.credentials;
	}

	/** The CPT code, as JSON and the database carry it. */
	@JsonValue
	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/**
	 * The credentials that may deliver the service: assessment (97151), supervision
	 * (97155), family guidance (97156, 97157) and group protocol modification (97158) a
	 * qualified professional (BCBA, BCaBA); the technician codes (97152–97154) an RBT or
	 * above.
	 */
	public Set<Credential> deliveredBy() {
		return this.deliveredBy;
	}

	/**
	 * Whether a therapist holding {@code credential} ({@code null}: none) may deliver it.
	 */
	public boolean mayBeDeliveredBy(Credential credential) {
		return credential != null && this.deliveredBy.contains(credential);
	}

	/** The service with this code, if it is one. */
	public static Optional<ServiceCode> find(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

	/**
	 * The service with this code; an unknown code is an {@link IllegalArgumentException}.
	 */
	@JsonCreator
	public static ServiceCode of(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("not a service code: " + code));
	}

	/** Whether {@code code} names one of the services. */
	public static boolean isCode(String code) {
		return find(code).isPresent();
	}

	/**
	 * Whether a therapist holding {@code credential} may deliver the service stored as
	 * {@code code}; an unknown code is delivered by nobody.
	 */
	public static boolean mayDeliver(Credential credential, String code) {
		return find(code).map(s -> s.mayBeDeliveredBy(credential)).orElse(false);
	}

	/** The credentials that may deliver the service stored as {@code code}, or none. */
	public static Set<Credential> deliveredBy(String code) {
		return find(code).map(ServiceCode::deliveredBy).orElse(Set.of());
	}

	private enum Delivery {

		QUALIFIED_PROFESSIONAL(Set.of(Credential.BCBA, Credential.BCABA)),
		TECHNICIAN_OR_ABOVE(Set.of(Credential.BCBA, Credential.BCABA, Credential.RBT));

		private final Set<Credential> credentials;

		Delivery(Set<Credential> credentials) {
			this.credentials = credentials;
		}

	}

}
