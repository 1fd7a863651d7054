package vn.ntm.recognition;

import java.math.BigDecimal;

/**
 * The least share of satisfied residents a title's conditions require, with the text it
 * comes from. Only bars a reference states are known (see
 * {@link SatisfactionSurveys#knownBar}); none is invented.
 */
public record SatisfactionBar(BigDecimal percent, String source) {

	/**
	 * Huyện NTM 2021–2025: "Tỷ lệ hài lòng của người dân trên địa bàn ... đạt từ 90% trở
	 * lên".
	 */
	public static final SatisfactionBar DISTRICT_NTM_2021_2025 = new SatisfactionBar(BigDecimal.valueOf(90),
			"Quyết định 320/QĐ-TTg ngày 08/3/2022, Phụ lục I, điều kiện H.4 (huyện nông thôn mới 2021-2025)");

}
