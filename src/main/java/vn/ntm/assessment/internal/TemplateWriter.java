package vn.ntm.assessment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.criteria.SetSummary;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.IndicatorResult;
import vn.ntm.criteria.engine.IndicatorSource;
import vn.ntm.criteria.engine.Requirement;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.Status;
import vn.ntm.criteria.engine.Value;
import vn.ntm.criteria.engine.Numbers;
import vn.ntm.criteria.engine.ValueRules;
import vn.ntm.criteria.engine.ValueType;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.VnFormat;

import static vn.ntm.assessment.internal.TemplateLayout.*;

/**
 * Writes the assessment template as a streamed .xlsx: a guide, one row per unit ×
 * indicator with the bar for that unit and the value now, one row per unit × criterion
 * for results stated at criterion level, and a hidden sheet with ids and row versions.
 * Key columns are locked (sheet protection without a password), value columns are open,
 * with data validation and input messages.
 */
final class TemplateWriter {

	private static final Locale VI = Locale.forLanguageTag("vi");

	/** One unit of the template with its assessment (if any) and evaluation now. */
	record UnitLine(UnitRef unit, @Nullable AssessmentView assessment, Evaluation evaluation) {
	}

	private final SetDefinition set;

	private final SetSummary summary;

	private final int year;

	private final long rootId;

	private final boolean children;

	private final MessageSource messages;

	TemplateWriter(SetDefinition set, SetSummary summary, int year, long rootId, boolean children,
			MessageSource messages) {
		this.set = set;
		this.summary = summary;
		this.year = year;
		this.rootId = rootId;
		this.children = children;
		this.messages = messages;
	}

	static String code(UnitRef unit) {
		return unit.code() == null ? "#" + unit.id() : unit.code();
	}

	void write(List<UnitLine> lines, OutputStream out) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
			Styles styles = new Styles(workbook);
			guide(workbook, styles, lines.size());
			values(workbook, styles, lines);
			claims(workbook, styles, lines);
			keys(workbook, lines);
			workbook.setActiveSheet(1);
			workbook.write(out);
			workbook.dispose();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void guide(SXSSFWorkbook workbook, Styles styles, int units) {
		SXSSFSheet sheet = workbook.createSheet(GUIDE_SHEET);
		sheet.setColumnWidth(0, 120 * 256);
		List<String> text = List.of(
				"Mẫu nhập kết quả đánh giá: " + summary.label() + " — " + summary.name() + ", năm " + year + " ("
						+ units + " đơn vị).",
				"",
				"1. Trang \"" + VALUE_SHEET
						+ "\": mỗi dòng là một chỉ tiêu của một đơn vị. Chỉ điền các cột có nền trắng: " + VALUE + ", "
						+ NUMERATOR + ", " + DENOMINATOR + ", " + NOTE + ", " + SOURCE + ".",
				"2. Cột \"" + REQUIREMENT
						+ "\" là mức phải đạt áp dụng cho chính đơn vị đó (theo vùng/nhóm xã của đơn vị).",
				"3. Tỷ lệ (%): nhập số phần trăm vào cột \"" + VALUE + "\" (ví dụ 85,5 nghĩa là 85,5%), hoặc nhập \""
						+ NUMERATOR + "\" và \"" + DENOMINATOR
						+ "\" (ví dụ 1.276 hộ trên 1.413 hộ) — không nhập cả hai.",
				"4. Có/Không: chọn \"" + YES + "\" hoặc \"" + NO
						+ "\" trong danh sách; chỉ tiêu có yêu cầu bằng lời: \"" + MET + "\" hoặc \"Không đạt\".",
				"5. Số lượng, mức độ: số nguyên không âm; số tiền, diện tích…: chỉ nhập số, không kèm đơn vị (không viết \"85%\" hay \"12 m2\" vào cột số lượng).",
				"5a. Khi không có số liệu mà văn bản chỉ ghi chỉ tiêu đạt hay chưa đạt: ghi \"" + MET
						+ "\" hoặc \"Không đạt\" vào cột \"" + VALUE + "\" và nêu lý do ở cột \"" + NOTE
						+ "\" (Excel sẽ nhắc ô này chờ số: chọn \"Có/Yes\" để giữ).",
				"6. Dòng nền xám là chỉ tiêu tính tự động (theo công thức, từ đơn vị cấp dưới hoặc danh hiệu): không điền.",
				"7. Ô để trống: giữ nguyên giá trị hiện có. Không sửa các cột mã (đã khóa) và không xóa trang ẩn.",
				"8. Trang \"" + CLAIM_SHEET + "\": chỉ điền khi văn bản ghi kết quả theo tiêu chí (\"" + MET
						+ "\" hoặc \"" + NOT_MET + "\"); để trống là giữ nguyên.",
				"9. Tải tệp lên tại trang đánh giá (\"Tải lên tệp đã điền\"). Hệ thống kiểm tra toàn bộ tệp, cho xem trước giá trị cũ → mới; "
						+ "chỉ khi không còn lỗi mới bấm \"Áp dụng\" được, và mọi giá trị được lưu cùng lúc hoặc không lưu gì.",
				"10. Nếu ai đó đã sửa kỳ đánh giá sau khi tải mẫu này, tệp sẽ bị từ chối: hãy tải mẫu mới. Kỳ đánh giá đã nộp hoặc đã duyệt không sửa được.",
				"11. Dung lượng tệp tối đa 10 MB.");
		for (int i = 0; i < text.size(); i++) {
			Cell cell = sheet.createRow(i).createCell(0);
			cell.setCellValue(text.get(i));
			cell.setCellStyle(i == 0 ? styles.bold : styles.wrapped);
		}
	}

	private void values(SXSSFWorkbook workbook, Styles styles, List<UnitLine> lines) {
		SXSSFSheet sheet = workbook.createSheet(VALUE_SHEET);
		header(sheet, styles, VALUE_HEADERS);
		Validations validations = new Validations();
		int r = 1;
		for (UnitLine line : lines) {
			Map<String, IndicatorResult> results = indicatorResults(line.evaluation());
			for (CriterionDef criterion : set.active()) {
				for (IndicatorDef indicator : criterion.indicators()) {
					IndicatorResult result = results.get(indicator.code());
					boolean derived = !(indicator.source() instanceof IndicatorSource.Entered);
					Row row = sheet.createRow(r);
					CellStyle key = derived ? styles.derivedLocked : styles.locked;
					text(row, 0, code(line.unit()), key);
					text(row, 1, line.unit().fullName(), key);
					text(row, 2, criterion.number(), key);
					text(row, 3, indicator.code(), key);
					text(row, 4, indicator.name() == null ? "" : indicator.name(), key);
					text(row, 5, kind(indicator, derived), key);
					text(row, 6, result == null ? "" : requirement(result), key);
					text(row, 7, result == null ? "" : value(result), key);
					CellStyle open = derived ? styles.derivedLocked : styles.open;
					for (int c = COL_VALUE; c <= COL_SOURCE; c++) {
						row.createCell(c).setCellStyle(open);
					}
					text(row, COL_KEY, line.unit().id() + "|" + indicator.code(), styles.locked);
					if (!derived) {
						validations.add(indicator, result, r);
					}
					r++;
				}
			}
		}
		validations.apply(sheet);
		widths(sheet, 12, 24, 8, 10, 50, 18, 22, 18, 14, 10, 10, 24, 24, 10);
		sheet.setColumnHidden(COL_KEY, true);
		sheet.createFreezePane(4, 1);
		protect(workbook, sheet);
	}

	private void claims(SXSSFWorkbook workbook, Styles styles, List<UnitLine> lines) {
		SXSSFSheet sheet = workbook.createSheet(CLAIM_SHEET);
		header(sheet, styles, CLAIM_HEADERS);
		CellRangeAddressList open = new CellRangeAddressList();
		int r = 1;
		for (UnitLine line : lines) {
			Map<String, CriterionResult> results = new LinkedHashMap<>();
			line.evaluation().criteria().forEach(c -> results.put(c.number(), c));
			line.evaluation().conditions().forEach(c -> results.put(c.number(), c));
			for (CriterionDef criterion : set.active()) {
				Row row = sheet.createRow(r);
				text(row, 0, code(line.unit()), styles.locked);
				text(row, 1, line.unit().fullName(), styles.locked);
				text(row, 2, criterion.number(), styles.locked);
				text(row, 3, criterion.name() == null ? "" : criterion.name(), styles.locked);
				CriterionResult result = results.get(criterion.number());
				text(row, 4,
						result == null || result.basis() != CriterionResult.Basis.DIRECT ? "" : claim(result.status()),
						styles.locked);
				row.createCell(COL_CLAIM).setCellStyle(styles.open);
				r++;
			}
		}
		if (r > 1) {
			open.addCellRangeAddress(1, COL_CLAIM, r - 1, COL_CLAIM);
			DataValidationHelper helper = sheet.getDataValidationHelper();
			DataValidation validation = helper
				.createValidation(helper.createExplicitListConstraint(new String[] { MET, NOT_MET }), open);
			prompt(validation, "Kết quả tiêu chí", "Chọn \"" + MET + "\" hoặc \"" + NOT_MET
					+ "\" khi văn bản ghi kết quả theo tiêu chí; để trống là giữ nguyên.");
			sheet.addValidationData(validation);
		}
		widths(sheet, 12, 24, 8, 40, 16, 14);
		sheet.createFreezePane(3, 1);
		protect(workbook, sheet);
	}

	private void keys(SXSSFWorkbook workbook, List<UnitLine> lines) {
		SXSSFSheet sheet = workbook.createSheet(KEY_SHEET);
		Row first = sheet.createRow(0);
		first.createCell(0).setCellValue(MARK);
		first.createCell(1).setCellValue(set.id());
		first.createCell(2).setCellValue(year);
		first.createCell(3).setCellValue(rootId);
		first.createCell(4).setCellValue(children ? "children" : "unit");
		Row header = sheet.createRow(1);
		List<String> names = List.of("unit_id", "unit_code", "assessment_id", "row_version", "status");
		for (int i = 0; i < names.size(); i++) {
			header.createCell(i).setCellValue(names.get(i));
		}
		int r = 2;
		for (UnitLine line : lines) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(line.unit().id());
			row.createCell(1).setCellValue(code(line.unit()));
			if (line.assessment() != null) {
				row.createCell(2).setCellValue(line.assessment().id());
				row.createCell(3).setCellValue(line.assessment().rowVersion());
				row.createCell(4).setCellValue(line.assessment().status());
			}
		}
		workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
	}

	/**
	 * Locks the sheet without a password: only the open (value) cells can be typed in.
	 */
	private static void protect(SXSSFWorkbook workbook, SXSSFSheet sheet) {
		XSSFSheet xssf = workbook.getXSSFWorkbook().getSheet(sheet.getSheetName());
		xssf.enableLocking();
		xssf.lockSelectLockedCells(false);
		xssf.lockSelectUnlockedCells(false);
		xssf.lockFormatColumns(false);
		xssf.lockFormatRows(false);
		xssf.lockAutoFilter(false);
		xssf.lockSort(false);
	}

	private static Map<String, IndicatorResult> indicatorResults(Evaluation evaluation) {
		Map<String, IndicatorResult> results = new LinkedHashMap<>();
		for (List<CriterionResult> list : List.of(evaluation.criteria(), evaluation.conditions())) {
			list.forEach(c -> c.indicators().forEach(i -> results.put(i.code(), i)));
		}
		return results;
	}

	private String kind(IndicatorDef indicator, boolean derived) {
		String kind = messages.getMessage("criteria.valueType." + indicator.type().name(), null, VI);
		if (indicator.type() == ValueType.CHOICE && !indicator.choices().isEmpty()) {
			kind += ": " + String.join(", ", indicator.choices());
		}
		else if (indicator.unit() != null && !indicator.unit().isBlank() && indicator.type() != ValueType.PERCENT) {
			kind += " (" + indicator.unit() + ")";
		}
		return derived ? kind + " — tự tính, không nhập" : kind;
	}

	static String claim(Status status) {
		return switch (status) {
			case MET -> MET;
			case NOT_MET -> NOT_MET;
			case CONFLICT -> "Mâu thuẫn";
			default -> "";
		};
	}

	/** "≥ 80%", "≥ 5 m²/người", as the evaluation page shows the bar. */
	static String requirement(IndicatorResult indicator) {
		Requirement requirement = indicator.requirement();
		if (requirement == null) {
			return "Chưa có ngưỡng";
		}
		return requirement instanceof Requirement.Compare
				? requirement.display() + suffix(indicator.type(), indicator.unit(), null) : requirement.display();
	}

	static String value(IndicatorResult indicator) {
		Value value = indicator.value();
		return value == null ? "" : display(value, indicator.type(), indicator.unit());
	}

	static String display(Value value, ValueType type, @Nullable String unit) {
		return value.display() + suffix(type, unit, value);
	}

	private static String suffix(ValueType type, @Nullable String unit, @Nullable Value value) {
		if (value instanceof Value.Verdict) {
			return "";
		}
		if (type == ValueType.PERCENT) {
			return value instanceof Value.Fraction || value instanceof Value.Flag ? "" : "%";
		}
		return unit == null || unit.isBlank() || value instanceof Value.Flag ? "" : " " + unit;
	}

	private static void header(SXSSFSheet sheet, Styles styles, List<String> headers) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			text(row, i, headers.get(i), styles.header);
		}
	}

	private static void widths(SXSSFSheet sheet, int... widths) {
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void prompt(DataValidation validation, String title, String text) {
		validation.setShowPromptBox(true);
		validation.createPromptBox(title, text);
		validation.setShowErrorBox(true);
		// a warning, not a stop: "Đạt" / "Không đạt" without the figure is allowed in a
		// number cell; the upload checks every value by the engine's rules
		validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
		validation.createErrorBox("Giá trị cần kiểm tra", text);
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle bold;

		final CellStyle wrapped;

		final CellStyle locked;

		final CellStyle derivedLocked;

		final CellStyle open;

		Styles(SXSSFWorkbook workbook) {
			Font font = workbook.createFont();
			font.setBold(true);
			header = workbook.createCellStyle();
			header.setFont(font);
			header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setLocked(true);
			bold = workbook.createCellStyle();
			bold.setFont(font);
			wrapped = workbook.createCellStyle();
			wrapped.setWrapText(true);
			locked = workbook.createCellStyle();
			locked.setLocked(true);
			locked.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
			locked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			derivedLocked = workbook.createCellStyle();
			derivedLocked.setLocked(true);
			derivedLocked.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			derivedLocked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			open = workbook.createCellStyle();
			open.setLocked(false);
		}

	}

	/**
	 * The validations of the value columns, one per kind of indicator, each over the rows
	 * of that kind (consecutive rows merged into one range).
	 */
	private static final class Validations {

		private final Map<String, Rule> rules = new LinkedHashMap<>();

		void add(IndicatorDef indicator, @Nullable IndicatorResult result, int row) {
			boolean judged = indicator.requirements()
				.values()
				.stream()
				.anyMatch(r -> r instanceof Requirement.Described);
			String unit = indicator.unit() == null || indicator.unit().isBlank() ? "" : " (" + indicator.unit() + ")";
			switch (indicator.type()) {
				case PERCENT -> {
					String cap = Numbers.toText(ValueRules.percentCap(indicator));
					rule("percent:" + cap, h -> h.createDecimalConstraint(OperatorType.BETWEEN, "0", cap), "Tỷ lệ (%)",
							"Nhập số phần trăm từ 0 đến " + cap
									+ " (85,5 là 85,5%), không kèm dấu %; hoặc nhập tử số và mẫu số; hoặc \"" + MET
									+ "\" / \"Không đạt\" kèm lý do ở cột Ghi chú khi không có số liệu.")
						.add(row, COL_VALUE);
					rule("count", h -> h.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null), "Số đếm",
							"Nhập số nguyên không âm; tử số không lớn hơn mẫu số.")
						.add(row, COL_NUMERATOR)
						.add(row, COL_DENOMINATOR);
				}
				case COUNT, LEVEL -> {
					if (!judged) {
						rule("whole", h -> h.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null),
								"Số nguyên", "Nhập số nguyên không âm, không kèm đơn vị.")
							.add(row, COL_VALUE);
					}
				}
				case AMOUNT, POINTS -> {
					if (!judged) {
						rule("decimal" + unit,
								h -> h.createDecimalConstraint(OperatorType.BETWEEN, "-999999999999999",
										"999999999999999"),
								"Số", "Nhập một số" + unit + ", chỉ nhập số, không kèm đơn vị.")
							.add(row, COL_VALUE);
					}
				}
				case BOOLEAN -> {
					if (judged) {
						rule("judged", h -> h.createExplicitListConstraint(new String[] { MET, "Không đạt" }),
								"Đạt / Không đạt", "Chọn \"" + MET + "\" hoặc \"Không đạt\" theo yêu cầu của chỉ tiêu.")
							.add(row, COL_VALUE);
					}
					else {
						rule("yesno", h -> h.createExplicitListConstraint(new String[] { YES, NO }), "Có / Không",
								"Chọn \"" + YES + "\" hoặc \"" + NO + "\".")
							.add(row, COL_VALUE);
					}
				}
				case CHOICE -> {
					String joined = String.join(",", indicator.choices());
					if (!indicator.choices().isEmpty() && joined.length() < 250) {
						rule("choice:" + joined,
								h -> h.createExplicitListConstraint(indicator.choices().toArray(new String[0])),
								"Lựa chọn", "Chọn một trong: " + String.join(", ", indicator.choices()) + ".")
							.add(row, COL_VALUE);
					}
				}
			}
		}

		private Rule rule(String key, Function<DataValidationHelper, DataValidationConstraint> constraint, String title,
				String text) {
			return rules.computeIfAbsent(key, k -> new Rule(constraint, title, text));
		}

		void apply(SXSSFSheet sheet) {
			DataValidationHelper helper = sheet.getDataValidationHelper();
			for (Rule rule : rules.values()) {
				for (Map.Entry<Integer, List<int[]>> column : rule.ranges.entrySet()) {
					CellRangeAddressList list = new CellRangeAddressList();
					column.getValue()
						.forEach(range -> list.addCellRangeAddress(range[0], column.getKey(), range[1],
								column.getKey()));
					DataValidation validation = helper.createValidation(rule.constraint.apply(helper), list);
					prompt(validation, rule.title, rule.text);
					validation.setEmptyCellAllowed(true);
					sheet.addValidationData(validation);
				}
			}
		}

		private static final class Rule {

			final Function<DataValidationHelper, DataValidationConstraint> constraint;

			final String title;

			final String text;

			/** Per column: row ranges [first, last]. */
			final Map<Integer, List<int[]>> ranges = new LinkedHashMap<>();

			Rule(Function<DataValidationHelper, DataValidationConstraint> constraint, String title, String text) {
				this.constraint = constraint;
				this.title = title;
				this.text = text;
			}

			Rule add(int row, int column) {
				List<int[]> list = ranges.computeIfAbsent(column, c -> new ArrayList<>());
				int[] last = list.isEmpty() ? null : list.get(list.size() - 1);
				if (last != null && last[1] == row - 1) {
					last[1] = row;
				}
				else {
					list.add(new int[] { row, row });
				}
				return this;
			}

		}

	}

}
