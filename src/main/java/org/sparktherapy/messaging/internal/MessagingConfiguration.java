package org.sparktherapy.messaging.internal;

import org.sparktherapy.platform.web.RequestBodyLimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Posting a message with attachments (multipart) needs a larger request body than the
 * rest of the API.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	static final String POST_MESSAGE = "/api/conversations/{id}/messages";

	@Bean
	RequestBodyLimit messageUploadLimit(MessagingProperties properties) {
		return new RequestBodyLimit("POST", POST_MESSAGE, "multipart/form-data", properties.maxPostSize());
	}

}
