package org.sparktherapy.platform.web;

import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reads and writes JSON (and text, bytes and forms), nothing else. Libraries on
 * the class path bring other formats: swagger-core brings Jackson 2 with its YAML
 * support, and Spring registers a converter for every format it finds. A YAML body would
 * then be read by Jackson 2 with its defaults — unknown fields ignored, none of the JSON
 * mapper's checks ({@link JsonTextConfiguration}) — and an answer could be YAML. So the
 * converters of those formats, and any Jackson 2 converter, are removed.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConverters implements WebMvcConfigurer {

	private static final Set<String> FOREIGN_SUBTYPES = Set.of("yaml", "x-yaml", "cbor", "x-jackson-smile", "xml",
			"x-protobuf", "protobuf");

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList(converters -> converters.removeIf(JsonOnlyConverters::foreign));
	}

	static boolean foreign(HttpMessageConverter<?> converter) {
		if (converter.getClass().getName().contains("Jackson2")) {
			return true;
		}
		for (MediaType type : converter.getSupportedMediaTypes()) {
			String subtype = type.getSubtype();
			if (FOREIGN_SUBTYPES.contains(subtype) || subtype.endsWith("+xml") || subtype.endsWith("+yaml")) {
				return true;
			}
		}
		return false;
	}

}
