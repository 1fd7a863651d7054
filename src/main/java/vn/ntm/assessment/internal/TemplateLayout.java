package vn.ntm.assessment.internal;

import java.util.List;

/**
 * The sheets and columns of the assessment template, shared by the writer and the reader.
 * The file is always in Vietnamese (it goes to communes).
 */
final class TemplateLayout {

	static final String GUIDE_SHEET = "Hướng dẫn";

	static final String VALUE_SHEET = "Nhập liệu";

	static final String CLAIM_SHEET = "Kết quả tiêu chí";

	/**
	 * The hidden sheet with the template's set, year and scope, and per unit its id, its
	 * assessment and that assessment's row_version when the template was made.
	 */
	static final String KEY_SHEET = "_khoa";

	static final String MARK = "NTM-MAU-NHAP-DANH-GIA";

	static final String UNIT_CODE = "Mã đơn vị";

	static final String UNIT_NAME = "Đơn vị";

	static final String CRITERION = "Tiêu chí";

	static final String INDICATOR_CODE = "Mã chỉ tiêu";

	static final String INDICATOR_NAME = "Chỉ tiêu";

	static final String KIND = "Đơn vị tính/loại";

	static final String REQUIREMENT = "Yêu cầu với đơn vị";

	static final String CURRENT = "Giá trị hiện có";

	static final String VALUE = "Giá trị";

	static final String NUMERATOR = "Tử số";

	static final String DENOMINATOR = "Mẫu số";

	static final String NOTE = "Ghi chú";

	static final String SOURCE = "Nguồn";

	static final String KEY = "Khóa";

	static final List<String> VALUE_HEADERS = List.of(UNIT_CODE, UNIT_NAME, CRITERION, INDICATOR_CODE, INDICATOR_NAME,
			KIND, REQUIREMENT, CURRENT, VALUE, NUMERATOR, DENOMINATOR, NOTE, SOURCE, KEY);

	static final int COL_VALUE = 8;

	static final int COL_NUMERATOR = 9;

	static final int COL_DENOMINATOR = 10;

	static final int COL_NOTE = 11;

	static final int COL_SOURCE = 12;

	static final int COL_KEY = 13;

	static final String CRITERION_NAME = "Tên tiêu chí";

	static final String CLAIM_CURRENT = "Kết quả hiện có";

	static final String CLAIM = "Kết quả";

	static final List<String> CLAIM_HEADERS = List.of(UNIT_CODE, UNIT_NAME, CRITERION, CRITERION_NAME, CLAIM_CURRENT,
			CLAIM);

	static final int COL_CLAIM = 5;

	static final String YES = "Có";

	static final String NO = "Không";

	static final String MET = "Đạt";

	static final String NOT_MET = "Chưa đạt";

	private TemplateLayout() {
	}

}
