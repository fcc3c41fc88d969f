package org.sparktherapy.scheduling.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.scheduling.PayerRules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Scheduling's one door to {@link PayerRules}: asks the implementation if there is one
 * (billing's), and otherwise allows everything, as scheduling did before payers had a
 * say. A blocking verdict becomes {@link SchedulingProblems.PayerRulesRefused} (409),
 * which rolls the caller's transaction back.
 */
@Component
public class PayerRuleCheck {

	private final ObjectProvider<PayerRules> rules;

	PayerRuleCheck(ObjectProvider<PayerRules> rules) {
		this.rules = rules;
	}

	/**
	 * The warnings about appointments just written in the caller's transaction.
	 * @throws SchedulingProblems.PayerRulesRefused when the clinic blocks such bookings
	 */
	public List<PayerRules.Warning> check(List<PayerRules.ProposedAppointment> proposed) {
		PayerRules found = this.rules.getIfAvailable();
		if (found == null || proposed.isEmpty()) {
			return List.of();
		}
		PayerRules.Verdict verdict = found.check(proposed);
		if (verdict.block() && !verdict.warnings().isEmpty()) {
			throw new SchedulingProblems.PayerRulesRefused(verdict.warnings());
		}
		return verdict.warnings();
	}

	/**
	 * The verdict on appointments just written in the caller's transaction, refusing
	 * nothing: what a check before saving answers ({@code block} says whether saving
	 * would be refused).
	 */
	public PayerRules.Verdict verdict(List<PayerRules.ProposedAppointment> proposed) {
		PayerRules found = this.rules.getIfAvailable();
		if (found == null || proposed.isEmpty()) {
			return PayerRules.Verdict.NONE;
		}
		PayerRules.Verdict verdict = found.check(proposed);
		return new PayerRules.Verdict(verdict.warnings(), verdict.block() && !verdict.warnings().isEmpty());
	}

	/** What payers still allow the children; none limited when nobody answers. */
	public List<PayerRules.ChildAllowances> allowances(Collection<UUID> childIds, LocalDate from, LocalDate to) {
		PayerRules found = this.rules.getIfAvailable();
		return (found == null || childIds.isEmpty()) ? List.of() : found.allowances(childIds, from, to);
	}

}
