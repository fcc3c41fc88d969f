package org.sparktherapy.platform.web;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Jetty's answer to a request it refuses before the app sees it (ADR 0052): a request
 * line or headers too large (414, 431), a path Jetty's URI compliance refuses
 * ({@code %2F}, {@code %2e%2e}: 400), an unreadable request. Problem details like the
 * app's, with the request's id as {@code traceId} (its {@code X-Request-Id} when it sent
 * a usable one), and {@code Connection: close}: Jetty closes such a connection after the
 * answer, and without the header a client (the JDK's HTTP client, NGINX's pool) would
 * send its next request into the closed connection (Jetty 12.1 leaves it out of its 414).
 * Errors inside the app go through Spring's error handling as before.
 */
class ProblemErrorHandler extends ErrorHandler {

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final JsonMapper json;

	ProblemErrorHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
			Callback callback) {
		String incoming = request.getHeaders().get(RequestIds.HEADER);
		String requestId = (incoming != null && SAFE_ID.matcher(incoming).matches()) ? incoming
				: UUID.randomUUID().toString();
		HttpFields.Mutable headers = response.getHeaders();
		headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
		response.setStatus(code);
		response.write(true, body(code, request.getHttpURI().getPath(), requestId, headers), callback);
	}

	@Override
	public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
		fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
		return body(status, null, UUID.randomUUID().toString(), fields);
	}

	private ByteBuffer body(int code, String path, String requestId, HttpFields.Mutable headers) {
		HttpStatus status = HttpStatus.resolve(code);
		ProblemDetail problem = ProblemResponses.standard((status != null) ? status : HttpStatus.BAD_REQUEST,
				(path != null) ? path : "");
		if (path == null) {
			problem.setInstance(null);
		}
		problem.setStatus(code);
		problem.setProperty("traceId", requestId);
		headers.put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		headers.put(RequestIds.HEADER, requestId);
		headers.put(ERROR_CACHE_CONTROL);
		return ByteBuffer.wrap(this.json.writeValueAsBytes(problem));
	}

}
