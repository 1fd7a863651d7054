package vn.ntm.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.CurrentUser;
import vn.ntm.shared.VnFormat;

/**
 * Puts what a page's layout needs into the model — the user ({@code me}), the current
 * unit ({@code currentUnitId}) and its breadcrumbs ({@code currentUnitPath}) — once the
 * handler has chosen a view to render, and only then: an API call, a JSON or file answer
 * and a redirect read nothing for a layout they do not have (issue 10: a
 * {@code @ControllerAdvice} used to read the user and the unit for every call, REST
 * included). The user is read once per request ({@link AccessPolicy} keeps it in the
 * request).
 */
@Component
class LayoutModel implements HandlerInterceptor {

	private final AccessPolicy access;

	private final UnitManagement units;

	private final CurrentUnit currentUnit;

	LayoutModel(AccessPolicy access, UnitManagement units, CurrentUnit currentUnit) {
		this.access = access;
		this.units = units;
		this.currentUnit = currentUnit;
	}

	/**
	 * A step of the breadcrumbs; ancestors outside the user's scope are shown but not
	 * linked.
	 */
	record Crumb(UnitRef unit, boolean readable) {
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (!rendersPage(view)) {
			return;
		}
		@Nullable CurrentUser me = access.currentIfAny().orElse(null);
		view.addObject("me", me);
		view.addObject("requestPath", request.getRequestURI());
		if (me == null || me.id() == 0) {
			view.addObject("currentUnitId", null);
			view.addObject("currentUnitPath", List.of());
			return;
		}
		Optional<Long> id = currentUnit.id(request.getSession());
		view.addObject("currentUnitId", id.orElse(null));
		boolean fragment = request.getHeader("HX-Request") != null;
		view.addObject("currentUnitPath", fragment || id.isEmpty() ? List.of() : path(id.get()));
	}

	private static boolean rendersPage(@Nullable ModelAndView view) {
		if (view == null || view.wasCleared() || view.getView() instanceof RedirectView) {
			return false;
		}
		String name = view.getViewName();
		return name == null || !(name.startsWith("redirect:") || name.startsWith("forward:"));
	}

	private List<Crumb> path(long unitId) {
		LocalDate today = VnFormat.today();
		// the unit and its ancestors only (its details would also read its children and
		// classifications)
		Optional<UnitRef> current = units.find(unitId, today);
		UnitRef version;
		List<UnitRef> ancestors;
		if (current.isPresent()) {
			version = current.get();
			ancestors = units.ancestors(unitId, today);
		}
		else {
			// a unit that has ended (a pre-2025 commune) is shown as it was on its last
			// day
			UnitDetails unit = units.details(unitId, today);
			version = unit.version();
			ancestors = unit.ancestors();
		}
		// asked together (one query), then one by one from what is kept
		access.canReadAll(ancestors.stream().map(UnitRef::id).toList());
		List<Crumb> path = new ArrayList<>();
		for (UnitRef ancestor : ancestors) {
			path.add(new Crumb(ancestor, access.canRead(ancestor.id())));
		}
		path.add(new Crumb(version, true));
		return path;
	}

}
