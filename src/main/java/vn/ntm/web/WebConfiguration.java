package vn.ntm.web;

import java.text.ParseException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import vn.ntm.shared.VnFormat;

/**
 * Vietnamese first: the default locale is {@code vi}; {@code ?lang=en} switches to
 * English and is remembered in a cookie. Dates bind and print as {@code dd/MM/yyyy}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final LayoutModel layout;

	private final PageTransaction pageTransaction;

	WebConfiguration(LayoutModel layout, PageTransaction pageTransaction) {
		this.layout = layout;
		this.pageTransaction = pageTransaction;
	}

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/**
	 * Boot registers {@link ResourceUrlEncodingFilter} because a webjars locator is
	 * present: it passes every URL a page writes ({@code th:href}, {@code th:action}…)
	 * through the static resource chain, and for the pattern {@code /**} each link of a
	 * page — {@code /units/7182}, a matrix's hundreds of rows — was looked up on the
	 * classpath, uncached when not found, and in the packaged jar behind one lock shared
	 * by all requests: under load the request threads queued there (issue 10). Links stay
	 * version-less ({@code /webjars/htmx.org/dist/htmx.min.js}); the chain still resolves
	 * them when they are served.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncoding() {
		// Boot's Thymeleaf configuration registers the filter only when no registration
		// of
		// it exists: this one, disabled, keeps it out
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("NTM_LANG");
		resolver.setDefaultLocale(VIETNAMESE);
		// without the cookie: Vietnamese on pages whatever the browser's language; an API
		// client that asks for English first (Accept-Language) gets English
		resolver.setDefaultLocaleFunction(
				request -> request.getRequestURI().startsWith("/api/") && request.getHeader("Accept-Language") != null
						&& "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : VIETNAMESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		// before the layout: its postHandle (ending the page's read transaction) runs
		// after the layout's reads
		registry.addInterceptor(pageTransaction);
		registry.addInterceptor(layout);
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new VietnameseDateFormatter());
	}

	/** Prints {@code dd/MM/yyyy}; reads that, {@code d/M/yyyy} or ISO. */
	static final class VietnameseDateFormatter implements Formatter<LocalDate> {

		@Override
		public String print(LocalDate date, Locale locale) {
			return VnFormat.date(date);
		}

		@Override
		public LocalDate parse(String text, Locale locale) throws ParseException {
			return VnFormat.parseDate(text).orElseThrow(() -> new ParseException(text, 0));
		}

	}

	/** Formats for templates: {@code ${@vn.number(x)}}, {@code ${@vn.date(d)}}. */
	@Bean("vn")
	TemplateFormats templateFormats() {
		return new TemplateFormats();
	}

}
