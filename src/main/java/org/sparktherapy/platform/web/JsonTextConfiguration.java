package org.sparktherapy.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every JSON string read into the application is free of control characters other than
 * tab, line feed and carriage return (Unicode category Cc: U+0000–U+001F, U+007F–U+009F).
 * A NUL cannot be stored in a PostgreSQL {@code text} column at all, and the others have
 * no place in names, notes or messages: both are refused as 400 with the field's pointer,
 * in one place, before any module sees the value. Invisible bidirectional and zero-width
 * characters are quietly removed ({@link InvisibleCharacters}): names, messages and notes
 * show what they hold.
 */
@Configuration(proxyBeanMethods = false)
class JsonTextConfiguration {

	@Bean
	JacksonModule textWithoutControlCharacters() {
		return new SimpleModule("text-without-control-characters").addDeserializer(String.class,
				new TextDeserializer());
	}

	/**
	 * Whether the text holds a control character other than tab, line feed and carriage
	 * return.
	 */
	static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}

	/**
	 * The string a JSON value holds without invisible characters, refused when it carries
	 * a control character.
	 */
	static final class TextDeserializer extends StdScalarDeserializer<String> {

		TextDeserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = InvisibleCharacters.strip(StringDeserializer.instance.deserialize(parser, context));
			if (text != null && hasControlCharacter(text)) {
				throw new ControlCharacter(parser);
			}
			return text;
		}

		@Override
		public Object getEmptyValue(DeserializationContext context) {
			return "";
		}

	}

	/**
	 * A JSON string carries a control character; {@link ProblemDetailsHandler} names the
	 * field.
	 */
	static final class ControlCharacter extends InvalidFormatException {

		ControlCharacter(JsonParser parser) {
			super(parser, "text must not contain control characters", null, String.class);
		}

	}

}
