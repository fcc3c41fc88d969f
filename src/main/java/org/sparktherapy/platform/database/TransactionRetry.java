package org.sparktherapy.platform.database;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The advice behind {@link RetryOnConcurrencyFailure}: runs the call (and with it its
 * transaction, whose advice sits inside this one) up to {@code attempts} times while it
 * fails with a lost race, pausing a random 0.5–1.5 × a growing base between attempts so
 * the racers do not meet again in step. Inside a running transaction it never retries:
 * that transaction is already spoilt, and the one who began it decides.
 */
public final class TransactionRetry implements MethodInterceptor {

	private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);

	private final int attempts;

	private final Duration pause;

	public TransactionRetry(int attempts, Duration pause) {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1");
		}
		this.attempts = attempts;
		this.pause = pause;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return invocation.proceed();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return invocation.proceed();
			}
			catch (RuntimeException ex) {
				if (attempt >= this.attempts || !ConcurrencyFailures.isLostRace(ex)) {
					throw ex;
				}
				log.info("{}.{} lost a race in the database (attempt {} of {}); trying again",
						invocation.getMethod().getDeclaringClass().getSimpleName(), invocation.getMethod().getName(),
						attempt, this.attempts);
				pause(attempt);
			}
		}
	}

	private void pause(int attempt) throws InterruptedException {
		long base = this.pause.toMillis() * attempt;
		Thread.sleep(ThreadLocalRandom.current().nextLong(base / 2, base + base / 2 + 1));
	}

}
