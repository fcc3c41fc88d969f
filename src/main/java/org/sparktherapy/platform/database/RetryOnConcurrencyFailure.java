package org.sparktherapy.platform.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated transactional method again when its transaction lost a race in
 * PostgreSQL — a deadlock (SQLState {@code 40P01}) or a serialization failure
 * ({@code 40001}) — a few times, after a short random pause. When every attempt loses,
 * the failure is answered as 409 {@code concurrent-change} ("try again").
 *
 * <p>
 * Only the outermost transaction is retried: called inside a transaction that is already
 * running, the method runs once and the failure goes to whoever started that transaction.
 * The method must do nothing outside its transaction that a second run would repeat
 * (events reach listeners after commit, audit entries join the transaction). Put it next
 * to {@code @Transactional} on services that lock several rows or insert rows that
 * exclusion constraints compare.
 *
 * @see TransactionRetry
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetryOnConcurrencyFailure {

}
