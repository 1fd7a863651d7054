package vn.ntm.recognition;

import java.util.List;
import java.util.Optional;

/**
 * Satisfaction surveys (lấy ý kiến sự hài lòng của người dân) per unit and year. Readers
 * of a unit read its survey; officers of the unit (or above) record it; every change is
 * audited; a stale {@code expectedVersion} is refused.
 */
public interface SatisfactionSurveys {

	Optional<SurveyView> find(long unitId, int year);

	/**
	 * Records (creates or replaces) the unit's survey of the year, all or nothing; each
	 * invalid value refused naming its field.
	 */
	SurveyView record(long unitId, int year, SurveyForm form);

	/** The surveys of the year of the units below the parent (and the parent itself). */
	List<SurveyView> below(long parentId, int year);

	/**
	 * The satisfaction bar a reference states for the unit's title, if any: the huyện's
	 * 90 % (QĐ 320/QĐ-TTg); none for a xã yet — "chưa có ngưỡng".
	 */
	Optional<SatisfactionBar> knownBar(long unitId, int year);

}
