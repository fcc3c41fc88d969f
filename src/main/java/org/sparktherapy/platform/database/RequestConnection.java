package org.sparktherapy.platform.database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.ConnectionHandle;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One pool checkout for a bearer request's identity check and its first transaction
 * (issue 16, ADR 0048 "Session 14"). Every request with an access token checks its
 * account and sign-in in the database before any controller runs (an autocommit
 * statement), and most then open a transaction: two checkouts from the pool, and at a
 * busy pool two waits in its queue. This filter binds a lazy connection to the request
 * thread (Spring's {@link ConnectionHolder}, which {@code JdbcClient} and the transaction
 * manager both look for): the identity check takes it from the pool, and the request's
 * first transaction begins on the same connection. When that transaction ends (after the
 * transaction manager has reset the connection) the connection goes back to the pool at
 * once, so nothing after it — writing the answer, a long stream — holds it; later work in
 * the same request takes connections as before. A request that opens no transaction
 * returns it at its end. Requests without a bearer token (sign-in, public files) are left
 * alone: the sign-in's password hashing must not hold a connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RequestConnection extends OncePerRequestFilter {

	private final DataSource dataSource;

	RequestConnection(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| TransactionSynchronizationManager.hasResource(this.dataSource)) {
			chain.doFilter(request, response);
			return;
		}
		Holder holder = new Holder(this.dataSource);
		TransactionSynchronizationManager.bindResource(this.dataSource, holder);
		try {
			chain.doFilter(request, response);
		}
		finally {
			holder.release();
		}
	}

	/**
	 * The request's connection: taken from the pool when first used, given back when the
	 * first transaction on it ends or, failing that, when the request ends.
	 */
	static final class Holder extends ConnectionHolder {

		private final DataSource dataSource;

		Holder(DataSource dataSource) {
			super(new Lazy(dataSource));
			this.dataSource = dataSource;
			// the request's own reference: a ConnectionHolder gives its handle's
			// connection back as soon as no statement holds it, which would make every
			// statement take its own
			requested();
		}

		/**
		 * Called by the transaction manager last when a transaction on this connection
		 * ends, after it has restored auto-commit and the connection's other settings.
		 */
		@Override
		public void clear() {
			super.clear();
			release();
		}

		/** Unbinds this holder from the thread and gives its connection back, if any. */
		void release() {
			if (TransactionSynchronizationManager.getResource(this.dataSource) == this) {
				TransactionSynchronizationManager.unbindResource(this.dataSource);
			}
			if (hasConnection()) {
				setConnection(null);
			}
		}

	}

	private record Lazy(DataSource dataSource) implements ConnectionHandle {

		@Override
		public Connection getConnection() {
			// straight from the pool: DataSourceUtils would find this very holder
			try {
				return this.dataSource.getConnection();
			}
			catch (SQLException ex) {
				throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", ex);
			}
		}

		@Override
		public void releaseConnection(Connection connection) {
			DataSourceUtils.releaseConnection(connection, null);
		}

	}

}
