package vn.ntm.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.ntm.shared.VnFormat;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.CurrentUser;

/**
 * Puts what every page's layout needs into the model: the user, the current unit and its
 * breadcrumbs.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final AccessPolicy access;

	private final UnitManagement units;

	private final CurrentUnit currentUnit;

	LayoutAdvice(AccessPolicy access, UnitManagement units, CurrentUnit currentUnit) {
		this.access = access;
		this.units = units;
		this.currentUnit = currentUnit;
	}

	@ModelAttribute("me")
	@Nullable CurrentUser me() {
		return access.currentIfAny().orElse(null);
	}

	/**
	 * A step of the breadcrumbs; ancestors outside the user's scope are shown but not
	 * linked.
	 */
	record Crumb(UnitRef unit, boolean readable) {
	}

	@ModelAttribute("currentUnitPath")
	List<Crumb> currentUnitPath(HttpServletRequest request) {
		if (access.currentIfAny().isEmpty() || request.getHeader("HX-Request") != null) {
			return List.of();
		}
		HttpSession session = request.getSession();
		Optional<Long> id = currentUnit.id(session);
		if (id.isEmpty()) {
			return List.of();
		}
		// a unit that has ended (a pre-2025 commune) is shown as it was on its last day
		UnitDetails unit = units.details(id.get(), VnFormat.today());
		List<Crumb> path = new ArrayList<>();
		for (UnitRef ancestor : unit.ancestors()) {
			path.add(new Crumb(ancestor, access.canRead(ancestor.id())));
		}
		path.add(new Crumb(unit.version(), true));
		return path;
	}

	@ModelAttribute("currentUnitId")
	@Nullable Long currentUnitId(HttpServletRequest request) {
		if (access.currentIfAny().isEmpty()) {
			return null;
		}
		return currentUnit.id(request.getSession()).orElse(null);
	}

	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
