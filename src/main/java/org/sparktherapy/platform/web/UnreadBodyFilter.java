package org.sparktherapy.platform.web;

import java.io.IOException;
import java.util.Collection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads and discards what is left of a request body the app answered without reading (a
 * 400 for a malformed path, a 401, a 413), up to 2 MB, so the connection can serve the
 * client's next request (ADR 0052). Tomcat did this itself ({@code max-swallow-size});
 * Jetty only takes what has already arrived and otherwise closes the connection after the
 * answer, without a {@code Connection: close} in it, so a client (NGINX's pool, the JDK's
 * HTTP client) sends its next request into a closed connection. A larger rest, or a
 * client waiting for {@code 100 Continue}, still has its connection closed (the larger
 * rest after its first 2 MB were read, as Tomcat did, so the answer reaches the client
 * before the connection ends). A multipart body Jetty could not parse closes the
 * connection too, and the answer says so.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class UnreadBodyFilter extends OncePerRequestFilter {

	/** What Tomcat's {@code max-swallow-size} was here. */
	static final long MAX_SWALLOW = 2L * 1024 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(new ClosingOnBadParts(request, response), response);
		}
		finally {
			if (!request.isAsyncStarted() && mayHaveBody(request)) {
				swallow(request, response);
			}
		}
	}

	/**
	 * A multipart body Jetty could not parse (cut short, a broken part header, garbage)
	 * leaves its connection unusable: Jetty closes it after the answer. The answer says
	 * so ({@code Connection: close}), so the client does not send its next request into
	 * it.
	 */
	private static final class ClosingOnBadParts extends HttpServletRequestWrapper {

		private final HttpServletResponse response;

		ClosingOnBadParts(HttpServletRequest request, HttpServletResponse response) {
			super(request);
			this.response = response;
		}

		@Override
		public Collection<Part> getParts() throws IOException, ServletException {
			try {
				return super.getParts();
			}
			catch (IOException | ServletException | RuntimeException ex) {
				close();
				throw ex;
			}
		}

		@Override
		public Part getPart(String name) throws IOException, ServletException {
			try {
				return super.getPart(name);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				close();
				throw ex;
			}
		}

		private void close() {
			if (!this.response.isCommitted()) {
				this.response.setHeader(HttpHeaders.CONNECTION, "close");
			}
		}

	}

	private static boolean mayHaveBody(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		if (length == 0 || (length < 0 && request.getHeader("Transfer-Encoding") == null)) {
			return false;
		}
		String expect = request.getHeader("Expect");
		return expect == null || !expect.regionMatches(true, 0, "100-continue", 0, 12);
	}

	/**
	 * Sends the answer, then reads what is left of the body, at most 2 MB. A rest larger
	 * than that ends the connection ({@code Connection: close}), but only after those 2
	 * MB were read: closing a socket with unread data resets it, and a reset that reaches
	 * the client while it still sends its body destroys the answer it has not read yet
	 * (the JDK's client then reports "header parser received no bytes" instead of the
	 * 413).
	 */
	private static void swallow(HttpServletRequest request, HttpServletResponse response) {
		try {
			ServletInputStream in = request.getInputStream();
			if (in.isFinished()) {
				return;
			}
			if (request.getContentLengthLong() > MAX_SWALLOW) {
				// more than will be read: the answer goes first, and says the connection
				// ends (a body the app read whole costs no flush: it is never this long)
				if (!response.isCommitted()) {
					response.setHeader(HttpHeaders.CONNECTION, "close");
				}
				response.flushBuffer();
			}
			byte[] buffer = new byte[8192];
			long total = 0;
			int read;
			while (total <= MAX_SWALLOW && (read = in.read(buffer)) >= 0) {
				total += read;
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away, or the body was read as text (getReader) and is done
		}
	}

}
