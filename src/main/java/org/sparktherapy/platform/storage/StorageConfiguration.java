package org.sparktherapy.platform.storage;

import org.sparktherapy.platform.SparkProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default {@link FileStorage}: local disk under {@code SPARK_DATA_DIR/attachments},
 * encrypted with the keys of {@code SPARK_STORAGE_ENCRYPTION_KEYS}, or with a key
 * generated once into {@code SPARK_DATA_DIR/keys/storage-files.keys} when that is not
 * set.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FileStorage fileStorage(SparkProperties properties, StorageEncryptionProperties encryption) {
		FileKeys keys = (encryption.keys() != null && !encryption.keys().isBlank())
				? FileKeys.parse(encryption.keys(), encryption.currentKey())
				: FileKeys.stored(properties.dataDir().resolve("keys").resolve("storage-files.keys"));
		return new LocalFileStorage(properties.dataDir().resolve("attachments"), keys);
	}

}
