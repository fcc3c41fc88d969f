package org.sparktherapy.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every module ({@code spark.*}).
 *
 * @param dataDir where the embedded database and generated keys live
 * ({@code SPARK_DATA_DIR})
 * @param maxRequestBody the largest request body accepted (413 above it)
 * @param clinicTimeZone where the clinic's people think in days and wall-clock times
 * ({@code SPARK_CLINIC_TIME_ZONE}, e.g. America/New_York)
 */
@ConfigurationProperties("spark")
public record SparkProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("1MB") DataSize maxRequestBody,
		@DefaultValue("UTC") java.time.ZoneId clinicTimeZone) {
}
