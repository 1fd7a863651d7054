package vn.ntm.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Sends a failed login back to the form with one answer for every refusal — unknown name,
 * wrong password, locked or disabled account — so that the form tells an outsider nothing
 * about the account (see {@link DatabaseUserDetailsService}).
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		response.sendRedirect(request.getContextPath() + "/login?error=bad");
	}

}
