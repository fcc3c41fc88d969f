package org.sparktherapy.platform.database;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer request's identity check and its first transaction share one pool checkout
 * (issue 16, ADR 0048 "Session 14"), and the connection goes back to the pool when that
 * transaction ends — or when the request ends if it opens none. Run with the
 * application's own data source, JdbcClient and transaction manager.
 */
@IntegrationTest
class RequestConnectionIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	RequestConnection filter;

	@Test
	void theIdentityCheckAndTheFirstTransactionShareOneConnectionWhichIsGivenBackWhenTheTransactionEnds()
			throws Exception {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		AtomicReference<Connection> checked = new AtomicReference<>();
		AtomicReference<Connection> inTransaction = new AtomicReference<>();
		AtomicReference<Connection> afterwards = new AtomicReference<>();
		this.filter.doFilter(bearerRequest(), new MockHttpServletResponse(), (request, response) -> {
			// the identity check: an autocommit statement before any transaction
			assertThat(this.jdbc.sql("select 1").query(Integer.class).single()).isEqualTo(1);
			checked.set(heldConnection());
			assertThat(checked.get()).as("the connection stays with the request after the check").isNotNull();
			transactions.executeWithoutResult(status -> {
				this.jdbc.sql("select 1").query(Integer.class).single();
				inTransaction.set(DataSourceUtils.getConnection(this.dataSource));
			});
			assertThat(closed(checked.get())).as("given back when the first transaction ended").isTrue();
			assertThat(TransactionSynchronizationManager.hasResource(this.dataSource)).isFalse();
			transactions.executeWithoutResult(status -> afterwards.set(DataSourceUtils.getConnection(this.dataSource)));
		});
		assertThat(inTransaction.get()).as("the first transaction runs on the identity check's connection")
			.isSameAs(checked.get());
		assertThat(afterwards.get()).as("a later transaction takes a connection of its own").isNotSameAs(checked.get());
		assertThat(closed(afterwards.get())).isTrue();
		assertThat(TransactionSynchronizationManager.hasResource(this.dataSource)).isFalse();
	}

	@Test
	void aRequestWithoutTransactionGivesTheConnectionBackAtItsEnd() throws Exception {
		AtomicReference<Connection> checked = new AtomicReference<>();
		this.filter.doFilter(bearerRequest(), new MockHttpServletResponse(), (request, response) -> {
			this.jdbc.sql("select 1").query(Integer.class).single();
			checked.set(heldConnection());
		});
		assertThat(checked.get()).isNotNull();
		assertThat(closed(checked.get())).isTrue();
		assertThat(TransactionSynchronizationManager.hasResource(this.dataSource)).isFalse();
	}

	@Test
	void aRequestWithoutBearerTokenHoldsNoConnection() throws Exception {
		AtomicReference<Object> bound = new AtomicReference<>();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
		this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			this.jdbc.sql("select 1").query(Integer.class).single();
			bound.set(TransactionSynchronizationManager.getResource(this.dataSource));
		});
		assertThat(bound.get()).as("autocommit statements take and give back their own connection").isNull();
	}

	private static MockHttpServletRequest bearerRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/children/x");
		request.addHeader("Authorization", "Bearer x.y.z");
		return request;
	}

	private Connection heldConnection() {
		Object resource = TransactionSynchronizationManager.getResource(this.dataSource);
		return (resource instanceof ConnectionHolder holder) ? holder.getConnection() : null;
	}

	private static boolean closed(Connection connection) {
		try {
			return connection.isClosed();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
