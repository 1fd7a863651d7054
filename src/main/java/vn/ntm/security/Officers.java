package vn.ntm.security;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The accounts bound to units, for choosing whom work is given to (the lead of a task).
 * Only names, organisations and roles; the caller decides who may see them (the planning
 * module asks only for the units of a plan its reader may change).
 */
public interface Officers {

	/** The enabled accounts bound to any of the units, by name. */
	List<Officer> boundTo(Collection<Long> unitIds);

	/** An account as a choice in a form: "Trần Văn Lực — Phòng Kinh tế". */
	record Officer(long id, String fullName, @Nullable String organization, Role role) {

		public String label() {
			return organization == null || organization.isBlank() ? fullName : fullName + " — " + organization;
		}

	}

}
