package vn.ntm.seed;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.targets.GoalForm;
import vn.ntm.targets.GoalRegistryKind;
import vn.ntm.targets.Goals;

/**
 * The goals of seed 001 (Quảng Nam's plan for 2024–2025, section II), entered through the
 * goals facade as the plan writes them — its counts and shares as they stand, even where
 * they disagree (154 of 193 communes is 79,8 %, not 80 %; the page flags it) — and the
 * national goals for 2030 reported so far, marked as reported with their source. Nothing
 * the plan does not state is added: where it gives no date beyond "đến năm 2025" or "giai
 * đoạn 2021-2025", the goal is due 31/12/2025.
 */
@Component
class SeedGoals {

	static final String PLAN = "Kế hoạch thực hiện Chương trình MTQG xây dựng NTM trên địa bàn tỉnh Quảng Nam năm"
			+ " 2024-2025 (UBND tỉnh Quảng Nam, tháng 01/2024; seed 001)";

	static final LocalDate END_2025 = LocalDate.of(2025, 12, 31);

	static final LocalDate AT = LocalDate.of(2024, 6, 30);

	private final Goals goals;

	private final UnitManagement units;

	SeedGoals(Goals goals, UnitManagement units) {
		this.goals = goals;
		this.units = units;
	}

	/** Enters the goals; returns how many. */
	int load() {
		long quangNam = unit("49", AT).id();
		List<GoalForm> forms = List.of(GoalForm.titleHolders(
				"Tổng số xã đạt chuẩn NTM ít nhất 154 xã/193 xã, chiếm tỷ lệ 80%", "XA_NTM", null, 3, null, 154, "80",
				193, END_2025, false, PLAN + ", mục II.1",
				"Thêm ít nhất 42 xã, duy trì, nâng chuẩn 112 xã đạt chuẩn giai đoạn 2016-2020. (1) Không tính xã"
						+ " Quế Trung, huyện Nông Sơn đã lên thị trấn."),
				GoalForm.titleHolders("Tổng số xã đạt chuẩn NTM nâng cao ít nhất 64 xã, chiếm tỷ lệ ít nhất 40%",
						"XA_NTM_NANG_CAO", null, 3, null, 64, "40", null, END_2025, false, PLAN + ", mục II.2",
						"Thêm ít nhất 58 xã, duy trì 06 xã. Văn bản không nêu tỷ lệ tính trên tổng số nào; nhập theo"
								+ " tất cả các xã."),
				GoalForm.titleHolders("Tổng số xã đạt chuẩn NTM kiểu mẫu ít nhất 16 xã, chiếm tỷ lệ ít nhất 10%",
						"XA_NTM_KIEU_MAU", null, 3, null, 16, "10", null, END_2025, false, PLAN + ", mục II.3",
						"Thêm ít nhất 15 xã, duy trì 01 xã. Văn bản không nêu tỷ lệ tính trên tổng số nào; nhập theo"
								+ " tất cả các xã."),
				GoalForm.noChildBelow("Đến năm 2025, không còn xã dưới 15 tiêu chí", "QD318_XA_NTM", 15, END_2025,
						PLAN + ", mục II.4", null),
				GoalForm.noDistrictWithout("Đến năm 2025, không còn huyện không có xã đạt chuẩn NTM", "XA_NTM",
						END_2025, PLAN + ", mục II.4", "Huyện nay còn huyện Nam Giang chưa có xã đạt chuẩn NTM."),
				GoalForm.titleHolders(
						"Tổng số đơn vị cấp huyện đạt chuẩn NTM và hoàn thành nhiệm vụ NTM lên 08-09 đơn vị cấp huyện",
						"HUYEN_NTM,THI_XA_TP_HTNV", null, 2, null, 8, null, null, END_2025, false,
						PLAN + ", mục II.5.a",
						"Văn bản ghi 08-09 đơn vị; nhập mức thấp 08. Thêm 04 huyện đạt chuẩn NTM và thành phố Hội An"
								+ " hoàn thành nhiệm vụ NTM."),
				GoalForm.titleHolders("Tổng số thôn đạt chuẩn thôn NTM kiểu mẫu đạt tỷ lệ ít nhất 60%",
						"THON_NTM_KIEU_MAU", null, 4, null, null, "60", null, END_2025, false, PLAN + ", mục II.6",
						null),
				GoalForm.titleHolders("Miền núi đạt ít nhất 50% số thôn đạt chuẩn thôn NTM kiểu mẫu",
						"THON_NTM_KIEU_MAU", null, 4, "DIA_BAN=MIEN_NUI", null, "50", null, END_2025, false,
						PLAN + ", mục II.6", null),
				GoalForm.registryTotal("Phát triển ít nhất 200 km đường hoa (mỗi xã bình quân ít nhất 1km)",
						GoalRegistryKind.DUONG_HOA, "200", "km", END_2025, PLAN + ", mục II.7", null),
				GoalForm.registryTotal("Ít nhất 1.000 km đường cây xanh bóng mát", GoalRegistryKind.DUONG_CAY_XANH,
						"1000", "km", END_2025, PLAN + ", mục II.7", null),
				GoalForm.registryTotal("Nhân rộng ít nhất 300 mô hình điển hình, tiên tiến trong giai đoạn 2021-2025",
						GoalRegistryKind.MO_HINH, "300", "mô hình", END_2025, PLAN + ", mục II.7", null),
				GoalForm.registryTotal("Nâng tổng số sản phẩm OCOP đến cuối năm 2025 lên ít nhất 400 sản phẩm",
						GoalRegistryKind.OCOP, "400", "sản phẩm", END_2025, PLAN + ", mục II.7",
						"Củng cố, nâng cấp hơn 200 sản phẩm OCOP đã có và phát triển mới ít nhất 200 sản phẩm."),
				// the plan's district targets (II.5), each with the year and the
				// dossier's dates it states
				district(quangNam, "514", "Huyện Tiên Phước đạt chuẩn NTM năm 2024", "HUYEN_NTM",
						LocalDate.of(2024, 12, 31),
						"Hoàn thành hồ sơ trình cấp có thẩm quyền công nhận trước tháng 10/2024 (trình UBND tỉnh trước"
								+ " ngày 15/9/2024 để hoàn thiện hồ sơ trình Trung ương trong tháng 10/2024)."),
				district(quangNam, "517", "Huyện Núi Thành đạt chuẩn NTM năm 2025", "HUYEN_NTM", END_2025,
						"Hoàn thành hồ sơ trước tháng 6/2025 (trình UBND tỉnh trước ngày 30/06/2025)."),
				district(quangNam, "506", "Huyện Đại Lộc đạt chuẩn NTM năm 2025", "HUYEN_NTM", END_2025,
						"Hoàn thành hồ sơ trước tháng 6/2025 (trình UBND tỉnh trước ngày 30/06/2025)."),
				district(quangNam, "509",
						"Huyện Quế Sơn (huyện mới sau sáp nhập Quế Sơn, Nông Sơn) đạt chuẩn NTM năm 2025", "HUYEN_NTM",
						END_2025,
						"Huyện mới sau khi sáp nhập phấn đấu hoàn thành hồ sơ trước tháng 10/2025 (trình UBND tỉnh"
								+ " trước ngày 30/10/2025)."),
				district(quangNam, "503", "Thành phố Hội An hoàn thành nhiệm vụ NTM năm 2025", "THI_XA_TP_HTNV",
						END_2025, "Hoàn thành hồ sơ trước tháng 06/2025 (trình UBND tỉnh trước ngày 30/6/2025)."),
				district(quangNam, "518", "Huyện Phú Ninh đạt chuẩn NTM nâng cao năm 2025", "HUYEN_NTM_NANG_CAO",
						END_2025, "Hoàn thành hồ sơ trước tháng 06/2025 (trình UBND tỉnh trước ngày 30/06/2025)."),
				district(quangNam, "508", "Huyện Duy Xuyên đạt chuẩn NTM nâng cao năm 2025", "HUYEN_NTM_NANG_CAO",
						END_2025, "Hoàn thành hồ sơ trước tháng 06/2025 (trình UBND tỉnh trước ngày 30/06/2025)."));
		forms.forEach(form -> goals.add(quangNam, form));
		long country = units.countryId();
		String reported = "Tờ trình của Chính phủ ngày 3/12/2025 về Chương trình MTQG giai đoạn 2026-2035, theo"
				+ " báo chí (vietnamplus post1080805)";
		LocalDate end2030 = LocalDate.of(2030, 12, 31);
		goals.add(country,
				GoalForm.titleHolders("Khoảng 65% số xã đạt chuẩn nông thôn mới đến năm 2030", "XA_NTM_2026", null, 3,
						null, null, "65", null, end2030, true, reported,
						"Mới được báo cáo; chưa có văn bản chính thức."));
		goals.add(country,
				GoalForm.titleHolders("Khoảng 10% trong số đó đạt chuẩn nông thôn mới hiện đại đến năm 2030",
						"XA_NTM_HIEN_DAI", "XA_NTM_2026", 3, null, null, "10", null, end2030, true, reported,
						"Phần chỉ tiêu 10% bị cắt trong nguồn (có lẽ xã NTM hiện đại; chưa kiểm chứng)."));
		return forms.size() + 2;
	}

	private GoalForm district(long quangNam, String code, String label, String title, LocalDate due, String note) {
		UnitRef district = unit(code, AT);
		return GoalForm.unitTitle(label, district.id(), title, due, PLAN + ", mục II.5", note);
	}

	private UnitRef unit(String code, LocalDate at) {
		return units.findByCode(code, at)
			.orElseThrow(() -> new IllegalStateException("Seed unit " + code + " missing"));
	}

}
