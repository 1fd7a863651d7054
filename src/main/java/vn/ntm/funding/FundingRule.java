package vn.ntm.funding;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The money rules written in seed 001 (Kế hoạch 2024–2025 tỉnh Quảng Nam, mục IV.7 and
 * IV.9, IV.3.c, IV.8), with their default dates and figures. A province may change a
 * rule's date or figure, or turn it off, for every year or for one year
 * ({@code funding_rule_setting}). A deadline "đến ngày 30/6" counts what happened on that
 * day; the alert shows from the day after, dated the deadline.
 */
public enum FundingRule {

	/** Đến 30/6 hằng năm, công trình giải ngân 0% → xem xét điều chuyển. */
	ZERO_AT_MID_YEAR(6, 30, BigDecimal.ZERO, null, null),
	/** Giải ngân 50% vốn năm trước 30/6. */
	BELOW_HALF_AT_MID_YEAR(6, 30, new BigDecimal("50"), null, null),
	/** Giải ngân 100% vốn năm trước 31/12. */
	BELOW_FULL_AT_YEAR_END(12, 31, new BigDecimal("100"), null, null),
	/** Vốn chuyển nguồn giải ngân hết trước hạn của nó. */
	CARRY_OVER_NOT_DISBURSED(null, null, new BigDecimal("100"), null, null),
	/** Báo cáo đề nghị điều chuyển trước ngày 10/10 hằng năm. */
	REALLOCATION_REQUEST_LATE(10, 10, null, null, null),
	/** Hoàn thành điều chuyển trước ngày 15/11 hằng năm. */
	REALLOCATION_NOT_DONE(11, 15, null, null, null),
	/** Giao vốn theo danh mục công trình (có mã dự án) trước ngày 28/02. */
	NOT_ASSIGNED_TO_WORKS(2, 28, null, null, null),
	/** Hoàn thành lựa chọn nhà thầu chậm nhất trong tháng 3. */
	CONTRACTOR_LATE(3, 31, null, null, null),
	/** Công trình quá 03 năm kể từ ngày phân bổ vốn chưa phê duyệt quyết toán. */
	SETTLEMENT_OVERDUE(null, null, null, 3, null),
	/** Giải ngân vốn cấp trên vượt tỷ lệ giải ngân vốn đối ứng cấp huyện, xã. */
	COUNTERPART_BEHIND(null, null, null, null, null),
	/** Xã còn nợ đọng xây dựng cơ bản (điều kiện xét công nhận). */
	CONSTRUCTION_DEBT(null, null, null, null, null),
	/** Hỗ trợ xã phấn đấu NTM nâng cao: 1,5 tỷ đồng/xã. */
	NORM_NANG_CAO(null, null, null, null, new BigDecimal("1500000000")),
	/** Hỗ trợ xã phấn đấu NTM kiểu mẫu: 02 tỷ đồng/xã. */
	NORM_KIEU_MAU(null, null, null, null, new BigDecimal("2000000000")),
	/** Kinh phí duy trì, nâng chuẩn: 500 triệu đồng/xã/năm. */
	NORM_MAINTENANCE(null, null, null, null, new BigDecimal("500000000")),
	/** Đối ứng ít nhất 200 triệu đồng/thôn NTM kiểu mẫu. */
	NORM_MODEL_VILLAGE(null, null, null, null, new BigDecimal("200000000"));

	private final @Nullable Integer month;

	private final @Nullable Integer day;

	private final @Nullable BigDecimal percent;

	private final @Nullable Integer years;

	private final @Nullable BigDecimal amount;

	FundingRule(@Nullable Integer month, @Nullable Integer day, @Nullable BigDecimal percent, @Nullable Integer years,
			@Nullable BigDecimal amount) {
		this.month = month;
		this.day = day;
		this.percent = percent;
		this.years = years;
		this.amount = amount;
	}

	public RuleSetting defaults() {
		return new RuleSetting(this, true, month, day, percent, years, amount);
	}

	public String messageKey() {
		return "funding.rule." + name();
	}

}
