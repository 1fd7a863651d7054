package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A section that another module adds to the unit page (the titles a unit holds, its
 * assessments…), rendered from that module's own template fragment, so the unit module
 * needs to know nothing about it.
 */
public interface UnitPagePanel {

	/** Position on the page, lower first. */
	int order();

	/**
	 * The panel for the unit as shown at the date, or none. Called while rendering the
	 * page, after the unit's access check; the panel checks anything further itself.
	 */
	Optional<Panel> panel(UnitDetails unit, LocalDate at);

	/**
	 * A fragment {@code template :: fragment} given {@code model} as its only parameter.
	 */
	record Panel(String template, String fragment, Map<String, Object> model) {
	}

}
