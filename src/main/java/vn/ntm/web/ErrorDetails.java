package vn.ntm.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The attributes of the container's error page ({@code error.html} through Boot's error
 * controller) with the detail a filter put in {@link #ATTRIBUTE} before sending the
 * error, e.g. the limit an upload went over. Without it the page says its status's
 * generic text.
 */
@Component
class ErrorDetails extends DefaultErrorAttributes {

	/** A request attribute: the (localized) sentence the error page shows. */
	static final String ATTRIBUTE = "vn.ntm.web.errorDetail";

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof String detail) {
			attributes.put("detail", detail);
		}
		return attributes;
	}

}
