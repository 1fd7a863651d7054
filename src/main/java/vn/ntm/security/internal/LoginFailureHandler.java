package vn.ntm.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import vn.ntm.shared.DatabaseOutage;

/**
 * Sends a failed login back to the form with one answer for every refusal — unknown name,
 * wrong password, locked or disabled account — so that the form tells an outsider nothing
 * about the account (see {@link DatabaseUserDetailsService}).
 * <p>
 * A login that could not be checked because the database cannot be reached is no refusal:
 * it gets the 503 page "Hệ thống tạm thời không truy cập được cơ sở dữ liệu", never
 * "wrong name or password".
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (DatabaseOutage.isCause(exception)) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?error=bad");
	}

}
