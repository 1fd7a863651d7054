package vn.ntm.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Reads the parts of a multipart request before Spring Security does, so that an upload
 * over the servlet's limit ({@code spring.servlet.multipart.*}) is answered 413 naming
 * the limit — on a page form as on the API. Without it, the CSRF filter of a page form
 * asks for its token among the parameters, the container fails to parse the oversized
 * body and the user gets a 500.
 * <p>
 * Pages get the error page (status 413 through the container, the detail in
 * {@link ErrorDetails#ATTRIBUTE}); the API gets problem JSON.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
class FormUploadLimit extends OncePerRequestFilter {

	private final long maxFileSize;

	private final Messages messages;

	private final LocaleResolver locales;

	FormUploadLimit(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize, Messages messages,
			LocaleResolver locales) {
		this.maxFileSize = maxFileSize.toBytes();
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IllegalStateException | IOException | ServletException ex) {
			if (!tooLarge(ex)) {
				throw ex;
			}
			refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether the container refused the body for its size (file or whole request). */
	static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
			if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
					|| (message.contains("size") && message.contains("exceed"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		String limit = maxFileSize % (1024 * 1024) == 0 ? maxFileSize / (1024 * 1024) + " MB"
				: maxFileSize / 1024 + " KB";
		String detail = messages.get("error.upload.tooLarge", new Object[] { limit }, locale);
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			String title = messages.get("error.413.title", new Object[0], locale);
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":413,\"detail\":\""
						+ json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
			return;
		}
		request.setAttribute(ErrorDetails.ATTRIBUTE, detail);
		response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
