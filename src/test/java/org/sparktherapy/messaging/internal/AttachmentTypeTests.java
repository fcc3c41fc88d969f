package org.sparktherapy.messaging.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentTypeTests {

	@Test
	void recognisesEachAllowedTypeByItsSignature() {
		assertThat(AttachmentType.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
			.hasValue(AttachmentType.PNG);
		assertThat(AttachmentType.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
			.hasValue(AttachmentType.JPEG);
		assertThat(AttachmentType.detect(ascii("GIF89a..."))).hasValue(AttachmentType.GIF);
		assertThat(AttachmentType.detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).hasValue(AttachmentType.WEBP);
		assertThat(AttachmentType.detect(ascii("%PDF-1.7\n"))).hasValue(AttachmentType.PDF);
	}

	@Test
	void refusesEverythingElse() {
		assertThat(AttachmentType.detect(ascii("<html><script>"))).isEmpty();
		assertThat(AttachmentType.detect(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
		assertThat(AttachmentType.detect(ascii("PK\u0003\u0004"))).isEmpty();
		assertThat(AttachmentType.detect(new byte[0])).isEmpty();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
