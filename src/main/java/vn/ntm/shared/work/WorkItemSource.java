package vn.ntm.shared.work;

import java.util.List;

/**
 * Contributes to the home page's "Việc chờ xử lý": the work waiting for the current user.
 * Every module with work for people (assessments today; funding alerts and planning tasks
 * later) implements it as a Spring bean; the home page and the menu's badge ask every
 * bean and neither knows the modules.
 *
 * <p>
 * An implementation reads only the current user's units (in its SQL, not by filtering
 * everything afterwards), links only to pages the user may open, and answers an empty
 * list — never fails — for a user with nothing to do.
 */
public interface WorkItemSource {

	/** The current user's items. */
	List<WorkItem> items();

	/**
	 * How many items wait (the menu's badge). By default the size of {@link #items()}; a
	 * source with a cheaper count overrides it.
	 */
	default int count() {
		return items().size();
	}

}
