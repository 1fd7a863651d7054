package vn.ntm.security.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.CurrentUser;
import vn.ntm.security.Permission;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UnitDirectory;
import vn.ntm.security.UnitScope;

/**
 * Decides access from the user's role and bound units. The user (with units and criteria,
 * one statement: {@link AccountLookup}) is read from the database once per request and
 * kept in the request's attributes; whether a unit is within the user's units is also
 * answered once per unit and request.
 */
@Component
class UnitAccessPolicy implements AccessPolicy {

	private static final String REQUEST_CACHE = UnitAccessPolicy.class.getName() + ".user";

	private static final String WITHIN_CACHE = UnitAccessPolicy.class.getName() + ".within";

	private static final CurrentUser SYSTEM = new CurrentUser(0, SystemTask.ACTOR, SystemTask.ACTOR, Role.ADMIN,
			Set.of(), Set.of(), null);

	private final AccountLookup accounts;

	private final UnitDirectory units;

	UnitAccessPolicy(AccountLookup accounts, UnitDirectory units) {
		this.accounts = accounts;
		this.units = units;
	}

	/**
	 * Remembers the user for the rest of the request, so that nothing reads it again (an
	 * API token's check reads the account in the same statement as the token).
	 */
	static void remember(CurrentUser user) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(REQUEST_CACHE, user, RequestAttributes.SCOPE_REQUEST);
		}
	}

	@Override
	public CurrentUser current() {
		return currentIfAny().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not logged in"));
	}

	@Override
	public Optional<CurrentUser> currentIfAny() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof SystemTask.SystemAuthentication) {
			return Optional.of(SYSTEM);
		}
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return Optional.empty();
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser cached
				&& cached.username().equalsIgnoreCase(authentication.getName())) {
			return Optional.of(cached);
		}
		Optional<CurrentUser> user = accounts.byUsername(authentication.getName())
			.filter(AccountLookup.Account::enabled)
			.map(AccountLookup.Account::toCurrentUser);
		if (request != null && user.isPresent()) {
			request.setAttribute(REQUEST_CACHE, user.get(), RequestAttributes.SCOPE_REQUEST);
		}
		return user;
	}

	@Override
	public UnitScope scope() {
		CurrentUser user = current();
		return user.isAdmin() ? UnitScope.everything() : new UnitScope(false, user.unitIds());
	}

	@Override
	public void require(Permission permission) {
		if (!current().has(permission)) {
			throw AccessRefused.missingPermission(permission);
		}
	}

	@Override
	public boolean canRead(long unitId) {
		CurrentUser user = current();
		if (!user.has(Permission.UNIT_READ)) {
			return false;
		}
		if (user.isAdmin()) {
			return true;
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return units.isWithin(unitId, user.unitIds());
		}
		@SuppressWarnings("unchecked")
		Map<Long, Boolean> within = (Map<Long, Boolean>) request.getAttribute(WITHIN_CACHE,
				RequestAttributes.SCOPE_REQUEST);
		if (within == null) {
			within = new HashMap<>();
			request.setAttribute(WITHIN_CACHE, within, RequestAttributes.SCOPE_REQUEST);
		}
		Boolean known = within.get(unitId);
		if (known == null) {
			known = units.isWithin(unitId, user.unitIds());
			within.put(unitId, known);
		}
		return known;
	}

	@Override
	public Set<Long> canReadAll(java.util.Collection<Long> unitIds) {
		CurrentUser user = current();
		if (!user.has(Permission.UNIT_READ)) {
			return Set.of();
		}
		if (user.isAdmin()) {
			return Set.copyOf(unitIds);
		}
		Map<Long, Boolean> within = withinCache();
		java.util.Set<Long> unknown = new java.util.HashSet<>();
		for (Long id : unitIds) {
			if (!within.containsKey(id)) {
				unknown.add(id);
			}
		}
		if (!unknown.isEmpty()) {
			Set<Long> found = unknown.stream().anyMatch(id -> !user.unitIds().contains(id))
					? units.within(unknown, user.unitIds()) : unknown;
			unknown.forEach(id -> within.put(id, found.contains(id)));
		}
		java.util.Set<Long> readable = new java.util.HashSet<>();
		unitIds.forEach(id -> {
			if (Boolean.TRUE.equals(within.get(id))) {
				readable.add(id);
			}
		});
		return readable;
	}

	/** The answers of this request (a map that is not kept outside a request). */
	@SuppressWarnings("unchecked")
	private static Map<Long, Boolean> withinCache() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return new HashMap<>();
		}
		Map<Long, Boolean> within = (Map<Long, Boolean>) request.getAttribute(WITHIN_CACHE,
				RequestAttributes.SCOPE_REQUEST);
		if (within == null) {
			within = new HashMap<>();
			request.setAttribute(WITHIN_CACHE, within, RequestAttributes.SCOPE_REQUEST);
		}
		return within;
	}

	@Override
	public void requireRead(long unitId) {
		if (!canRead(unitId)) {
			throw AccessRefused.outsideScope(units.exists(unitId) ? units.label(unitId) : "#" + unitId);
		}
	}

	/*
	 * One rule for every change to units — create, correct, record a change, move, merge,
	 * split, dissolve: the permission, a level at or below the role's lowest editable
	 * level, and the unit placed at or below one of the user's units where it is (now, or
	 * on its last day if it has ended). A unit being created has no last day: it sits
	 * under its parent from now on, so the parent must still exist and be placed within
	 * the user's units. Administrators change everything. Lineage gives reading, never
	 * changing (docs/access.md).
	 */

	@Override
	public boolean canEdit(long unitId) {
		CurrentUser user = current();
		if (!user.has(Permission.UNIT_EDIT)) {
			return false;
		}
		return user.isAdmin() || (units.level(unitId) >= user.role().lowestEditableLevel()
				&& units.isPlacedWithin(unitId, user.unitIds()));
	}

	@Override
	public void requireEdit(long unitId) {
		require(Permission.UNIT_EDIT);
		requireRead(unitId);
		if (!canEdit(unitId)) {
			throw units.level(unitId) < current().role().lowestEditableLevel()
					? AccessRefused.levelTooHigh(units.label(unitId))
					: AccessRefused.because("access.notPlacedWithin", units.label(unitId));
		}
	}

	/** The work that passes from an ended unit to the officers of its successors. */
	private static final Set<Permission> HANDED_OVER = EnumSet.of(Permission.ASSESSMENT_ENTER,
			Permission.ASSESSMENT_CHECK, Permission.ASSESSMENT_REVIEW, Permission.ASSESSMENT_APPROVE,
			Permission.ASSESSMENT_REOPEN, Permission.SURVEY_RECORD);

	@Override
	public boolean canActOn(long unitId, Permission permission) {
		CurrentUser user = current();
		if (!user.has(permission)) {
			return false;
		}
		if (user.isAdmin() || units.isPlacedWithin(unitId, user.unitIds())) {
			return true;
		}
		// the hand-over: an ended unit's assessments to the users of what it became
		return HANDED_OVER.contains(permission) && !user.unitIds().isEmpty()
				&& units.successors(unitId).stream().anyMatch(s -> units.isPlacedWithin(s, user.unitIds()));
	}

	@Override
	public boolean isOwnUnit(long unitId) {
		CurrentUser user = current();
		return user.unitIds().contains(unitId)
				|| (!user.unitIds().isEmpty() && units.successors(unitId).stream().anyMatch(user.unitIds()::contains));
	}

	@Override
	public void requireActOn(long unitId, Permission permission) {
		require(permission);
		requireRead(unitId);
		if (!canActOn(unitId, permission)) {
			throw AccessRefused.outsideScope(units.label(unitId));
		}
	}

	@Override
	public void requireCreateUnder(long parentId, int childLevel) {
		require(Permission.UNIT_EDIT);
		requireRead(parentId);
		if (!canCreateUnder(parentId, childLevel)) {
			if (childLevel < current().role().lowestEditableLevel()) {
				throw AccessRefused.levelTooHigh(units.label(parentId));
			}
			throw units.isCurrent(parentId) ? AccessRefused.because("access.notPlacedWithin", units.label(parentId))
					: AccessRefused.because("access.parentEnded", units.label(parentId));
		}
	}

	@Override
	public boolean canCreateUnder(long parentId, int childLevel) {
		CurrentUser user = current();
		if (!user.has(Permission.UNIT_EDIT)) {
			return false;
		}
		return user.isAdmin() || (childLevel >= user.role().lowestEditableLevel()
				&& units.isPlacedWithin(parentId, user.unitIds()) && units.isCurrent(parentId));
	}

}
