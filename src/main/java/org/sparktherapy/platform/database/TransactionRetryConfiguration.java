package org.sparktherapy.platform.database;

import java.time.Duration;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Applies {@link TransactionRetry} to methods (or classes) marked
 * {@link RetryOnConcurrencyFailure}. The advisor is ordered before the transaction advice
 * ({@code Ordered.LOWEST_PRECEDENCE}), so each attempt is a whole new transaction; it is
 * an infrastructure bean, so the auto-proxy creator applies it as it applies
 * transactions.
 */
@Configuration(proxyBeanMethods = false)
class TransactionRetryConfiguration {

	/**
	 * Four attempts, about 25, 50 and 75 ms apart: a lost race is settled once the winner
	 * commits.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor transactionRetryAdvisor() {
		ComposablePointcut pointcut = new ComposablePointcut(
				new AnnotationMatchingPointcut(null, RetryOnConcurrencyFailure.class, true))
			.union(new AnnotationMatchingPointcut(RetryOnConcurrencyFailure.class, true));
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut,
				new TransactionRetry(4, Duration.ofMillis(25)));
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return advisor;
	}

}
