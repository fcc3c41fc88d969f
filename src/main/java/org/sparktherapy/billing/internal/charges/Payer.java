package org.sparktherapy.billing.internal.charges;

import java.util.Map;
import java.util.UUID;

import org.sparktherapy.identity.Credential;

/**
 * Who pays for a service: an insurer or the family (private pay, one such payer). Its
 * rounding rule turns minutes into units, its modifiers by credential go on each line a
 * provider of that credential renders, and when {@code requiresAuthorization} a charge
 * needs an authorization covering its date and code.
 *
 * @param x12PayerId the payer id of the 837 ({@code NM1*PR}); insurers only, may be null
 * @param modifiers the procedure modifier per rendering credential (e.g. RBT → HM)
 * @param claimFilingIndicator the kind of plan its claims are filed under (the 837P's
 * SBR09)
 */
public record Payer(UUID id, String name, PayerKind kind, String x12PayerId, UnitRoundingRule roundingRule,
		boolean requiresAuthorization, String currency, Address address, boolean active,
		Map<Credential, String> modifiers, ClaimFilingIndicator claimFilingIndicator, int version) {

	public Payer {
		modifiers = Map.copyOf(modifiers);
	}

	public boolean privatePay() {
		return this.kind == PayerKind.PRIVATE_PAY;
	}

	/** What an admin writes of a payer. */
	public record Terms(String name, String x12PayerId, UnitRoundingRule roundingRule, boolean requiresAuthorization,
			String currency, Address address, boolean active, Map<Credential, String> modifiers,
			ClaimFilingIndicator claimFilingIndicator) {

		public Terms {
			modifiers = Map.copyOf(modifiers);
			claimFilingIndicator = (claimFilingIndicator != null) ? claimFilingIndicator
					: ClaimFilingIndicator.COMMERCIAL;
		}

		/** Terms of a commercial insurer (claim filing indicator CI). */
		public Terms(String name, String x12PayerId, UnitRoundingRule roundingRule, boolean requiresAuthorization,
				String currency, Address address, boolean active, Map<Credential, String> modifiers) {
			this(name, x12PayerId, roundingRule, requiresAuthorization, currency, address, active, modifiers,
					ClaimFilingIndicator.COMMERCIAL);
		}

	}

	/** The terms as stored, for the change check. */
	public Terms terms() {
		return new Terms(this.name, this.x12PayerId, this.roundingRule, this.requiresAuthorization, this.currency,
				this.address, this.active, this.modifiers, this.claimFilingIndicator);
	}

}
