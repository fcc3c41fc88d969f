package org.sparktherapy.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans every module uses.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The time source; tests replace it to control time. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
