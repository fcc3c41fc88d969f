package org.sparktherapy.platform.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app built into {@code classpath:/static}: hashed {@code /assets/**}
 * cached for a year, everything else revalidated, and any other path that is not a file,
 * not {@code /api/**} and not {@code /metrics} answered with {@code index.html} so the
 * app's deep links work on reload.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebMvcConfigurer {

	private static final String STATIC = "classpath:/static/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(STATIC + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/**")
			.addResourceLocations(STATIC)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new SinglePageAppResolver());
	}

	private static final class SinglePageAppResolver extends PathResourceResolver {

		private final Resource index = new ClassPathResource("static/index.html");

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource requested = location.createRelative(resourcePath);
			if (requested.exists() && requested.isReadable()) {
				return requested;
			}
			boolean backend = resourcePath.startsWith("api/") || resourcePath.equals("api")
					|| resourcePath.startsWith("metrics") || resourcePath.startsWith("assets/");
			boolean file = resourcePath.substring(resourcePath.lastIndexOf('/') + 1).contains(".");
			return (backend || file || !this.index.exists()) ? null : this.index;
		}

	}

}
