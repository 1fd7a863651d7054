package vn.ntm.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.ApiTokenManagement;
import vn.ntm.security.CurrentUser;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;

/**
 * Personal API tokens ({@link ApiTokenManagement}) and their check on each call
 * ({@link #authenticate}): one statement reads the token with its owner's account, units
 * and criteria, so that a call authenticated by a token reads the user only once.
 */
@Service
class ApiTokens implements ApiTokenManagement {

	/**
	 * Tokens start with this, so that they are recognisable (e.g. by secret scanners).
	 */
	static final String PREFIX = "ntm_";

	private static final SecureRandom random = new SecureRandom();

	/** {@code last_used_at} is written at most this often per token. */
	private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AccessPolicy access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ApiTokenView> mine() {
		return jdbc.sql("select * from api_token where user_id = :user order by created_at desc, id desc")
			.param("user", access.current().id())
			.query(ApiTokens::view)
			.list();
	}

	@Override
	@Transactional
	public CreatedToken create(String name, @Nullable LocalDate expiresOn) {
		CurrentUser me = access.current();
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100 || trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new BusinessRuleException("token.name.invalid");
		}
		Instant now = clock.instant();
		Instant expiresAt = null;
		if (expiresOn != null) {
			if (expiresOn.isBefore(VnFormat.today())) {
				throw new BusinessRuleException("token.expires.past");
			}
			expiresAt = expiresOn.plusDays(1).atStartOfDay(VnFormat.ZONE).toInstant();
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String prefix = token.substring(0, PREFIX.length() + 6);
		long id = jdbc.sql("""
				insert into api_token (user_id, name, prefix, token_hash, created_at, expires_at)
				values (:user, :name, :prefix, :hash, :now, :expires) returning id
				""")
			.param("user", me.id())
			.param("name", trimmed)
			.param("prefix", prefix)
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
		ApiTokenView view = new ApiTokenView(id, trimmed, prefix, now, expiresAt, null, null);
		audit.record(AuditRecord.created("api_token", id, trimmed + " (" + me.username() + ")",
				"Tạo mã truy cập API \"" + trimmed + "\" (" + prefix + "…) cho tài khoản " + me.username(),
				described(view)));
		return new CreatedToken(view, token);
	}

	@Override
	@Transactional
	public void revoke(long tokenId) {
		CurrentUser me = access.current();
		ApiTokenView before = jdbc.sql("select * from api_token where id = :id and user_id = :user for update")
			.param("id", tokenId)
			.param("user", me.id())
			.query(ApiTokens::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("token.notFound", tokenId));
		if (before.revokedAt() != null) {
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("update api_token set revoked_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", tokenId)
			.update();
		ApiTokenView after = new ApiTokenView(before.id(), before.name(), before.prefix(), before.createdAt(),
				before.expiresAt(), before.lastUsedAt(), now);
		audit
			.record(new AuditRecord("REVOKE", "api_token", String.valueOf(tokenId),
					before.name() + " (" + me.username() + ")", "Thu hồi mã truy cập API \"" + before.name() + "\" ("
							+ before.prefix() + "…) của tài khoản " + me.username(),
					described(before), described(after)));
	}

	/**
	 * The account a token belongs to, if the token is known, not revoked, not expired and
	 * its account enabled. Runs outside any transaction: one statement to check, and at
	 * most one more (after the first has finished) to note the use.
	 */
	Optional<AccountLookup.Account> authenticate(String token) {
		if (!token.startsWith(PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		record Found(long tokenId, @Nullable Instant lastUsed, AccountLookup.Account account) {
		}
		Optional<Found> found = jdbc.sql("""
				select t.id as token_id, t.last_used_at, u.id, u.username, u.full_name, u.role, u.organization,
				    u.enabled, u.locked_until, '' as password_hash, u.failed_attempts, u.last_login_at,
				    array(select unit_id from app_user_unit where user_id = u.id) as units,
				    array(select criterion_code from app_user_criterion where user_id = u.id) as criteria
				from api_token t join app_user u on u.id = t.user_id
				where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)
				    and u.enabled
				""")
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Found(rs.getLong("token_id"), instant(rs, "last_used_at"), AccountLookup.row(rs, n)))
			.optional();
		found.filter(f -> f.lastUsed() == null || f.lastUsed().plus(USE_GRANULARITY).isBefore(now))
			.ifPresent(f -> jdbc.sql("update api_token set last_used_at = :now where id = :id")
				.param("now", Timestamp.from(now))
				.param("id", f.tokenId())
				.update());
		return found.map(Found::account);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> described(ApiTokenView token) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", token.name());
		map.put("prefix", token.prefix());
		map.put("expiresAt", token.expiresAt() == null ? null : token.expiresAt().toString());
		map.put("revokedAt", token.revokedAt() == null ? null : token.revokedAt().toString());
		return map;
	}

	private static ApiTokenView view(ResultSet rs, int n) throws SQLException {
		return new ApiTokenView(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
				rs.getTimestamp("created_at").toInstant(), instant(rs, "expires_at"), instant(rs, "last_used_at"),
				instant(rs, "revoked_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
