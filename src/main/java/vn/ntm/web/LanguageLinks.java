package vn.ntm.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The layout's language links: the same page with the same parameters, in the other
 * language ({@code lang} replaced, everything else kept as it was sent). Reads nothing
 * but the request.
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageLinks {

	/** Links by language code: {@code vi}, {@code en}. */
	record Links(String vi, String en) {
	}

	@ModelAttribute("languageLinks")
	Links languageLinks(HttpServletRequest request) {
		return new Links(link(request, "vi"), link(request, "en"));
	}

	static String link(HttpServletRequest request, String language) {
		String uri;
		if ("GET".equals(request.getMethod())) {
			String query = request.getQueryString();
			uri = request.getRequestURI() + (query == null ? "" : "?" + query);
		}
		else {
			// a form answered with its page (a refused save): the page it was sent from
			uri = sameSite(request.getHeader("Referer"), request.getContextPath() + "/");
		}
		try {
			return UriComponentsBuilder.fromUriString(uri)
				.replaceQueryParam("lang", language)
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException ex) {
			return "?lang=" + language;
		}
	}

	/** The path and query of a referring page of this site, else {@code fallback}. */
	private static String sameSite(@org.jspecify.annotations.Nullable String referer, String fallback) {
		if (referer == null) {
			return fallback;
		}
		try {
			java.net.URI uri = java.net.URI.create(referer);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/")) {
				return fallback;
			}
			return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

}
