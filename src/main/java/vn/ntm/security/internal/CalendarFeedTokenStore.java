package vn.ntm.security.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.CalendarFeedTokens;
import vn.ntm.security.CurrentUser;

/**
 * The calendar feed tokens ({@link CalendarFeedTokens}, table
 * {@code calendar_feed_token}, security V40): hashed as the API tokens are
 * ({@link ApiTokens#hash}), one per user.
 */
@Service
class CalendarFeedTokenStore implements CalendarFeedTokens {

	/** Feed tokens start with this (not usable as API tokens, which start "ntm_"). */
	static final String PREFIX = "cal_";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	CalendarFeedTokenStore(JdbcClient jdbc, AccessPolicy access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Instant> issuedAt() {
		return jdbc.sql("select created_at from calendar_feed_token where user_id = :user")
			.param("user", access.current().id())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	@Override
	@Transactional
	public String regenerate() {
		CurrentUser me = access.current();
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Optional<Instant> before = jdbc
			.sql("select created_at from calendar_feed_token where user_id = :user for update")
			.param("user", me.id())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
		jdbc.sql("""
				insert into calendar_feed_token (user_id, token_hash, created_at) values (:user, :hash, :now)
				on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at
				""")
			.param("user", me.id())
			.param("hash", ApiTokens.hash(token))
			.param("now", Timestamp.from(now))
			.update();
		String label = "Lịch hạn (" + me.username() + ")";
		if (before.isEmpty()) {
			audit.record(AuditRecord.created("calendar_feed_token", me.id(), label,
					"Tạo đường dẫn lịch hạn (iCalendar) cho tài khoản " + me.username(),
					Map.of("createdAt", now.toString())));
		}
		else {
			audit.record(new AuditRecord("REGENERATE", "calendar_feed_token", String.valueOf(me.id()), label,
					"Tạo lại đường dẫn lịch hạn (iCalendar) của tài khoản " + me.username()
							+ "; đường dẫn cũ hết hiệu lực",
					Map.of("createdAt", before.get().toString()), Map.of("createdAt", now.toString())));
		}
		return token;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> ownerOf(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select u.username from calendar_feed_token t join app_user u on u.id = t.user_id
				where t.token_hash = :hash and u.enabled
				""").param("hash", ApiTokens.hash(token)).query(String.class).optional();
	}

}
