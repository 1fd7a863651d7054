package vn.ntm.targets;

/**
 * Where a roadmap target stands at a date (see {@link RoadmapRule}): achieved (the title
 * is held), on track, at risk, off track (the year or the dossier's deadline has passed
 * without it).
 */
public enum RoadmapStatus {

	ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK;

	/** The message key of its name ("Đã đạt", "Đúng tiến độ", "Có nguy cơ", "Chậm"). */
	public String key() {
		return "targets.status." + name();
	}

	/** The CSS class of its colour on the board. */
	public String css() {
		return "roadmap-status-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
