package vn.ntm.orgunit;

import org.jspecify.annotations.Nullable;

/**
 * The classification schemes: the built-in ones (region, commune group, mountainous,
 * ethnic-minority area, ĐBKK) and those administrators add. Schemes are retired, never
 * deleted.
 */
public interface ClassificationCatalog {

	void createScheme(String code, String name, @Nullable String description, boolean multiValued, boolean inherited);

	void addValue(String schemeCode, String code, String name);

	/**
	 * Hides a scheme added by administrators from new classifications; values already
	 * given stay.
	 */
	void retireScheme(String code);

}
