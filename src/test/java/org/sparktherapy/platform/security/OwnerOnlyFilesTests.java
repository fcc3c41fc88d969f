package org.sparktherapy.platform.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnerOnlyFilesTests {

	@Test
	void aSecretIsWrittenWholeForItsOwnerOnlyAndLeavesNoTemporaryFileBehind(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("keys/some.key");

		OwnerOnlyFiles.write(file, "first");
		OwnerOnlyFiles.write(file, "second");

		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("second");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var files = Files.list(file.getParent())) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactly("some.key");
		}
	}

	@Test
	void newKeysAreRandomOfTheirLength() {
		byte[] one = OwnerOnlyFiles.randomKey(32);
		assertThat(one).hasSize(32).isNotEqualTo(OwnerOnlyFiles.randomKey(32));
		assertThat(OwnerOnlyFiles.base64(new byte[] { 1, 2, 3 })).isEqualTo("AQID");
	}

	@Test
	void aKeyIsGeneratedOnceOwnerOnlyAndReadBackAfterwards(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("keys").resolve("some.key");

		byte[] first = OwnerOnlyFiles.readOrCreateKey(file, "the test key");
		byte[] again = OwnerOnlyFiles.readOrCreateKey(file, "the test key");

		assertThat(first).hasSize(32).isEqualTo(again);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void aKeyFileThatIsNotBase64StopsWithTheKeysName(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("broken.key");
		Files.writeString(file, "not base64 at all!", StandardCharsets.US_ASCII);

		assertThatThrownBy(() -> OwnerOnlyFiles.readOrCreateKey(file, "the test key"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("the test key")
			.hasMessageContaining("not valid base64");
	}

}
