package org.sparktherapy.audit.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes the refusals a request collected after it has been answered — after its
 * transaction ended and released its connection — each in its own transaction.
 */
@Configuration(proxyBeanMethods = false)
class RefusalFlush implements WebMvcConfigurer, HandlerInterceptor {

	private static final String PENDING = RefusalFlush.class.getName() + ".pending";

	private final ObjectProvider<AuditLog> log;

	RefusalFlush(ObjectProvider<AuditLog> log) {
		this.log = log;
	}

	/** Keeps the refusal for the end of the current request; false outside a request. */
	@SuppressWarnings("unchecked")
	static boolean defer(AuditLog.Pending pending) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return false;
		}
		List<AuditLog.Pending> list = (List<AuditLog.Pending>) attributes.getAttribute(PENDING,
				RequestAttributes.SCOPE_REQUEST);
		if (list == null) {
			list = new ArrayList<>();
			attributes.setAttribute(PENDING, list, RequestAttributes.SCOPE_REQUEST);
		}
		list.add(pending);
		return true;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		List<AuditLog.Pending> pending = (List<AuditLog.Pending>) request.getAttribute(PENDING);
		if (pending != null) {
			request.removeAttribute(PENDING);
			pending.forEach(this.log.getObject()::writeNow);
		}
	}

}
