package org.sparktherapy.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access log's keyed chain ({@code spark.audit.*}, ADR 0005).
 *
 * @param chainKey the chain's HMAC key, base64, at least 32 bytes
 * ({@code SPARK_AUDIT_CHAIN_KEY}; every node the same). Unset: generated once into
 * {@code SPARK_DATA_DIR/keys/audit-chain.key}. Never stored in the database.
 * @param retiredChainKeys earlier keys (base64) still needed to verify rows they keyed,
 * after a rotation ({@code SPARK_AUDIT_RETIRED_CHAIN_KEYS}, comma-separated)
 * @param checkpointDir where signed checkpoints are written
 * ({@code SPARK_AUDIT_CHECKPOINT_DIR}; default {@code SPARK_DATA_DIR/audit-checkpoints};
 * in production on another volume or host than the database)
 * @param checkpointInterval how often a checkpoint is written
 * ({@code SPARK_AUDIT_CHECKPOINT_INTERVAL}, ISO-8601, default 5 minutes)
 * @param sealInterval how often the entries appended since are sealed into the chain
 * ({@code SPARK_AUDIT_SEAL_INTERVAL}, ISO-8601, default 1 second): the unsealed tail is
 * about this long
 */
@ConfigurationProperties("spark.audit")
record AuditProperties(String chainKey, List<String> retiredChainKeys, Path checkpointDir,
		@DefaultValue("PT5M") Duration checkpointInterval, @DefaultValue("PT1S") Duration sealInterval) {

	AuditProperties {
		retiredChainKeys = (retiredChainKeys != null) ? List.copyOf(retiredChainKeys) : List.of();
	}

	@Override
	public String toString() {
		return "AuditProperties[checkpointDir=" + this.checkpointDir + ", checkpointInterval=" + this.checkpointInterval
				+ ", sealInterval=" + this.sealInterval + "]";
	}

}
