package org.sparktherapy.messaging.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Messaging settings ({@code spark.messaging.*}).
 *
 * @param maxAttachmentSize the largest file a message may carry
 * @param maxAttachments how many files one message may carry
 * @param editWindow how long after sending its author may edit a message
 */
@ConfigurationProperties("spark.messaging")
record MessagingProperties(@DefaultValue("10MB") DataSize maxAttachmentSize, @DefaultValue("5") int maxAttachments,
		@DefaultValue("15m") Duration editWindow) {

	/**
	 * The largest request that posts a message: every file at its largest, plus room for
	 * the text and framing.
	 */
	DataSize maxPostSize() {
		return DataSize
			.ofBytes(this.maxAttachmentSize.toBytes() * this.maxAttachments + DataSize.ofMegabytes(1).toBytes());
	}

}
