package vn.ntm.security.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.PasswordRules;
import vn.ntm.security.Permission;
import vn.ntm.security.Role;
import vn.ntm.security.UnitDirectory;
import vn.ntm.security.UserForm;
import vn.ntm.security.UserManagement;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.PageResult;
import vn.ntm.shared.VnText;

@Service
@Transactional
class UserAccounts implements UserManagement {

	private static final String ENTITY = "user";

	private final AppUsers users;

	private final PasswordEncoder passwordEncoder;

	private final AccessPolicy access;

	private final UnitDirectory units;

	private final AuditLog audit;

	private final LoginAttempts attempts;

	private final UserSessions sessions;

	private final Clock clock;

	UserAccounts(AppUsers users, PasswordEncoder passwordEncoder, AccessPolicy access, UnitDirectory units,
			AuditLog audit, LoginAttempts attempts, UserSessions sessions, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.access = access;
		this.units = units;
		this.audit = audit;
		this.attempts = attempts;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Override
	public UserView create(UserForm form, String initialPassword) {
		CurrentUser actor = requireManager(form.role(), form.unitIds());
		checkCriteria(form);
		if (users.findByUsername(form.username()).isPresent()) {
			throw new BusinessRuleException("user.username.taken", form.username());
		}
		PasswordRules.check(form.username(), initialPassword);
		AppUser user = new AppUser(form.username(), form.fullName(), form.role(),
				passwordEncoder.encode(initialPassword), clock.instant());
		user.apply(form, actor.username(), clock.instant());
		user.passwordChangedAt = clock.instant();
		AppUser saved = users.save(user);
		UserView view = view(saved);
		audit.record(AuditRecord.created(ENTITY, saved.id, label(saved), "Tạo tài khoản " + saved.username,
				snapshot(saved)));
		return view;
	}

	@Override
	public UserView update(long userId, UserForm form, int expectedVersion) {
		AppUser user = load(userId);
		requireManager(user.role, user.unitIds());
		requireManager(form.role(), form.unitIds());
		checkCriteria(form);
		if (user.version() != expectedVersion) {
			throw conflict(user);
		}
		if (!user.username.equalsIgnoreCase(form.username()) && users.findByUsername(form.username()).isPresent()) {
			throw new BusinessRuleException("user.username.taken", form.username());
		}
		Map<String, Object> before = snapshot(user);
		String formerName = user.username;
		Rights formerRights = Rights.of(user);
		user.apply(form, access.current().username(), clock.instant());
		AppUser saved = save(user);
		audit.record(AuditRecord.updated(ENTITY, saved.id, label(saved), "Cập nhật tài khoản " + saved.username, before,
				snapshot(saved)));
		if (!formerRights.equals(Rights.of(saved))) {
			// whoever is logged in as this account logs in again, with the new rights
			sessions.endOthersAfterCommit(formerName);
		}
		return view(saved);
	}

	@Override
	public void resetPassword(long userId, String newPassword) {
		AppUser user = load(userId);
		requireManager(user.role, user.unitIds());
		if (access.current().id() == userId) {
			// one's own password is changed with the current one (changeOwnPassword)
			throw new BusinessRuleException("user.resetOwnPassword");
		}
		PasswordRules.check(user.username, newPassword);
		user.changePassword(passwordEncoder.encode(newPassword), access.current().username(), clock.instant());
		save(user);
		audit.record(new AuditRecord("PASSWORD_RESET", ENTITY, String.valueOf(userId), label(user),
				"Đặt lại mật khẩu tài khoản " + user.username, null, null));
		sessions.endOthersAfterCommit(user.username);
	}

	@Override
	public void setEnabled(long userId, boolean enabled) {
		AppUser user = load(userId);
		requireManager(user.role, user.unitIds());
		if (access.current().id() == userId && !enabled) {
			throw new BusinessRuleException("user.cannotDisableSelf");
		}
		Map<String, Object> before = snapshot(user);
		user.enabled = enabled;
		user.touch(access.current().username(), clock.instant());
		save(user);
		audit.record(new AuditRecord(enabled ? "ENABLE" : "DISABLE", ENTITY, String.valueOf(userId), label(user),
				(enabled ? "Kích hoạt" : "Vô hiệu hóa") + " tài khoản " + user.username, before, snapshot(user)));
		if (!enabled) {
			sessions.endOthersAfterCommit(user.username);
		}
	}

	@Override
	public void unlock(long userId) {
		AppUser user = load(userId);
		requireManager(user.role, user.unitIds());
		Map<String, Object> before = snapshot(user);
		user.lockedUntil = null;
		user.failedAttempts = 0;
		user.touch(access.current().username(), clock.instant());
		save(user);
		audit.record(new AuditRecord("UNLOCK", ENTITY, String.valueOf(userId), label(user),
				"Mở khóa tài khoản " + user.username, before, snapshot(user)));
	}

	/**
	 * A wrong current password counts toward the lock-out as a wrong login does, and is
	 * kept when the change is refused (no rollback); the try that locks the account ends
	 * all its sessions, this one too.
	 */
	@Override
	@Transactional(noRollbackFor = WrongCurrentPassword.class)
	public void changeOwnPassword(String currentPassword, String newPassword) {
		CurrentUser me = access.current();
		AppUser user = load(me.id());
		if (user.lockedUntil != null && user.lockedUntil.isAfter(clock.instant())) {
			// locked meanwhile (wrong logins elsewhere): no guessing here while tries do
			// not count
			throw new BusinessRuleException("password.change.locked",
					vn.ntm.shared.VnFormat.dateTime(user.lockedUntil));
		}
		if (!passwordEncoder.matches(currentPassword, user.passwordHash)) {
			LoginAttempts.Failure failure = attempts.recordFailure(user.username, LoginAttempts.Via.PASSWORD_CHANGE);
			if (failure.locked()) {
				sessions.endAllAfterCommit(user.username);
				throw new WrongCurrentPassword("password.currentWrong.locked", failure.attempts(),
						vn.ntm.shared.VnFormat.dateTime(failure.lockedUntil()));
			}
			throw new WrongCurrentPassword("password.currentWrong.counted", failure.attempts(),
					attempts.maxFailedAttempts());
		}
		PasswordRules.check(user.username, newPassword);
		user.changePassword(passwordEncoder.encode(newPassword), me.username(), clock.instant());
		save(user);
		attempts.clear(user.id);
		audit.record(new AuditRecord("PASSWORD_CHANGE", ENTITY, String.valueOf(user.id), label(user), "Đổi mật khẩu",
				null, null));
		// a password someone else may have learnt stops working in their session too
		sessions.endOthersAfterCommit(user.username);
	}

	@Override
	@Transactional(readOnly = true)
	public UserView get(long userId) {
		AppUser user = load(userId);
		requireManager(user.role, user.unitIds());
		return view(user);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UserView> findByUsername(String username) {
		return users.findByUsername(username).filter(u -> mayManage(u)).map(this::view);
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<UserView> list(@Nullable String text, int page, int size) {
		access.require(Permission.USER_MANAGE);
		String key = text == null ? "" : VnText.searchKey(text);
		List<AppUser> visible = users.findAll()
			.stream()
			.filter(this::mayManage)
			.filter(u -> key.isEmpty() || VnText
				.searchKey(u.username + " " + u.fullName + " " + (u.organization == null ? "" : u.organization))
				.contains(key))
			.sorted(Comparator.comparing((AppUser u) -> u.role).thenComparing(u -> u.username))
			.toList();
		List<UserView> items = visible.stream().skip((long) page * size).limit(size).map(this::view).toList();
		return new PageResult<>(items, page, size, visible.size());
	}

	private boolean mayManage(AppUser user) {
		CurrentUser me = access.current();
		if (!me.has(Permission.USER_MANAGE) || !me.role().mayManage(user.role)) {
			return false;
		}
		return me.isAdmin() || (user.unitIds().stream().allMatch(u -> units.isPlacedWithin(u, me.unitIds()))
				&& outranks(me, user.role, user.unitIds()));
	}

	/**
	 * Whether the current user may manage accounts of the role bound to the units: the
	 * role is one theirs manages, every unit is placed within their units, and the
	 * account is not a peer. Applied to the account as it is and, for a change, as it
	 * will be.
	 */
	private CurrentUser requireManager(Role role, Set<Long> unitIds) {
		access.require(Permission.USER_MANAGE);
		CurrentUser me = access.current();
		if (!me.role().mayManage(role)) {
			throw AccessRefused.roleNotManageable(role);
		}
		for (Long unitId : unitIds) {
			if (!units.exists(unitId)) {
				throw new BusinessRuleException("user.units.unknown", unitId);
			}
			if (!me.isAdmin() && !units.isPlacedWithin(unitId, me.unitIds())) {
				throw AccessRefused.outsideScope(units.label(unitId));
			}
		}
		if (!outranks(me, role, unitIds)) {
			throw AccessRefused.because("access.peerAccount", role.messageKey());
		}
		return me;
	}

	/**
	 * An account that manages accounts itself is a peer of a manager at its level: a
	 * province office does not reset the password, role or units of another province
	 * office (it could take over that account, or give itself a second one). Only an
	 * administrator, or a manager bound strictly above every unit of the account, manages
	 * it. Accounts that manage no one are not peers.
	 */
	private boolean outranks(CurrentUser me, Role role, Set<Long> unitIds) {
		if (me.isAdmin() || !role.has(Permission.USER_MANAGE)) {
			return true;
		}
		return !unitIds.isEmpty() && unitIds.stream().allMatch(unitId -> {
			Set<Long> above = new java.util.HashSet<>(me.unitIds());
			above.remove(unitId);
			return !above.isEmpty() && units.isPlacedWithin(unitId, above);
		});
	}

	/** What a session of the account may do: a change of any of it ends the sessions. */
	private record Rights(String username, Role role, boolean enabled, Set<Long> units, Set<String> criteria) {

		static Rights of(AppUser user) {
			return new Rights(user.username.toLowerCase(java.util.Locale.ROOT), user.role, user.enabled,
					Set.copyOf(user.unitIds()), Set.copyOf(user.criterionCodes()));
		}

	}

	/**
	 * The current password given to change one's own was wrong; the wrong try is counted
	 * (and kept: no rollback).
	 */
	static final class WrongCurrentPassword extends BusinessRuleException {

		WrongCurrentPassword(String messageKey, Object... arguments) {
			super(messageKey, arguments);
		}

	}

	private static void checkCriteria(UserForm form) {
		if (form.role() == Role.CRITERION_OFFICER && form.criteria().isEmpty()) {
			throw new BusinessRuleException("user.criteria.required");
		}
		for (String code : form.criteria()) {
			if (!code.matches("\\d{1,2}(\\.\\d{1,2})?")) {
				throw new BusinessRuleException("user.criteria.invalid", code);
			}
		}
	}

	private AppUser load(long userId) {
		return users.findById(userId).orElseThrow(() -> new NotFoundException("user.notFound", userId));
	}

	private AppUser save(AppUser user) {
		try {
			return users.save(user);
		}
		catch (OptimisticLockingFailureException ex) {
			throw conflict(load(user.id));
		}
	}

	private ConcurrentChangeException conflict(AppUser current) {
		return new ConcurrentChangeException("tài khoản " + current.username,
				current.updatedBy == null ? "?" : current.updatedBy,
				current.updatedAt == null ? clock.instant() : current.updatedAt);
	}

	private String label(AppUser user) {
		return user.fullName + " (" + user.username + ")";
	}

	private UserView view(AppUser user) {
		Set<Long> unitIds = new TreeSet<>(user.unitIds());
		List<String> labels = unitIds.stream().map(id -> units.exists(id) ? units.label(id) : "#" + id).toList();
		return new UserView(user.id, user.username, user.fullName, user.email, user.phone, user.organization, user.role,
				user.enabled, user.lockedUntil, user.lastLoginAt, unitIds, labels, new TreeSet<>(user.criterionCodes()),
				user.version(), user.updatedAt, user.updatedBy);
	}

	private Map<String, Object> snapshot(AppUser user) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("username", user.username);
		map.put("fullName", user.fullName);
		map.put("email", user.email);
		map.put("phone", user.phone);
		map.put("organization", user.organization);
		map.put("role", user.role.name());
		map.put("enabled", user.enabled);
		map.put("units", new TreeSet<>(user.unitIds()).toString());
		map.put("criteria", new TreeSet<>(user.criterionCodes()).toString());
		map.put("lockedUntil", user.lockedUntil == null ? null : user.lockedUntil.toString());
		return map;
	}

}
