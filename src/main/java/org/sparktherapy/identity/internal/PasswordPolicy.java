package org.sparktherapy.identity.internal;

import java.util.List;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import org.sparktherapy.platform.problem.InvalidInput;

import org.springframework.stereotype.Component;

/**
 * What a new password must be: 12 to 128 characters, and not common or easily guessed —
 * judged by zxcvbn, which knows the most common passwords, names, keyboard patterns and
 * dates, and is given the account's own name and email so they don't count as secret.
 *
 * @see <a href="https://pages.nist.gov/800-63-4/sp800-63b.html">NIST SP 800-63B,
 * memorized secrets</a>
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	private final int minScore;

	PasswordPolicy(IdentityProperties properties) {
		this.minScore = properties.minPasswordScore();
	}

	/**
	 * @param pointer where the password sits in the request, for the error
	 * @param context the account's name and email
	 */
	void check(String password, String pointer, String... context) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new InvalidInput(pointer, "must be at least " + MIN_LENGTH + " characters");
		}
		if (password.length() > MAX_LENGTH) {
			throw new InvalidInput(pointer, "must be at most " + MAX_LENGTH + " characters");
		}
		Strength strength = this.zxcvbn.measure(password,
				List.of(context).stream().filter(s -> s != null && !s.isBlank()).toList());
		if (strength.getScore() < this.minScore) {
			String warning = strength.getFeedback().getWarning();
			throw new InvalidInput(pointer,
					"is too common or easy to guess"
							+ ((warning != null && !warning.isBlank()) ? " (" + warning + ")" : "")
							+ "; try a longer phrase of unrelated words");
		}
	}

}
