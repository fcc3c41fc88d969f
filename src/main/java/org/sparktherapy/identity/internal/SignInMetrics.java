package org.sparktherapy.identity.internal;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Sign-ins on this node for the operator (ADR 0045): every answer to a password or a
 * second-factor code by {@link Outcome}, and the locks the throttle starts
 * ({@link LoginThrottle}) by factor. No account, address or e-mail is ever a tag.
 */
@Component
class SignInMetrics {

	/** How a sign-in step ended (the {@code outcome} tag). */
	enum Outcome {

		/** Signed in: tokens issued. */
		SUCCESS,

		/** The password was right; a second factor is asked for (or must be set up). */
		SECOND_FACTOR_REQUIRED,

		/** Unknown e-mail, wrong password or deactivated account (all answer 401). */
		BAD_CREDENTIALS,

		/** Refused before the password was checked: the e-mail or address is locked. */
		LOCKED_OUT,

		/** A wrong second-factor or recovery code. */
		SECOND_FACTOR_FAILED,

		/** Refused before the code was checked: the account's second factor is locked. */
		SECOND_FACTOR_LOCKED_OUT;

		String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** Which counter a lock is for (the {@code factor} tag). */
	enum Factor {

		PASSWORD, SECOND_FACTOR

	}

	private final Map<Outcome, Counter> signIns = new EnumMap<>(Outcome.class);

	private final Map<Factor, Counter> lockouts = new EnumMap<>(Factor.class);

	SignInMetrics(MeterRegistry meters) {
		for (Outcome outcome : Outcome.values()) {
			this.signIns.put(outcome,
					Counter.builder("spark.identity.signins")
						.description("Sign-in steps (password, second factor) by outcome")
						.tag("outcome", outcome.tag())
						.register(meters));
		}
		for (Factor factor : Factor.values()) {
			this.lockouts.put(factor,
					Counter.builder("spark.identity.lockouts")
						.description("Locks started by too many failed sign-in attempts (an e-mail or address for the "
								+ "password, an account for the second factor)")
						.tag("factor", factor.name().toLowerCase(java.util.Locale.ROOT))
						.register(meters));
		}
	}

	void signIn(Outcome outcome) {
		this.signIns.get(outcome).increment();
	}

	void lockedOut(Factor factor) {
		this.lockouts.get(factor).increment();
	}

}
