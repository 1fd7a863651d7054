package vn.ntm.security.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API: the call acts as the token's owner
 * (see {@link ApiTokens}). The authentication lives for this request only — nothing is
 * kept in a session — and the user read with the token is the one the request's access
 * checks use ({@link UnitAccessPolicy#remember}). An unknown, revoked or expired token,
 * or one of a disabled account, gets 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint entryPoint;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<AccountLookup.Account> account = tokens.authenticate(header.substring(7).strip());
		if (account.isEmpty()) {
			contexts.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("unknown API token"));
			return;
		}
		AccountLookup.Account user = account.get();
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
		contexts.setContext(context);
		UnitAccessPolicy.remember(user.toCurrentUser());
		chain.doFilter(request, response);
	}

}
