package vn.ntm.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.DatabaseOutage;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.MalformedInput;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.web.FormFlow;

/**
 * Turns failures into Vietnamese (or English) answers: problem JSON for {@code /api/**},
 * an error page otherwise. Expected failures carry their own message; anything else is
 * logged and answered with a generic 500 that reveals nothing of the server — except a
 * database out of reach, which is answered 503 saying so.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

	private final Messages messages;

	private final FormFlow forms;

	/** The servlet's multipart limit per file, named when an upload goes over it. */
	private final long maxFileSize;

	ErrorAdvice(Messages messages, FormFlow forms,
			@Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFileSize) {
		this.messages = messages;
		this.forms = forms;
		this.maxFileSize = maxFileSize.toBytes();
	}

	@ExceptionHandler(NotFoundException.class)
	Object notFound(NotFoundException ex, HttpServletRequest request, Locale locale) {
		return answer(HttpStatus.NOT_FOUND, messages.of(ex, locale), request, locale, Map.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException ex, HttpServletRequest request, Locale locale) {
		return answer(HttpStatus.NOT_FOUND, messages.get("error.404.detail", new Object[0], locale), request, locale,
				Map.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object forbidden(AccessDeniedException ex, HttpServletRequest request, Locale locale) {
		String detail = ex instanceof LocalizedFailure failure ? messages.of(failure, locale)
				: messages.get("error.403.detail", new Object[0], locale);
		return answer(HttpStatus.FORBIDDEN, detail, request, locale, Map.of());
	}

	/** A service asked who is working while nobody has logged in. */
	@ExceptionHandler(AuthenticationException.class)
	Object unauthenticated(AuthenticationException ex, HttpServletRequest request, Locale locale) {
		if (DatabaseOutage.isCause(ex)) {
			return outage(ex, request, locale);
		}
		if (isApi(request)) {
			return answer(HttpStatus.UNAUTHORIZED, messages.get("error.401.detail", new Object[0], locale), request,
					locale, Map.of());
		}
		return new ModelAndView("redirect:/login");
	}

	@ExceptionHandler(ConcurrentChangeException.class)
	Object conflict(ConcurrentChangeException ex, HttpServletRequest request, Locale locale) {
		return answer(HttpStatus.CONFLICT, messages.of(ex, locale), request, locale,
				Map.of("changedBy", ex.changedBy(), "changedAt", ex.changedAt().toString()));
	}

	@ExceptionHandler(BusinessRuleException.class)
	Object rule(BusinessRuleException ex, HttpServletRequest request, Locale locale) {
		Map<String, Object> extra = ex instanceof RejectedInput rejected
				? Map.of("problems", forms.problems(rejected.problems(), locale)) : Map.of();
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, messages.of(ex, locale), request, locale, extra);
	}

	/** Control characters (NUL…) in a field: a bad request, each field named. */
	@ExceptionHandler(MalformedInput.class)
	Object malformed(MalformedInput ex, HttpServletRequest request, Locale locale) {
		return answer(HttpStatus.BAD_REQUEST, messages.of(ex, locale), request, locale,
				Map.of("problems", forms.problems(ex.problems(), locale)));
	}

	@ExceptionHandler(BindException.class)
	Object invalid(BindException ex, HttpServletRequest request, Locale locale) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (FieldError error : ex.getFieldErrors()) {
			fields
				.put(error.getField(),
						messages.get(
								error.getDefaultMessage() == null ? "error.invalid"
										: error.getDefaultMessage().replaceAll("^\\{|\\}$", ""),
								new Object[0], locale));
		}
		String detail = messages.get("error.validation", new Object[] { String.join(", ", fields.keySet()) }, locale);
		return answer(HttpStatus.BAD_REQUEST, detail, request, locale, Map.of("fields", fields));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
			HttpMessageNotReadableException.class })
	Object badRequest(Exception ex, HttpServletRequest request, Locale locale) {
		String name = ex instanceof MissingServletRequestParameterException m ? m.getParameterName()
				: ex instanceof MethodArgumentTypeMismatchException t ? t.getName() : "body";
		return answer(HttpStatus.BAD_REQUEST, messages.get("error.badParameter", new Object[] { name }, locale),
				request, locale, Map.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request, Locale locale) {
		return answer(HttpStatus.METHOD_NOT_ALLOWED, messages.get("error.method", new Object[0], locale), request,
				locale, Map.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, Locale locale) {
		// the servlet's multipart limit does not tell its size (it is the configured
		// one);
		// the API's body limit does
		long limit = ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() : maxFileSize;
		String size = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB";
		return answer(HttpStatus.CONTENT_TOO_LARGE,
				messages.get("error.upload.tooLarge", new Object[] { size }, locale), request, locale, Map.of());
	}

	/**
	 * The database cannot be reached (server down, no connection within the pool's
	 * timeout): 503, saying so, whatever the page or call was doing.
	 */
	private Object outage(Exception ex, HttpServletRequest request, Locale locale) {
		log.warn("Database unreachable on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
		Object answer = answer(HttpStatus.SERVICE_UNAVAILABLE, messages.get("error.503.detail", new Object[0], locale),
				request, locale, Map.of());
		if (answer instanceof ResponseEntity<?> entity) {
			return ResponseEntity.status(entity.getStatusCode()).header("Retry-After", "30").body(entity.getBody());
		}
		return answer;
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request, Locale locale) {
		if (DatabaseOutage.isCause(ex)) {
			return outage(ex, request, locale);
		}
		if (ex instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
			// Spring MVC's own failures (unsupported media type, not acceptable…): their
			// status, our words
			HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
			String key = "error." + status.value() + ".detail";
			return answer(status,
					messages.get(key, new Object[0], locale).equals(key)
							? messages.get("error.generic.detail", new Object[0], locale)
							: messages.get(key, new Object[0], locale),
					request, locale, Map.of());
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, messages.get("error.500.detail", new Object[0], locale),
				request, locale, Map.of());
	}

	private Object answer(HttpStatus status, String detail, HttpServletRequest request, Locale locale,
			Map<String, Object> extra) {
		if (isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			String title = messages.get("error." + status.value() + ".title", new Object[0], locale);
			problem.setTitle(
					title.startsWith("error.") ? messages.get("error.generic.title", new Object[0], locale) : title);
			problem.setInstance(URI.create(request.getRequestURI()));
			extra.forEach(problem::setProperty);
			return ResponseEntity.status(status).body(problem);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		page.addAllObjects(extra);
		return page;
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

}
