package org.sparktherapy.scheduling;

import java.util.Set;

/**
 * The services a clinic schedules and bills: the adaptive behavior assessment and treatment CPT codes 97151–97158,
 * each counted in 15-minute units.
 */
public final class ServiceCodes {

	/** Every code an appointment, a child's prescription or an insurance authorization may name. */
	public static final Set<String> ALL = Set.of("97151", "97152", "97153", "97154", "97155", "97156", "97157",
			"97158");

	private ServiceCodes() {
	}

}
