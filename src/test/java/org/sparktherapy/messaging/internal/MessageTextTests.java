package org.sparktherapy.messaging.internal;

import org.junit.jupiter.api.Test;
import org.sparktherapy.platform.problem.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTextTests {

	@Test
	void trimsNormalisesAndStripsControlCharactersButKeepsNewlinesAndTabs() {
		assertThat(MessageText.clean("  e\u0301\u0000\u001b[31m\u007f\u0085 a\r\nb\rc\td  "))
			.isEqualTo("é[31m a\nb\nc\td");
	}

	@Test
	void keepsMarkupAsPlainCharacters() {
		assertThat(MessageText.of("<script>alert(1)</script> & <b>", false))
			.isEqualTo("<script>alert(1)</script> & <b>");
	}

	@Test
	void dropsUnpairedSurrogatesButKeepsEmoji() {
		assertThat(MessageText.clean("a\uD800b \uD83D\uDE00")).isEqualTo("ab \uD83D\uDE00");
	}

	@Test
	void refusesEmptyTextUnlessFilesAreAttached() {
		assertThatThrownBy(() -> MessageText.of(" \n\u0000 ", false)).isInstanceOf(InvalidInput.class);
		assertThat(MessageText.of(" ", true)).isEmpty();
	}

	@Test
	void countsCharactersNotUtf16Units() {
		assertThat(MessageText.of("\uD83D\uDE00".repeat(5000), false)).hasSize(10_000);
		assertThatThrownBy(() -> MessageText.of("x".repeat(5001), false)).isInstanceOf(InvalidInput.class);
	}

}
