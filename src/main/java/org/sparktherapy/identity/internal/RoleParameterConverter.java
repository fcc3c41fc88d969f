package org.sparktherapy.identity.internal;

import org.sparktherapy.identity.Role;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code ?role=therapist} as the API writes roles (lower case). */
@Component
class RoleParameterConverter implements Converter<String, Role> {

	@Override
	public Role convert(String source) {
		return Role.of(source.trim().toLowerCase(java.util.Locale.ROOT));
	}

}
