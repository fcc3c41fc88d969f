package org.sparktherapy.platform.web;

import org.springframework.util.unit.DataSize;

/**
 * A route that accepts larger request bodies than {@code spark.max-request-body} (e.g.
 * uploads). Modules declare one as a bean; {@link RequestBodyLimitFilter} applies the
 * first that matches a request.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param pathPattern a path pattern, e.g. {@code /api/conversations/{id}/messages}
 * @param contentType the media type the larger limit is for, e.g.
 * {@code multipart/form-data} (other bodies to the route keep the default limit)
 * @param limit the largest body accepted on that route
 */
public record RequestBodyLimit(String method, String pathPattern, String contentType, DataSize limit) {
}
