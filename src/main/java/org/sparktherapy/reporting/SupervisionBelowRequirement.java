package org.sparktherapy.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * In the third week of a month (from its 15th day), a Registered Behavior Technician's
 * supervision so far falls short of the BACB's monthly requirement: {@code shortfalls}
 * names the rules ({@code share}: under 5 % of service hours supervised;
 * {@code contacts}: fewer than two contacts; {@code individual}: no individual contact;
 * {@code with_child}: no contact observing the technician with a child). Raised at most
 * once per technician and month. Ids and rule names only.
 *
 * @param month the first day of the month
 */
public record SupervisionBelowRequirement(UUID technicianId, LocalDate month, List<String> shortfalls, Instant at) {
}
