package vn.ntm.recognition;

import java.util.List;
import java.util.Optional;

import vn.ntm.documents.Upload;

/**
 * Satisfaction surveys (lấy ý kiến sự hài lòng của người dân) per unit and year. Readers
 * of a unit read its survey and its result file; officers of the unit (or above) with
 * {@link vn.ntm.security.Permission#SURVEY_RECORD} record it; every change is audited; a
 * stale {@code expectedVersion} is refused.
 */
public interface SatisfactionSurveys {

	Optional<SurveyView> find(long unitId, int year);

	/**
	 * Records (creates or replaces) the unit's survey of the year, all or nothing; each
	 * invalid value refused naming its field.
	 */
	SurveyView record(long unitId, int year, SurveyForm form);

	/** The unit's surveys, newest year first. */
	List<SurveyView> ofUnit(long unitId);

	/**
	 * Attaches the result file (biên bản / báo cáo kết quả lấy ý kiến) to the unit's
	 * survey of the year, replacing the one before; the survey must be recorded first.
	 * The bytes are stored before the survey's transaction; a stale
	 * {@code expectedVersion} is refused.
	 */
	SurveyView attachResult(long unitId, int year, Upload file, int expectedVersion);

	/** The result file of the unit's survey of the year, for readers of the unit. */
	SurveyFileContent resultFile(long unitId, int year);

	/** Whether the current user may record the unit's surveys. */
	boolean canRecord(long unitId);

	/** The surveys of the year of the units below the parent (and the parent itself). */
	List<SurveyView> below(long parentId, int year);

	/**
	 * The satisfaction bar a reference states for the unit's title, if any: the huyện's
	 * 90 % (QĐ 320/QĐ-TTg); none for a xã yet — "chưa có ngưỡng".
	 */
	Optional<SatisfactionBar> knownBar(long unitId, int year);

	/**
	 * The least coverage (households surveyed out of all) a reference states for the
	 * unit's title: none found so far (HD 90/HD-MTTW-BTT and QĐ 18/2022 as read state
	 * none) — "chưa có ngưỡng".
	 */
	Optional<SatisfactionBar> knownCoverageBar(long unitId, int year);

}
