package org.sparktherapy.platform.database;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionRetryTests {

	private final AtomicInteger calls = new AtomicInteger();

	@AfterEach
	void noTransaction() {
		TransactionSynchronizationManager.setActualTransactionActive(false);
	}

	@Test
	void runsATransactionThatLostADeadlockAgain() {
		Supplier<String> work = retried(() -> {
			if (this.calls.incrementAndGet() < 3) {
				throw lost("40P01");
			}
			return "done";
		});

		assertThat(work.get()).isEqualTo("done");
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void givesUpAfterTheLastAttemptWithTheFailure() {
		Supplier<String> work = retried(() -> {
			this.calls.incrementAndGet();
			throw lost("40001");
		});

		assertThatThrownBy(work::get).satisfies(ex -> assertThat(ConcurrencyFailures.isLostRace(ex)).isTrue());
		assertThat(this.calls).hasValue(4);
	}

	@Test
	void neverRetriesOtherFailures() {
		Supplier<String> work = retried(() -> {
			this.calls.incrementAndGet();
			throw new DataIntegrityViolationException("no", new SQLException("exclusion", "23P01"));
		});

		assertThatThrownBy(work::get).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void leavesTheRetryToTheOutermostTransaction() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		Supplier<String> work = retried(() -> {
			this.calls.incrementAndGet();
			throw lost("40P01");
		});

		assertThatThrownBy(work::get).isInstanceOf(PessimisticLockingFailureException.class);
		assertThat(this.calls).hasValue(1);
	}

	private static PessimisticLockingFailureException lost(String sqlState) {
		return new PessimisticLockingFailureException("lost", new SQLException("deadlock detected", sqlState));
	}

	@SuppressWarnings("unchecked")
	private static Supplier<String> retried(Supplier<String> target) {
		ProxyFactory proxy = new ProxyFactory(target);
		proxy.addInterface(Supplier.class);
		proxy.addAdvice(new TransactionRetry(4, Duration.ofMillis(1)));
		return (Supplier<String>) proxy.getProxy();
	}

}
