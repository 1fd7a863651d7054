package vn.ntm.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.context.ApplicationEventPublisher;
import vn.ntm.shared.DatabaseOutage;

/**
 * Three filter chains: API calls with their own credentials (HTTP Basic or a personal API
 * token; stateless, no session, no CSRF), the REST API from the browser's session
 * ({@code /api/**}, CSRF checked, JSON errors) and the pages (form login, CSRF). CSRF is
 * skipped only for a request that its Basic/token credentials authenticate — never
 * because some {@code Authorization} header is present (issue 10). The session chains
 * register sessions in one {@link SessionRegistry}, so that {@link UserSessions} can end
 * a user's sessions when their password, role or units change.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

	/**
	 * No inline scripts anywhere; styles from our own sheets (htmx's indicator style is
	 * disabled).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: https://tile.openstreetmap.org; font-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder(SecuritySettings settings) {
		int atOnce = settings.passwordChecksAtOnce() > 0 ? settings.passwordChecksAtOnce()
				: ThrottledPasswordEncoder.defaultAtOnce();
		return new ThrottledPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), atOnce);
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	/** The sessions of each user, so that a change to the account can end them. */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the registry when the servlet container ends a session or changes its id. */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/**
	 * API calls that carry their own credentials — {@code Authorization: Basic …} or
	 * {@code Bearer <personal API token>}: authenticated by them alone, on every call,
	 * with no server session created or read, and therefore no CSRF token (a browser
	 * never adds such a header to a forged request by itself). A wrong credential is 401
	 * even when a session cookie comes along.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain apiCredentialsChain(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher(SecurityConfiguration::carriesCredentials)
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::apiUnauthorized))
			.addFilterBefore(new ApiTokenFilter(tokens, SecurityConfiguration::apiUnauthorized),
					BasicAuthenticationFilter.class)
			.exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityConfiguration::apiUnauthorized))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	/**
	 * An API call with Basic or Bearer credentials (other {@code Authorization} schemes
	 * are not credentials: such a call rides on its session, with CSRF checked).
	 */
	static boolean carriesCredentials(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") && header != null
				&& (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7));
	}

	/**
	 * The API from the browser: the session of the logged-in user, with CSRF checked on
	 * every change.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityConfiguration::apiUnauthorized))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
				.sessionConcurrency(concurrency -> concurrency.maximumSessions(-1)
					.sessionRegistry(sessions)
					.expiredSessionStrategy(SecurityConfiguration::apiSessionEnded)))
			.csrf(Customizer.withDefaults())
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, LoginFailureHandler failureHandler, SessionRegistry sessions)
			throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/info", "/locale")
			.permitAll()
			// the deadline calendar feed authenticates by its own secret token
			// (CalendarFeedTokens)
			.requestMatchers(HttpMethod.GET, "/calendar.ics")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(failureHandler).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.exceptionHandling(ex -> ex.authenticationEntryPoint(pageEntryPoint()))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
				.sessionConcurrency(concurrency -> concurrency.maximumSessions(-1)
					.sessionRegistry(sessions)
					.expiredSessionStrategy(pageSessionEnded())))
			.headers(SecurityConfiguration::headers)
			.csrf(Customizer.withDefaults());
		return http.build();
	}

	private static void headers(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"));
	}

	/**
	 * htmx requests that hit an expired session get 401 with {@code HX-Redirect}, so that
	 * the whole page goes to the login form instead of the form being swapped into a
	 * fragment.
	 */
	private static AuthenticationEntryPoint pageEntryPoint() {
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> {
			if (request.getHeader("HX-Request") != null) {
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
				response.setHeader("HX-Redirect", request.getContextPath() + "/login");
				return;
			}
			login.commence(request, response, exception);
		};
	}

	/**
	 * A page asked with a session that {@link UserSessions} ended: the login form, saying
	 * why (htmx requests are sent there as a whole page).
	 */
	private static SessionInformationExpiredStrategy pageSessionEnded() {
		return event -> {
			HttpServletRequest request = event.getRequest();
			HttpServletResponse response = event.getResponse();
			String target = request.getContextPath() + "/login?expired";
			if (request.getHeader("HX-Request") != null) {
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
				response.setHeader("HX-Redirect", target);
				return;
			}
			response.sendRedirect(target);
		};
	}

	/** An API call riding on a session that was ended: 401, as for no session. */
	private static void apiSessionEnded(org.springframework.security.web.session.SessionInformationExpiredEvent event)
			throws IOException {
		apiUnauthorized(event.getRequest(), event.getResponse(), null);
	}

	private static void apiUnauthorized(HttpServletRequest request, HttpServletResponse response,
			@Nullable AuthenticationException exception) throws IOException {
		if (DatabaseOutage.isCause(exception)) {
			// the credentials could not be checked: no 401, the database is out of reach
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", "30");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Cơ sở dữ liệu không truy cập được\",\"status\":503,"
						+ "\"detail\":\"Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.\"}");
			return;
		}
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader("WWW-Authenticate", "Basic realm=\"NTM Monitor\", charset=\"UTF-8\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Chưa đăng nhập\",\"status\":401,"
					+ "\"detail\":\"Cần đăng nhập (phiên làm việc, mã truy cập API hoặc HTTP Basic) để dùng API.\"}");
	}

}
