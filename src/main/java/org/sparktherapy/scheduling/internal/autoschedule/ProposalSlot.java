package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.scheduling.PayerRules;

/**
 * One session of a child's prescribed hours, to be given a therapist and a time
 * ({@link ProposalOption}) by the solver — or left unplaced when no option fits.
 */
@PlanningEntity
class ProposalSlot {

	@PlanningId
	private String id;

	private UUID childId;

	private String serviceCode;

	private int minutes;

	private String place;

	/**
	 * What the child's payer still allows of the service ({@code null}: no payer limits
	 * the child).
	 */
	private List<PayerRules.Allowance> allowances;

	@ValueRangeProvider(id = "options")
	private List<ProposalOption> options;

	@PlanningVariable(valueRangeProviderRefs = "options", allowsUnassigned = true)
	private ProposalOption option;

	/** For the solver's cloning. */
	ProposalSlot() {
	}

	ProposalSlot(String id, UUID childId, String serviceCode, int minutes, String place, List<ProposalOption> options) {
		this(id, childId, serviceCode, minutes, place, options, null);
	}

	ProposalSlot(String id, UUID childId, String serviceCode, int minutes, String place, List<ProposalOption> options,
			List<PayerRules.Allowance> allowances) {
		this.allowances = allowances;
		this.id = id;
		this.childId = childId;
		this.serviceCode = serviceCode;
		this.minutes = minutes;
		this.place = place;
		this.options = options;
	}

	/**
	 * A session placed already (a draft's, for scoring it as it stands): its one option,
	 * taken.
	 */
	static ProposalSlot placed(String id, UUID childId, String serviceCode, String place, ProposalOption option) {
		ProposalSlot slot = new ProposalSlot(id, childId, serviceCode,
				(int) java.time.Duration.between(option.start(), option.end()).toMinutes(), place, List.of(option));
		slot.option = option;
		return slot;
	}

	UUID childId() {
		return this.childId;
	}

	String serviceCode() {
		return this.serviceCode;
	}

	int minutes() {
		return this.minutes;
	}

	String place() {
		return this.place;
	}

	/** The units the session bills ({@link PayerRules#units}). */
	int units() {
		return (int) PayerRules.units(this.minutes);
	}

	/**
	 * The payer's allowance the placed session counts against; {@code null} when no payer
	 * limits the child, or (never offered) none covers its day.
	 */
	PayerRules.Allowance allowance() {
		if (this.allowances == null || this.option == null) {
			return null;
		}
		return this.allowances.stream().filter(a -> a.covers(this.option.day())).findFirst().orElse(null);
	}

	List<PayerRules.Allowance> allowances() {
		return this.allowances;
	}

	/** The chosen therapist and time, {@code null} while unplaced. */
	ProposalOption option() {
		return this.option;
	}

	boolean isPlaced() {
		return this.option != null;
	}

	UUID therapistId() {
		return this.option.therapistId();
	}

	Credential credential() {
		return this.option.credential();
	}

	Instant start() {
		return this.option.start();
	}

	Instant end() {
		return this.option.end();
	}

	LocalDate day() {
		return this.option.day();
	}

	String location() {
		return this.option.location();
	}

	@Override
	public String toString() {
		return this.id;
	}

}
