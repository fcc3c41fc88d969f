package org.sparktherapy.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.platform.web.SortColumns;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts in PostgreSQL. Updates are guarded by the row's version (optimistic locking).
 */
@Repository
class AccountRepository {

	static final SortColumns SORTABLE = SortColumns
		.of(Map.of("name", "lower(name)", "email", "email", "role", "role", "createdAt", "created_at"));

	private static final String COLUMNS = "id, name, email, password_hash, role, credential, active, created_at, updated_at, version";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Account account) {
		try {
			this.jdbc
				.sql("""
						insert into accounts (id, name, email, password_hash, role, credential, active, created_at, updated_at, version)
						values (:id, :name, :email, :hash, :role, :credential, :active, :createdAt, :updatedAt, 0)
						""")
				.param("id", account.id())
				.param("name", account.name())
				.param("email", account.email())
				.param("hash", account.passwordHash())
				.param("role", account.role().value())
				.param("credential", (account.credential() != null) ? account.credential().value() : null)
				.param("active", account.active())
				.param("createdAt", Timestamp.from(account.createdAt()))
				.param("updatedAt", Timestamp.from(account.updatedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new IdentityProblems.EmailAlreadyTaken();
		}
	}

	/**
	 * Saves the account if nobody changed it since it was read; returns the new version.
	 */
	int update(Account account) {
		int updated;
		try {
			updated = this.jdbc.sql("""
					update accounts set name = :name, email = :email, password_hash = :hash, role = :role,
					    credential = :credential, active = :active, updated_at = :updatedAt, version = version + 1
					where id = :id and version = :version
					""")
				.param("id", account.id())
				.param("name", account.name())
				.param("email", account.email())
				.param("hash", account.passwordHash())
				.param("role", account.role().value())
				.param("credential", (account.credential() != null) ? account.credential().value() : null)
				.param("active", account.active())
				.param("updatedAt", Timestamp.from(account.updatedAt()))
				.param("version", account.version())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new IdentityProblems.EmailAlreadyTaken();
		}
		if (updated == 0) {
			throw new StaleVersion();
		}
		return account.version() + 1;
	}

	Optional<Account> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from accounts where id = :id")
			.param("id", id)
			.query(AccountRepository::map)
			.optional();
	}

	/**
	 * The user behind an access token, if the account is active and the sign-in the token
	 * belongs to has not ended (logged out, revoked, ended by an admin or a password
	 * change): one indexed statement, one round trip, checked on every request (ADR
	 * 0048).
	 */
	Optional<CurrentUser> signedIn(UUID accountId, UUID signInId) {
		return this.jdbc.sql("""
				select a.role, a.name from accounts a
				where a.id = :account and a.active
				  and exists (select 1 from refresh_tokens t
				              where t.family_id = :signIn and t.account_id = a.id and t.revoked_at is null)
				""")
			.param("account", accountId)
			.param("signIn", signInId)
			.query((rs, n) -> new CurrentUser(accountId, Role.of(rs.getString(1)), rs.getString(2), signInId))
			.optional();
	}

	List<Account> findAllById(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from accounts where id = any(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query(AccountRepository::map)
			.list();
	}

	Optional<Account> findByIdForUpdate(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from accounts where id = :id for update")
			.param("id", id)
			.query(AccountRepository::map)
			.optional();
	}

	Optional<Account> findByEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from accounts where email = :email")
			.param("email", Account.normalizeEmail(email))
			.query(AccountRepository::map)
			.optional();
	}

	List<UUID> activeWithRole(Role role) {
		return this.jdbc.sql("select id from accounts where role = :role and active order by created_at, id")
			.param("role", role.value())
			.query(UUID.class)
			.list();
	}

	boolean anyActiveAdmin() {
		return this.jdbc.sql("select exists (select 1 from accounts where role = 'admin' and active)")
			.query(Boolean.class)
			.single();
	}

	/**
	 * Counts active admins, locking them so two concurrent demotions cannot both pass the
	 * check.
	 */
	int lockActiveAdmins() {
		return this.jdbc.sql("select id from accounts where role = 'admin' and active for update")
			.query(UUID.class)
			.list()
			.size();
	}

	PageResponse<Account> search(String text, Role role, Boolean active, PageQuery page) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object[]> params = new ArrayList<>();
		if (text != null && !text.isBlank()) {
			where.append(" and (lower(name) like :text or email like :text)");
			params.add(new Object[] { "text", "%" + escapeLike(text.trim().toLowerCase(java.util.Locale.ROOT)) + "%" });
		}
		if (role != null) {
			where.append(" and role = :role");
			params.add(new Object[] { "role", role.value() });
		}
		if (active != null) {
			where.append(" and active = :active");
			params.add(new Object[] { "active", active });
		}
		JdbcClient.StatementSpec count = this.jdbc.sql("select count(*) from accounts" + where);
		JdbcClient.StatementSpec rows = this.jdbc.sql("select " + COLUMNS + " from accounts" + where + " order by "
				+ page.orderBy() + ", id limit :limit offset :offset");
		for (Object[] param : params) {
			count = count.param((String) param[0], param[1]);
			rows = rows.param((String) param[0], param[1]);
		}
		long total = count.query(Long.class).single();
		List<Account> content = rows.param("limit", page.size())
			.param("offset", page.offset())
			.query(AccountRepository::map)
			.list();
		return PageResponse.of(content, page, total);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		String credential = rs.getString("credential");
		return new Account(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
				rs.getString("password_hash"), Role.of(rs.getString("role")),
				(credential != null) ? Credential.of(credential) : null, rs.getBoolean("active"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"));
	}

}
