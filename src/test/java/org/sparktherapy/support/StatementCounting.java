package org.sparktherapy.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * Counts the SQL statements a piece of code prepares, for tests that pin how many round
 * trips a request costs (not how long it takes).
 */
public final class StatementCounting {

	private StatementCounting() {
	}

	/** The data source, counting the statements prepared on its connections. */
	public static DataSource counting(DataSource target, AtomicInteger statements) {
		return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection) ? countingConnection(connection, statements)
							: result;
				});
	}

	private static Connection countingConnection(Connection target, AtomicInteger statements) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
						statements.incrementAndGet();
					}
					return invoke(target, method, args);
				});
	}

	/**
	 * Calls the method on the target as a proxy's handler does, throwing what it throws.
	 */
	public static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
