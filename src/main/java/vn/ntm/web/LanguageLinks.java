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
		String query = request.getQueryString();
		String uri = request.getRequestURI() + (query == null ? "" : "?" + query);
		return UriComponentsBuilder.fromUriString(uri).replaceQueryParam("lang", language).build(true).toUriString();
	}

}
