package vn.ntm.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import vn.ntm.shared.web.ReadOnlyPage;

/**
 * Runs a {@link ReadOnlyPage} handler and the page layout's reads ({@link LayoutModel})
 * in one read-only transaction: every facade call joins it, so the page takes one
 * connection (when its first statement runs) instead of one per call. The transaction
 * ends once the layout is in the model, before the view is rendered; a failure rolls it
 * back. Registered before {@link LayoutModel}, whose {@code postHandle} therefore runs
 * inside it.
 */
@Component
class PageTransaction implements AsyncHandlerInterceptor {

	private static final String STATUS = PageTransaction.class.getName() + ".status";

	private final PlatformTransactionManager transactions;

	private final DefaultTransactionDefinition definition;

	PageTransaction(PlatformTransactionManager transactions) {
		this.transactions = transactions;
		this.definition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
		this.definition.setReadOnly(true);
		this.definition.setName(PageTransaction.class.getName());
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(ReadOnlyPage.class)
				&& ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				&& request.getAttribute(STATUS) == null) {
			request.setAttribute(STATUS, transactions.getTransaction(definition));
		}
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		end(request, false);
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		end(request, true);
	}

	@Override
	public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
			Object handler) {
		end(request, true);
	}

	private void end(HttpServletRequest request, boolean failed) {
		if (request.getAttribute(STATUS) instanceof TransactionStatus status) {
			request.removeAttribute(STATUS);
			if (status.isCompleted()) {
				return;
			}
			// it only read: a failure (or a read that marked it rollback-only) is rolled
			// back, which changes nothing either
			if (failed || status.isRollbackOnly()) {
				transactions.rollback(status);
			}
			else {
				transactions.commit(status);
			}
		}
	}

}
