package org.sparktherapy.platform.web;

import org.slf4j.MDC;

/**
 * The id of the request being served: taken from {@code X-Request-Id} or generated, put
 * in the log context and echoed back; problem responses carry it as {@code traceId}.
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private RequestIds() {
	}

	private static final java.util.regex.Pattern FEED = java.util.regex.Pattern.compile("^/api/calendar/[^/]+\\.ics$");

	/**
	 * A request path as it may appear in logs: private calendar-feed tokens (which open a
	 * feed by themselves) are masked.
	 */
	public static String loggablePath(String path) {
		return (path != null && path.startsWith("/api/calendar/") && FEED.matcher(path).matches())
				? "/api/calendar/{token}.ics" : path;
	}

	/** The current request's id, or {@code null} outside a request. */
	public static String current() {
		return MDC.get(MDC_KEY);
	}

}
