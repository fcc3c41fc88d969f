package org.sparktherapy.billing.internal.charges;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the rest of billing (claims, the ledger) reads of charges and the data they are
 * billed with, and the one way they change a charge's status. Inside the billing module
 * only; no access checks here — the caller's service has made them.
 * <p>
 * Claims take the ready charges of an insurer ({@link #ready}), mark them
 * {@link #markClaimed claimed} when a claim holds them, and {@link #markReady release}
 * them when the claim is voided or a line is to be billed again. The ledger posts ready
 * private-pay charges to the family's account as they are published ({@link ChargeReady},
 * {@link ChargeChanged}, {@link ChargeVoided}, after their transaction commits), reading
 * each with {@link #find}; it leaves them ready (an invoice may bill them).
 */
public interface ChargeLookup {

	Optional<Charge> find(UUID chargeId);

	/** The charges with these ids that exist, in the order of {@code chargeIds}. */
	List<Charge> findAll(Collection<UUID> chargeIds);

	/**
	 * The payer's ready charges with a service date on or before {@code through} (null:
	 * any), the oldest service first, locked until the caller's transaction ends: a
	 * re-check running meanwhile (after an edit of the child's record, say) waits, and
	 * one that held a charge first leaves it out, rather than failing the whole batch.
	 */
	List<Charge> ready(UUID payerId, LocalDate through);

	/**
	 * Marks the charges claimed (on a claim, or posted to a family's account), all or
	 * none, in the caller's transaction.
	 * @throws ChargeProblems.ChargeNotReady when any is not ready (409; nothing changed)
	 */
	void markClaimed(Collection<UUID> chargeIds);

	/**
	 * Releases claimed charges (their claim was voided, or they are to be billed anew):
	 * each is checked again and becomes ready or held. Charges not claimed are left as
	 * they are. Returns the charges as they are now.
	 */
	List<Charge> markReady(Collection<UUID> chargeIds);

	Optional<Payer> payer(UUID payerId);

	/** The one private-pay payer (every clinic has it). */
	Payer privatePay();

	Optional<Coverage> coverage(UUID coverageId);

	/** The clinic's billing provider data; empty until an admin saved it. */
	Optional<BillingSettings> settings();

	/** The NPIs of the accounts that have one (rendering and supervising providers). */
	Map<UUID, String> npis(Collection<UUID> accountIds);

}
