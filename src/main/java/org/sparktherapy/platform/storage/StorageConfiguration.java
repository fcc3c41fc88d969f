package org.sparktherapy.platform.storage;

import org.sparktherapy.platform.SparkProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default {@link FileStorage}: local disk under {@code SPARK_DATA_DIR/attachments}.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FileStorage fileStorage(SparkProperties properties) {
		return new LocalFileStorage(properties.dataDir().resolve("attachments"));
	}

}
