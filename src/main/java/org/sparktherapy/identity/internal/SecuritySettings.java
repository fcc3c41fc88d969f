package org.sparktherapy.identity.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.sparktherapy.identity.AccountEvent;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's security settings: for now, which groups must sign in with a second factor
 * (ADR 0038). Until an admin saves them, {@code spark.identity.second-factor.
 * required-roles} holds — admins and BCBAs in production; the {@code test} and
 * {@code demo} profiles set {@code none} so their many scripted sign-ins stay one step.
 */
@Service
class SecuritySettings {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Set<SecondFactorGroup> defaultRequired;

	SecuritySettings(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, IdentityProperties properties) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.defaultRequired = parse(properties.secondFactor().requiredRoles());
	}

	/** The groups that must use a second factor. */
	Set<SecondFactorGroup> secondFactorRequiredFor() {
		return this.jdbc.sql("select second_factor_required_for from security_settings")
			.query((rs, n) -> groups(rs.getArray(1)))
			.optional()
			.orElse(this.defaultRequired);
	}

	boolean secondFactorRequired(Account account) {
		return secondFactorRequiredFor().contains(SecondFactorGroup.of(account.role(), account.credential()));
	}

	/** An admin saves the setting; audited with the groups before and after. */
	@Transactional
	Set<SecondFactorGroup> requireSecondFactorFor(CurrentUser admin, Set<SecondFactorGroup> groups) {
		Set<SecondFactorGroup> before = secondFactorRequiredFor();
		Set<SecondFactorGroup> after = groups.isEmpty() ? EnumSet.noneOf(SecondFactorGroup.class)
				: EnumSet.copyOf(groups);
		String[] written = after.stream().map(SecondFactorGroup::value).toArray(String[]::new);
		this.jdbc.sql("""
				insert into security_settings (id, second_factor_required_for, updated_at, updated_by)
				values (true, :groups, :now, :by)
				on conflict (id) do update set second_factor_required_for = excluded.second_factor_required_for,
				    updated_at = excluded.updated_at, updated_by = excluded.updated_by
				""")
			.param("groups", written)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", admin.id())
			.update();
		if (!before.equals(after)) {
			this.events.publishEvent(new AccountEvent(AccountEvent.Kind.SECURITY_SETTING_CHANGED, admin.id(), null,
					false, "second factor required for: " + text(before) + " → " + text(after)));
		}
		return after;
	}

	static String text(Set<SecondFactorGroup> groups) {
		return groups.isEmpty() ? "none"
				: groups.stream().map(SecondFactorGroup::value).collect(Collectors.joining(","));
	}

	static Set<SecondFactorGroup> parse(String written) {
		if (written == null || written.isBlank() || written.strip().equals("none")) {
			return EnumSet.noneOf(SecondFactorGroup.class);
		}
		return EnumSet.copyOf(Arrays.stream(written.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(SecondFactorGroup::of)
			.toList());
	}

	private static Set<SecondFactorGroup> groups(Array array) throws SQLException {
		List<SecondFactorGroup> groups = Arrays.stream((String[]) array.getArray()).map(SecondFactorGroup::of).toList();
		return groups.isEmpty() ? EnumSet.noneOf(SecondFactorGroup.class) : EnumSet.copyOf(groups);
	}

}
