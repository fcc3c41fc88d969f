package org.sparktherapy.platform.web;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvisibleCharactersTests {

	@Test
	void removesEveryBidirectionalControlAndZeroWidthCharacter() {
		int[] invisible = IntStream
			.concat(IntStream.of(0x061C, 0x180E, 0xFEFF),
					IntStream.concat(IntStream.rangeClosed(0x200B, 0x200F),
							IntStream.concat(IntStream.rangeClosed(0x202A, 0x202E), IntStream
								.concat(IntStream.rangeClosed(0x2060, 0x2064), IntStream.rangeClosed(0x2066, 0x2069)))))
			.toArray();
		for (int c : invisible) {
			assertThat(InvisibleCharacters.strip("a" + Character.toString(c) + "b")).as("U+%04X", c).isEqualTo("ab");
		}
	}

	@Test
	void aFileNameCannotPoseAsAnotherType() {
		assertThat(InvisibleCharacters.strip("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
	}

	@Test
	void keepsVisibleTextAndEmojiSequencesWhole() {
		String family = "\uD83D\uDC69\u200D\uD83D\uDC67";
		String heart = "\u2764\uFE0F\u200D\uD83D\uDD25";
		assertThat(InvisibleCharacters.strip("Zo\u00EB \u00D1\u00FA\u00F1ez \u674E\u200E"))
			.isEqualTo("Zo\u00EB \u00D1\u00FA\u00F1ez \u674E");
		assertThat(InvisibleCharacters.strip("thanks " + family + heart)).isEqualTo("thanks " + family + heart);
		assertThat(InvisibleCharacters.strip("a\u200D" + family)).isEqualTo("a" + family);
		assertThat(InvisibleCharacters.strip(null)).isNull();
	}

}
