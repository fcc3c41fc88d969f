package org.sparktherapy.platform.storage;

import jakarta.annotation.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys stored files are encrypted with ({@code spark.storage.encryption.*}). See
 * docs/adr/0037-encryption-at-rest.md.
 *
 * @param keys {@code SPARK_STORAGE_ENCRYPTION_KEYS}: {@code id:base64,id:base64}, each
 * key 32 random bytes; when empty a key is generated once into
 * {@code SPARK_DATA_DIR/keys/storage-files.keys}, which suits a single node
 * @param currentKey {@code SPARK_STORAGE_ENCRYPTION_CURRENT_KEY}: the id of the key new
 * files are encrypted with; the first listed when empty. The others are only read with.
 */
@ConfigurationProperties("spark.storage.encryption")
public record StorageEncryptionProperties(@Nullable String keys, @Nullable String currentKey) {

	@Override
	public String toString() {
		return "StorageEncryptionProperties[keys=(hidden), currentKey=" + this.currentKey + "]";
	}

}
