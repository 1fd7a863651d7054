package vn.ntm.criteria.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetDocument.CriterionDoc;
import vn.ntm.criteria.SetDocument.GroupDoc;
import vn.ntm.criteria.SetDocument.IndicatorDoc;
import vn.ntm.criteria.SetDocument.RequirementDoc;
import vn.ntm.criteria.SetDocument.RuleDoc;
import vn.ntm.criteria.SetDocument.ThresholdRuleDoc;
import vn.ntm.criteria.SetDocument.ValueFromDoc;
import vn.ntm.criteria.engine.Numbers;
import vn.ntm.criteria.engine.ValueType;
import vn.ntm.shared.Problem;
import vn.ntm.shared.Problem.Place;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * A set document as an Excel workbook (.xlsx) with five sheets: "Bộ tiêu chí" (one row
 * per field of the set), "Nhóm", "Tiêu chí", "Chỉ tiêu" and "Ngưỡng". Indicators name
 * their criterion by number and requirements their indicator by code, so that each sheet
 * stays a plain table people can filter and edit.
 * <p>
 * Codes are text cells ("17.1" and "5" stay text), whole numbers and thresholds that a
 * number cell holds exactly are number cells, dates are date cells shown as dd/mm/yyyy.
 * Lists of codes are comma-separated ("XA, PHUONG"); lists of free text (sources,
 * choices, the values of an IN requirement) have one item per line. Kinds and rules are
 * shown as Vietnamese labels ("Điều kiện", "Ít nhất 3 chỉ tiêu") and read back from the
 * labels or from the codes of the YAML form ({@code CONDITION}, {@code AT_LEAST 3}).
 * <p>
 * Reading streams the sheets with POI's zip-bomb guards and reports every unreadable cell
 * at once, by sheet, row and column; checking what the cells mean is left to
 * {@link CatalogValidator}, whose problems {@link #locate} maps back to the rows.
 */
final class CatalogWorkbook {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** Data rows per sheet, below the header. */
	static final int MAX_ROWS = 5_000;

	static final String SET_SHEET = "Bộ tiêu chí";

	static final String GROUP_SHEET = "Nhóm";

	static final String CRITERION_SHEET = "Tiêu chí";

	static final String INDICATOR_SHEET = "Chỉ tiêu";

	static final String REQUIREMENT_SHEET = "Ngưỡng";

	private static final String REJECTED = "catalog.rejected";

	private static final String SHEET_ROW = "where.sheetRow";

	private static final String FLAG = "x";

	private static final Set<String> MARKED = Set.of(FLAG, "có", "true", "1");

	private static final Set<String> UNMARKED = Set.of("không", "false", "0");

	private static final List<String> KINDS = List.of("CRITERION", "CONDITION");

	private static final List<String> TYPES = Arrays.stream(ValueType.values()).map(Enum::name).toList();

	private static final List<String> VALUE_KINDS = List.of("ENTERED", "FORMULA", "CHILD_SHARE", "CHILD_COUNT",
			"CHILD_MIN_CRITERIA", "TITLE_HELD");

	private static final List<String> OPS = List.of("GE", "GT", "LE", "LT", "EQ", "EXPECT", "IN", "TEXT");

	private static final Set<String> NUMERIC_OPS = Set.of("GE", "GT", "LE", "LT", "EQ");

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern RULE_ALL = Pattern.compile("ALL|tất cả(?: chỉ tiêu)?", FLAGS);

	private static final Pattern RULE_AT_LEAST = Pattern.compile("(?:AT_LEAST|ít nhất)(?: ?(\\S+?))?(?: chỉ tiêu)?",
			FLAGS);

	private static final Pattern RULE_POINTS = Pattern.compile("(?:POINTS|(?:tổng )?điểm ?(?:≥|>=))(?: ?(\\S+))?",
			FLAGS);

	/** {@code DBKK: DBKK, ATK → TDMNPB}, the source after a bar. */
	private static final Pattern THRESHOLD_RULE = Pattern.compile("([^:]+):([^→>]*)(?:→|->)(.+)");

	/** Excel's binary rounding, e.g. 16.379999999999999 for 16.38, or 1E-4. */
	private static final Pattern FLOAT_ARTEFACT = Pattern.compile("-?\\d+\\.\\d{15,}|-?\\d+(?:\\.\\d+)?[eE][-+]?\\d+");

	/**
	 * A workbook read back: the document, and where each part of it came from.
	 *
	 * @param rows the row of each group, threshold rule, criterion, indicator and
	 * requirement ("Chỉ tiêu, dòng 12"), keyed by the places {@link CatalogValidator}
	 * names it with (e.g. {@code [where.criterion 17, where.indicator 17.1]})
	 */
	record Result(SetDocument document, Map<List<Place>, String> rows) {

		Result {
			rows = Map.copyOf(rows);
		}

	}

	private CatalogWorkbook() {
	}

	// Columns

	/**
	 * How a column looks: its header, its width in characters, whether its text wraps.
	 */
	private record Column(String label, int width, boolean wraps) {

		static Column text(String label, int width) {
			return new Column(label, width, false);
		}

		static Column wrapped(String label, int width) {
			return new Column(label, width, true);
		}

	}

	/** A column of one of the sheets, implemented by one enum per sheet. */
	private interface Header {

		Column column();

		/** Its position, from the left. */
		int ordinal();

		default String label() {
			return column().label();
		}

	}

	private enum SetColumn implements Header {

		FIELD(Column.text("Trường", 38)), VALUE(Column.wrapped("Giá trị", 90));

		private final Column column;

		SetColumn(Column column) {
			this.column = column;
		}

		@Override
		public Column column() {
			return column;
		}

	}

	/** The rows of the "Bộ tiêu chí" sheet, one per field of the set. */
	private enum SetField {

		CODE("Mã"), VERSION("Phiên bản"), NAME("Tên"), NAME_EN("Tên tiếng Anh"), TITLE("Danh hiệu"),
		UNIT_LEVEL("Cấp đơn vị"), UNIT_TYPES("Loại đơn vị"), VALID_FROM("Áp dụng từ ngày"),
		VALID_TO("Áp dụng đến ngày"), DECISION_NUMBER("Số quyết định"), DECISION_DATE("Ngày quyết định"),
		DECISION_ISSUER("Cơ quan ban hành"), LEGAL_BASIS("Căn cứ"), OWNER_CODE("Tỉnh ban hành (mã)"),
		OWNER_AT("Tỉnh ban hành (tính đến ngày)"), REFINES_CODE("Bộ tiêu chí gốc (mã)"),
		REFINES_VERSION("Bộ tiêu chí gốc (phiên bản)"), THRESHOLD_SCHEME("Phân loại chọn ngưỡng"),
		THRESHOLD_RULES("Quy tắc ngưỡng"), PREREQUISITES("Danh hiệu tiên quyết"),
		FAIL_SHARE("Thu hồi khi tỷ lệ không đạt từ (%)"),
		CRITICAL_FAIL_SHARE("Thu hồi khi có tiêu chí trọng yếu từ (%)"), REVOCATION_SOURCE("Căn cứ quy tắc thu hồi"),
		SOURCE_STATUS("Mức xác minh"), SOURCES("Nguồn"), NOTE("Ghi chú"),
		/** Written for people; an imported set is always a draft. */
		STATUS("Trạng thái");

		private final String label;

		SetField(String label) {
			this.label = label;
		}

		static Optional<SetField> of(String label) {
			String key = labelKey(label);
			return Arrays.stream(values()).filter(field -> labelKey(field.label).equals(key)).findFirst();
		}

	}

	private enum GroupColumn implements Header {

		CODE(Column.text("Mã", 10)), NAME(Column.text("Tên", 50));

		private final Column column;

		GroupColumn(Column column) {
			this.column = column;
		}

		@Override
		public Column column() {
			return column;
		}

	}

	private enum CriterionColumn implements Header {

		NUMBER(Column.text("Số", 8)), KIND(Column.text("Loại", 12)), NAME(Column.wrapped("Tên", 45)),
		NAME_STATUS(Column.text("Mức xác minh", 14)), GROUP(Column.text("Nhóm", 8)),
		AGENCY(Column.wrapped("Cơ quan phụ trách", 28)), RULE(Column.text("Quy tắc đạt", 20)),
		CRITICAL(Column.text("Trọng yếu", 11)), RETIRED(Column.text("Ngừng áp dụng", 15)),
		SOURCE(Column.wrapped("Nguồn", 40)), NOTE(Column.wrapped("Ghi chú", 50));

		private final Column column;

		CriterionColumn(Column column) {
			this.column = column;
		}

		@Override
		public Column column() {
			return column;
		}

	}

	private enum IndicatorColumn implements Header {

		CRITERION(Column.text("Tiêu chí", 9)), CODE(Column.text("Mã", 9)), NAME(Column.wrapped("Tên", 50)),
		NAME_STATUS(Column.text("Mức xác minh", 14)), TYPE(Column.text("Kiểu", 11)), UNIT(Column.text("Đơn vị", 14)),
		INPUT(Column.text("Số liệu đầu vào", 15)), VALUE_FROM(Column.text("Nguồn giá trị", 20)),
		EXPRESSION(Column.text("Công thức", 22)), TITLE(Column.text("Danh hiệu", 22)),
		SET(Column.text("Bộ tiêu chí", 20)), LEVEL(Column.text("Cấp đơn vị cấp dưới", 19)),
		TYPES(Column.text("Loại đơn vị cấp dưới", 20)), SCHEME(Column.text("Phân loại", 14)),
		VALUES(Column.text("Giá trị phân loại", 20)), MAX_POINTS(Column.text("Điểm tối đa", 12)),
		MAX_VALUE(Column.text("Giá trị tối đa", 12)), CHOICES(Column.wrapped("Lựa chọn", 20)),
		SOURCE(Column.wrapped("Nguồn", 40)), NOTE(Column.wrapped("Ghi chú", 50));

		private final Column column;

		IndicatorColumn(Column column) {
			this.column = column;
		}

		@Override
		public Column column() {
			return column;
		}

	}

	private enum RequirementColumn implements Header {

		INDICATOR(Column.text("Chỉ tiêu", 10)), FOR(Column.text("Áp dụng cho", 13)),
		OP(Column.text("Phép so sánh", 14)), VALUE(Column.text("Giá trị", 10)),
		VALUES(Column.wrapped("Danh sách giá trị", 22)), TEXT(Column.wrapped("Mô tả", 45)),
		PRINTED(Column.wrapped("Như văn bản ghi", 30)), NOTE(Column.wrapped("Ghi chú", 45)),
		SOURCE(Column.wrapped("Nguồn", 40));

		private final Column column;

		RequirementColumn(Column column) {
			this.column = column;
		}

		@Override
		public Column column() {
			return column;
		}

	}

	// Writing

	/**
	 * Writes a set document as a workbook of five sheets, each with a bold, frozen header
	 * row and an autofilter.
	 */
	static byte[] write(SetDocument document) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
			Styles styles = new Styles(workbook);
			writeSet(new SheetWriter(workbook, styles, SET_SHEET, SetColumn.values()), document);
			writeGroups(new SheetWriter(workbook, styles, GROUP_SHEET, GroupColumn.values()), document);
			writeCriteria(new SheetWriter(workbook, styles, CRITERION_SHEET, CriterionColumn.values()), document);
			writeIndicators(new SheetWriter(workbook, styles, INDICATOR_SHEET, IndicatorColumn.values()), document);
			writeRequirements(new SheetWriter(workbook, styles, REQUIREMENT_SHEET, RequirementColumn.values()),
					document);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeSet(SheetWriter sheet, SetDocument d) {
		SetDocument.Decision decision = d.decision();
		SetDocument.Owner owner = d.owner();
		SetDocument.SetRef refines = d.refines();
		SetDocument.RevocationDoc revocation = d.revocation();
		sheet.field(SetField.CODE, d.code());
		sheet.field(SetField.VERSION, d.version());
		sheet.field(SetField.NAME, d.name());
		sheet.field(SetField.NAME_EN, d.nameEn());
		sheet.field(SetField.TITLE, d.title());
		sheet.field(SetField.UNIT_LEVEL, d.unitLevel());
		sheet.field(SetField.UNIT_TYPES, commaList(d.unitTypes()));
		sheet.field(SetField.VALID_FROM, d.validFrom());
		sheet.field(SetField.VALID_TO, d.validTo());
		sheet.field(SetField.DECISION_NUMBER, decision == null ? null : decision.number());
		sheet.field(SetField.DECISION_DATE, decision == null ? null : decision.date());
		sheet.field(SetField.DECISION_ISSUER, decision == null ? null : decision.issuer());
		sheet.field(SetField.LEGAL_BASIS, d.legalBasis());
		sheet.field(SetField.OWNER_CODE, owner == null ? null : owner.code());
		sheet.field(SetField.OWNER_AT, owner == null ? null : owner.at());
		sheet.field(SetField.REFINES_CODE, refines == null ? null : refines.code());
		sheet.field(SetField.REFINES_VERSION, refines == null ? null : refines.version());
		sheet.field(SetField.THRESHOLD_SCHEME, d.thresholdScheme());
		sheet.field(SetField.THRESHOLD_RULES, thresholdRules(d.thresholdRules()));
		sheet.field(SetField.PREREQUISITES, commaList(d.prerequisites()));
		sheet.field(SetField.FAIL_SHARE, revocation == null ? null : revocation.failShare());
		sheet.field(SetField.CRITICAL_FAIL_SHARE, revocation == null ? null : revocation.criticalFailShare());
		sheet.field(SetField.REVOCATION_SOURCE, revocation == null ? null : revocation.source());
		sheet.field(SetField.SOURCE_STATUS, d.sourceStatus());
		sheet.field(SetField.SOURCES, lineList(d.sources()));
		sheet.field(SetField.NOTE, d.note());
		sheet.field(SetField.STATUS, d.status());
		sheet.finish();
	}

	private static void writeGroups(SheetWriter sheet, SetDocument d) {
		for (GroupDoc group : list(d.groups())) {
			RowWriter row = sheet.row();
			row.value(GroupColumn.CODE, group.code());
			row.value(GroupColumn.NAME, group.name());
		}
		sheet.finish();
	}

	private static void writeCriteria(SheetWriter sheet, SetDocument d) {
		for (CriterionDoc c : list(d.criteria())) {
			RowWriter row = sheet.row();
			row.value(CriterionColumn.NUMBER, c.number());
			row.value(CriterionColumn.KIND, kindLabel(c.kind()));
			row.value(CriterionColumn.NAME, c.name());
			row.value(CriterionColumn.NAME_STATUS, c.nameStatus());
			row.value(CriterionColumn.GROUP, c.group());
			row.value(CriterionColumn.AGENCY, c.agency());
			row.value(CriterionColumn.RULE, ruleLabel(c.rule()));
			row.value(CriterionColumn.CRITICAL, c.critical() ? FLAG : null);
			row.value(CriterionColumn.RETIRED, c.retired() ? FLAG : null);
			row.value(CriterionColumn.SOURCE, c.source());
			row.value(CriterionColumn.NOTE, c.note());
		}
		sheet.finish();
	}

	private static void writeIndicators(SheetWriter sheet, SetDocument d) {
		for (CriterionDoc c : list(d.criteria())) {
			for (IndicatorDoc i : list(c.indicators())) {
				ValueFromDoc from = i.valueFrom();
				RowWriter row = sheet.row();
				row.value(IndicatorColumn.CRITERION, c.number());
				row.value(IndicatorColumn.CODE, i.code());
				row.value(IndicatorColumn.NAME, i.name());
				row.value(IndicatorColumn.NAME_STATUS, i.nameStatus());
				row.value(IndicatorColumn.TYPE, i.type());
				row.value(IndicatorColumn.UNIT, i.unit());
				row.value(IndicatorColumn.INPUT, Boolean.TRUE.equals(i.input()) ? FLAG : null);
				if (from != null) {
					row.value(IndicatorColumn.VALUE_FROM, from.kind());
					row.value(IndicatorColumn.EXPRESSION, from.expression());
					row.value(IndicatorColumn.TITLE, from.title());
					row.value(IndicatorColumn.SET, from.set());
					row.value(IndicatorColumn.LEVEL, from.level());
					row.value(IndicatorColumn.TYPES, commaList(from.types()));
					row.value(IndicatorColumn.SCHEME, from.scheme());
					row.value(IndicatorColumn.VALUES, commaList(from.values()));
				}
				row.decimal(IndicatorColumn.MAX_POINTS, i.maxPoints());
				row.decimal(IndicatorColumn.MAX_VALUE, i.maxValue());
				row.value(IndicatorColumn.CHOICES, lineList(i.choices()));
				row.value(IndicatorColumn.SOURCE, i.source());
				row.value(IndicatorColumn.NOTE, i.note());
			}
		}
		sheet.finish();
	}

	private static void writeRequirements(SheetWriter sheet, SetDocument d) {
		for (CriterionDoc c : list(d.criteria())) {
			for (IndicatorDoc i : list(c.indicators())) {
				for (RequirementDoc r : list(i.requirements())) {
					RowWriter row = sheet.row();
					row.value(RequirementColumn.INDICATOR, i.code());
					row.value(RequirementColumn.FOR, r.forClass());
					row.value(RequirementColumn.OP, r.op());
					row.decimal(RequirementColumn.VALUE, r.value());
					row.value(RequirementColumn.VALUES, lineList(r.values()));
					row.value(RequirementColumn.TEXT, r.text());
					row.value(RequirementColumn.PRINTED, r.printed());
					row.value(RequirementColumn.NOTE, r.note());
					row.value(RequirementColumn.SOURCE, r.source());
				}
			}
		}
		sheet.finish();
	}

	/** "Tiêu chí" (the default) or "Điều kiện"; an unknown kind as it is. */
	private static String kindLabel(@Nullable String kind) {
		if (kind == null || "CRITERION".equals(kind)) {
			return "Tiêu chí";
		}
		return "CONDITION".equals(kind) ? "Điều kiện" : kind;
	}

	/** "Tất cả chỉ tiêu" (the default), "Ít nhất 3 chỉ tiêu", "Tổng điểm ≥ 50". */
	private static String ruleLabel(@Nullable RuleDoc rule) {
		if (rule == null || "ALL".equals(rule.kind())) {
			return "Tất cả chỉ tiêu";
		}
		if ("AT_LEAST".equals(rule.kind()) && rule.count() != null) {
			return "Ít nhất " + rule.count() + " chỉ tiêu";
		}
		if ("POINTS".equals(rule.kind()) && rule.min() != null) {
			return "Tổng điểm ≥ " + rule.min();
		}
		return String.valueOf(rule.kind());
	}

	/** One line per rule: {@code DBKK: DBKK, ATK → TDMNPB | source}. */
	private static @Nullable String thresholdRules(@Nullable List<ThresholdRuleDoc> rules) {
		if (rules == null || rules.isEmpty()) {
			return null;
		}
		List<String> lines = new ArrayList<>();
		for (ThresholdRuleDoc rule : rules) {
			String line = rule.ifScheme() + ": " + String.join(", ", list(rule.ifValues())) + " → " + rule.use();
			lines.add(rule.source() == null ? line : line + " | " + rule.source());
		}
		return String.join("\n", lines);
	}

	private static @Nullable String commaList(@Nullable List<String> items) {
		return items == null || items.isEmpty() ? null : String.join(", ", items);
	}

	private static @Nullable String lineList(@Nullable List<String> items) {
		return items == null || items.isEmpty() ? null : String.join("\n", items);
	}

	/** A sheet being written: the header row first, then one row at a time. */
	private static final class SheetWriter {

		private final SXSSFSheet sheet;

		private final Styles styles;

		private final Header[] columns;

		private int nextRow = 1;

		SheetWriter(SXSSFWorkbook workbook, Styles styles, String name, Header[] columns) {
			this.sheet = workbook.createSheet(name);
			this.styles = styles;
			this.columns = columns;
			Row header = sheet.createRow(0);
			for (Header column : columns) {
				Cell cell = header.createCell(column.ordinal());
				cell.setCellValue(column.label());
				cell.setCellStyle(styles.header);
			}
			sheet.createFreezePane(0, 1);
		}

		RowWriter row() {
			return new RowWriter(sheet.createRow(nextRow++), styles);
		}

		/** A row of the "Bộ tiêu chí" sheet: the field's label and its value. */
		void field(SetField field, @Nullable Object value) {
			RowWriter row = row();
			row.value(SetColumn.FIELD, field.label);
			row.value(SetColumn.VALUE, value);
		}

		void finish() {
			for (Header column : columns) {
				sheet.setColumnWidth(column.ordinal(), column.column().width() * 256);
			}
			int lastRow = Math.max(1, nextRow - 1);
			sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, columns.length - 1));
		}

	}

	/** Cells of one row, by column: text, whole numbers, dates and thresholds. */
	private record RowWriter(Row row, Styles styles) {

		void value(Header column, @Nullable Object value) {
			if (value == null) {
				return;
			}
			Cell cell = row.createCell(column.ordinal());
			if (value instanceof LocalDate date) {
				cell.setCellValue(date);
				cell.setCellStyle(styles.date);
			}
			else if (value instanceof Integer number) {
				cell.setCellValue(number);
				cell.setCellStyle(styles.number);
			}
			else {
				cell.setCellValue(value.toString());
				cell.setCellStyle(column.column().wraps() ? styles.wrapped : styles.text);
			}
		}

		/**
		 * A threshold kept as text in the document ("80", "16.38", "200/3"): a number
		 * cell when a number cell holds it exactly, text otherwise.
		 */
		void decimal(Header column, @Nullable String value) {
			if (value != null && exactAsDouble(value)) {
				Cell cell = row.createCell(column.ordinal());
				cell.setCellValue(Double.parseDouble(value));
				cell.setCellStyle(styles.number);
			}
			else {
				value(column, value);
			}
		}

		private static boolean exactAsDouble(String value) {
			return value.matches("-?\\d{1,15}(\\.\\d{1,15})?")
					&& plain(BigDecimal.valueOf(Double.parseDouble(value))).equals(value);
		}

	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle text;

		final CellStyle wrapped;

		final CellStyle number;

		final CellStyle date;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			header = workbook.createCellStyle();
			header.setFont(bold);
			short textFormat = workbook.createDataFormat().getFormat("@");
			text = workbook.createCellStyle();
			text.setDataFormat(textFormat);
			text.setVerticalAlignment(VerticalAlignment.TOP);
			wrapped = workbook.createCellStyle();
			wrapped.cloneStyleFrom(text);
			wrapped.setWrapText(true);
			number = workbook.createCellStyle();
			number.setVerticalAlignment(VerticalAlignment.TOP);
			date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			date.setVerticalAlignment(VerticalAlignment.TOP);
		}

	}

	// Reading

	/**
	 * Reads a workbook written by {@link #write} (or edited from one) into a set
	 * document. The status row is ignored. Fails with {@code catalog.rejected} and every
	 * problem found, each placed at "sheet, dòng n, cột header", when the file is not a
	 * readable .xlsx, is larger than 5 MB or has more than 5.000 rows in a sheet, or when
	 * a sheet, a column or a cell cannot be read.
	 */
	static Result read(byte[] xlsx) {
		if (xlsx.length == 0) {
			throw rejected(List.of(), "catalog.file.empty");
		}
		if (xlsx.length > MAX_BYTES) {
			throw rejected(List.of(), "catalog.file.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		DocumentReader reader = new DocumentReader(sheets(xlsx));
		SetDocument document = reader.document();
		if (!reader.problems.isEmpty()) {
			throw new RejectedInput(REJECTED, reader.problems);
		}
		return new Result(document, reader.rows);
	}

	private static RejectedInput rejected(List<Place> where, String key, Object... args) {
		return new RejectedInput(REJECTED, List.of(Problem.at(where, key, args)));
	}

	/** The cells of the five sheets by sheet name, streamed one sheet at a time. */
	private static Map<String, List<RawRow>> sheets(byte[] xlsx) {
		// As for unit lists: an entry may not inflate more than 100×, nor beyond 100 MB.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
		Map<String, List<RawRow>> sheets = new HashMap<>();
		try (InputStream in = new ByteArrayInputStream(xlsx); OPCPackage pkg = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (iterator.hasNext()) {
				try (InputStream sheet = iterator.next()) {
					String name = sheetName(iterator.getSheetName());
					if (name != null && !sheets.containsKey(name)) {
						sheets.put(name, readSheet(name, sheet, styles, strings));
					}
				}
			}
		}
		catch (Exception ex) {
			throw unreadable(ex);
		}
		return sheets;
	}

	/** One of the five sheet names, however its letters are composed, or null. */
	private static @Nullable String sheetName(String name) {
		return List.of(SET_SHEET, GROUP_SHEET, CRITERION_SHEET, INDICATOR_SHEET, REQUIREMENT_SHEET)
			.stream()
			.filter(known -> labelKey(known).equals(labelKey(name)))
			.findFirst()
			.orElse(null);
	}

	private static List<RawRow> readSheet(String name, InputStream sheet, StylesTable styles,
			ReadOnlySharedStringsTable strings) throws Exception {
		List<RawRow> rows = new ArrayList<>();
		XMLReader parser = XMLHelper.newXMLReader();
		parser.setContentHandler(
				new XSSFSheetXMLHandler(styles, strings, new Collector(name, rows), new CellFormat(), false));
		parser.parse(new InputSource(sheet));
		return rows;
	}

	/** Why the file could not be read: too many rows, a zip bomb, or not an .xlsx. */
	private static RejectedInput unreadable(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TooManyRows tooMany) {
				return rejected(List.of(new Place(SHEET_ROW, tooMany.sheet)), "catalog.xlsx.tooManyRows", tooMany.sheet,
						MAX_ROWS);
			}
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("zip bomb") || message.contains("max entry size")) {
				return rejected(List.of(), "catalog.xlsx.zipBomb");
			}
		}
		return rejected(List.of(), "catalog.xlsx.unreadable");
	}

	/**
	 * A row as read: its number as the spreadsheet shows it, its cells by column index.
	 */
	private record RawRow(int number, Map<Integer, String> cells) {
	}

	/** Collects the non-empty cells of each row of one sheet. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final String sheet;

		private final List<RawRow> rows;

		private Map<Integer, String> current = new TreeMap<>();

		private int lastColumn = -1;

		Collector(String sheet, List<RawRow> rows) {
			this.sheet = sheet;
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			if (rowNum > MAX_ROWS) {
				throw new TooManyRows(sheet);
			}
			current = new TreeMap<>();
			lastColumn = -1;
		}

		@Override
		public void endRow(int rowNum) {
			if (!current.isEmpty()) {
				rows.add(new RawRow(rowNum + 1, current));
			}
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			// a cell without its reference follows the one before it
			int column = reference == null ? lastColumn + 1 : columnIndex(reference);
			lastColumn = column;
			if (formattedValue != null && !formattedValue.isBlank()) {
				current.put(column, formattedValue.replace("\r\n", "\n").replace('\r', '\n'));
			}
		}

		private static int columnIndex(String reference) {
			int index = 0;
			for (char c : reference.toCharArray()) {
				if (!Character.isLetter(c)) {
					break;
				}
				index = index * 26 + (Character.toUpperCase(c) - 'A' + 1);
			}
			return index - 1;
		}

	}

	private static final class TooManyRows extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String sheet;

		TooManyRows(String sheet) {
			super(null, null, false, false);
			this.sheet = sheet;
		}

	}

	/**
	 * Number cells as plain decimals ("16.38", never "1E-4"; a percentage cell as its
	 * percent), date cells as dd/MM/yyyy whatever their display format.
	 */
	private static final class CellFormat extends DataFormatter {

		CellFormat() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return VnFormat.date(DateUtil.getLocalDateTime(value).toLocalDate());
			}
			BigDecimal number = BigDecimal.valueOf(value);
			if (formatString != null && formatString.contains("%")) {
				number = number.movePointRight(2);
			}
			return plain(number);
		}

	}

	/** A sheet's data rows by header, or none when a column it needs is missing. */
	private record Table(List<Line> lines, boolean usable) {
	}

	/** A data row by header; empty cells are absent. */
	private record Line(String sheet, int number, Map<Header, String> cells) {

		static Line absent(String sheet) {
			return new Line(sheet, 0, Map.of());
		}

		@Nullable String get(Header column) {
			String value = cells.get(column);
			return value == null || value.isBlank() ? null : value.strip();
		}

		String place() {
			return sheet + ", dòng " + number;
		}

		String place(Header column) {
			return place() + ", cột " + column.label();
		}

	}

	/**
	 * Turns the sheets into a document, collecting every problem and the row each part
	 * came from.
	 */
	private static final class DocumentReader {

		private final Map<String, List<RawRow>> sheets;

		private final List<Problem> problems = new ArrayList<>();

		private final Map<List<Place>, String> rows = new HashMap<>();

		DocumentReader(Map<String, List<RawRow>> sheets) {
			this.sheets = sheets;
		}

		SetDocument document() {
			Map<SetField, Line> fields = fields(table(SET_SHEET, SetColumn.values(), SetColumn.values()));
			String code = text(fields, SetField.CODE);
			Place set = new Place("where.set", code == null ? "?" : code);
			Table groups = table(GROUP_SHEET, GroupColumn.values(), GroupColumn.CODE);
			Table criteria = table(CRITERION_SHEET, CriterionColumn.values(), CriterionColumn.NUMBER);
			Table indicators = table(INDICATOR_SHEET, IndicatorColumn.values(), IndicatorColumn.CRITERION,
					IndicatorColumn.CODE, IndicatorColumn.TYPE);
			Table requirements = table(REQUIREMENT_SHEET, RequirementColumn.values(), RequirementColumn.INDICATOR,
					RequirementColumn.OP);
			return new SetDocument(code, integer(fields, SetField.VERSION), text(fields, SetField.NAME),
					text(fields, SetField.NAME_EN), text(fields, SetField.TITLE), unitLevel(fields),
					commaList(field(fields, SetField.UNIT_TYPES), SetColumn.VALUE), date(fields, SetField.VALID_FROM),
					date(fields, SetField.VALID_TO), decision(fields), text(fields, SetField.LEGAL_BASIS),
					owner(fields), refines(fields), text(fields, SetField.THRESHOLD_SCHEME),
					thresholdRules(fields, set), commaList(field(fields, SetField.PREREQUISITES), SetColumn.VALUE),
					revocation(fields), text(fields, SetField.SOURCE_STATUS),
					lineList(field(fields, SetField.SOURCES), SetColumn.VALUE), text(fields, SetField.NOTE), null,
					groups(groups, set), criteria(criteria, indicators, requirements));
		}

		// Tables

		private Table table(String name, Header[] columns, Header... required) {
			List<RawRow> raw = sheets.get(name);
			if (raw == null) {
				problems.add(Problem.at(List.of(new Place(SHEET_ROW, name)), "catalog.xlsx.missingSheet", name));
				return new Table(List.of(), false);
			}
			Map<Integer, Header> byIndex = headers(name, raw, columns);
			boolean usable = true;
			for (Header column : required) {
				if (!byIndex.containsValue(column)) {
					problems.add(Problem.at(headerPlace(name), "catalog.xlsx.missingColumn", column.label()));
					usable = false;
				}
			}
			if (!usable) {
				return new Table(List.of(), false);
			}
			List<Line> lines = new ArrayList<>();
			for (RawRow row : raw) {
				Line line = line(name, row, byIndex);
				if (row.number() > 1 && !line.cells().isEmpty()) {
					lines.add(line);
				}
			}
			return new Table(lines, true);
		}

		/**
		 * The known columns of the header row by index; unknown or repeated ones are
		 * problems.
		 */
		private Map<Integer, Header> headers(String sheet, List<RawRow> raw, Header[] columns) {
			Map<Integer, Header> byIndex = new LinkedHashMap<>();
			if (raw.isEmpty() || raw.get(0).number() != 1) {
				return byIndex;
			}
			raw.get(0).cells().forEach((index, label) -> {
				Optional<Header> column = Arrays.stream(columns)
					.filter(c -> labelKey(c.label()).equals(labelKey(label)))
					.findFirst();
				if (column.isEmpty()) {
					problems.add(Problem.at(headerPlace(sheet), "catalog.xlsx.unknownColumn", label.strip()));
				}
				else if (byIndex.containsValue(column.get())) {
					problems.add(Problem.at(headerPlace(sheet), "catalog.xlsx.duplicate", label.strip()));
				}
				else {
					byIndex.put(index, column.get());
				}
			});
			return byIndex;
		}

		private static List<Place> headerPlace(String sheet) {
			return List.of(new Place(SHEET_ROW, sheet + ", dòng 1"));
		}

		private static Line line(String sheet, RawRow row, Map<Integer, Header> byIndex) {
			Map<Header, String> cells = new HashMap<>();
			row.cells().forEach((index, value) -> {
				Header column = byIndex.get(index);
				if (column != null && !value.isBlank()) {
					cells.put(column, value);
				}
			});
			return new Line(sheet, row.number(), cells);
		}

		// The set sheet

		/**
		 * The rows of the set sheet by field; unknown or repeated fields are problems.
		 */
		private Map<SetField, Line> fields(Table table) {
			Map<SetField, Line> fields = new EnumMap<>(SetField.class);
			for (Line line : table.lines()) {
				String label = line.get(SetColumn.FIELD);
				if (label == null) {
					required(line, SetColumn.FIELD);
					continue;
				}
				Optional<SetField> field = SetField.of(label);
				if (field.isEmpty()) {
					problem(line, SetColumn.FIELD, "catalog.file.unknownField", label);
				}
				else if (fields.containsKey(field.get())) {
					problem(line, SetColumn.FIELD, "catalog.xlsx.duplicate", label);
				}
				else {
					fields.put(field.get(), line);
				}
			}
			return fields;
		}

		private static Line field(Map<SetField, Line> fields, SetField field) {
			return fields.getOrDefault(field, Line.absent(SET_SHEET));
		}

		private @Nullable String text(Map<SetField, Line> fields, SetField field) {
			return field(fields, field).get(SetColumn.VALUE);
		}

		private @Nullable Integer integer(Map<SetField, Line> fields, SetField field) {
			return integer(field(fields, field), SetColumn.VALUE);
		}

		private @Nullable LocalDate date(Map<SetField, Line> fields, SetField field) {
			return date(field(fields, field), SetColumn.VALUE);
		}

		/** 0 when missing: the validator reports it. */
		private int unitLevel(Map<SetField, Line> fields) {
			Integer level = integer(fields, SetField.UNIT_LEVEL);
			return level == null ? 0 : level;
		}

		private SetDocument.@Nullable Decision decision(Map<SetField, Line> fields) {
			String number = text(fields, SetField.DECISION_NUMBER);
			LocalDate date = date(fields, SetField.DECISION_DATE);
			String issuer = text(fields, SetField.DECISION_ISSUER);
			if (number == null && date == null && issuer == null) {
				return null;
			}
			return new SetDocument.Decision(number, date, issuer);
		}

		private SetDocument.@Nullable Owner owner(Map<SetField, Line> fields) {
			String code = text(fields, SetField.OWNER_CODE);
			LocalDate at = date(fields, SetField.OWNER_AT);
			if (code == null && at == null) {
				return null;
			}
			return new SetDocument.Owner(code, at);
		}

		/** Both the code and the version, or neither. */
		private SetDocument.@Nullable SetRef refines(Map<SetField, Line> fields) {
			Line codeLine = field(fields, SetField.REFINES_CODE);
			Line versionLine = field(fields, SetField.REFINES_VERSION);
			String code = codeLine.get(SetColumn.VALUE);
			Integer version = integer(versionLine, SetColumn.VALUE);
			if (code == null && versionLine.get(SetColumn.VALUE) == null) {
				return null;
			}
			if (code == null) {
				problem(versionLine, SetColumn.VALUE, "catalog.xlsx.required", SetField.REFINES_CODE.label);
			}
			else if (versionLine.get(SetColumn.VALUE) == null) {
				problem(codeLine, SetColumn.VALUE, "catalog.xlsx.required", SetField.REFINES_VERSION.label);
			}
			return code == null || version == null ? null : new SetDocument.SetRef(code, version);
		}

		/** Both shares, or none of the revocation fields. */
		private SetDocument.@Nullable RevocationDoc revocation(Map<SetField, Line> fields) {
			Line failLine = field(fields, SetField.FAIL_SHARE);
			Line criticalLine = field(fields, SetField.CRITICAL_FAIL_SHARE);
			Integer fail = integer(failLine, SetColumn.VALUE);
			Integer critical = integer(criticalLine, SetColumn.VALUE);
			String source = text(fields, SetField.REVOCATION_SOURCE);
			boolean failBlank = failLine.get(SetColumn.VALUE) == null;
			boolean criticalBlank = criticalLine.get(SetColumn.VALUE) == null;
			if (failBlank && criticalBlank && source == null) {
				return null;
			}
			Line anchor = failBlank ? (criticalBlank ? field(fields, SetField.REVOCATION_SOURCE) : criticalLine)
					: failLine;
			if (failBlank) {
				problem(anchor, SetColumn.VALUE, "catalog.xlsx.required", SetField.FAIL_SHARE.label);
			}
			if (criticalBlank) {
				problem(anchor, SetColumn.VALUE, "catalog.xlsx.required", SetField.CRITICAL_FAIL_SHARE.label);
			}
			return fail == null || critical == null ? null : new SetDocument.RevocationDoc(fail, critical, source);
		}

		private @Nullable List<ThresholdRuleDoc> thresholdRules(Map<SetField, Line> fields, Place set) {
			Line line = field(fields, SetField.THRESHOLD_RULES);
			List<String> texts = lineList(line, SetColumn.VALUE);
			if (texts == null) {
				return null;
			}
			List<ThresholdRuleDoc> rules = new ArrayList<>();
			for (String text : texts) {
				ThresholdRuleDoc rule = thresholdRule(text);
				if (rule == null) {
					problem(line, SetColumn.VALUE, "catalog.xlsx.thresholdRule", text);
				}
				else {
					rules.add(rule);
					rows.putIfAbsent(List.of(set, new Place("where.thresholdRule", rule.ifScheme())), line.place());
				}
			}
			return rules.isEmpty() ? null : rules;
		}

		private static @Nullable ThresholdRuleDoc thresholdRule(String text) {
			int bar = text.indexOf('|');
			String rule = bar < 0 ? text : text.substring(0, bar);
			String source = bar < 0 ? null : text.substring(bar + 1).strip();
			Matcher matcher = THRESHOLD_RULE.matcher(rule.strip());
			if (!matcher.matches()) {
				return null;
			}
			List<String> values = split(matcher.group(2), ",");
			return new ThresholdRuleDoc(matcher.group(1).strip(), values.isEmpty() ? null : values,
					matcher.group(3).strip(), source == null || source.isEmpty() ? null : source);
		}

		// Groups and criteria

		private @Nullable List<GroupDoc> groups(Table table, Place set) {
			List<GroupDoc> groups = new ArrayList<>();
			for (Line line : table.lines()) {
				String code = required(line, GroupColumn.CODE);
				if (code != null) {
					groups.add(new GroupDoc(code, line.get(GroupColumn.NAME)));
					rows.putIfAbsent(List.of(set, new Place("where.group", code)), line.place());
				}
			}
			return groups.isEmpty() ? null : groups;
		}

		/**
		 * Criteria with their indicators and requirements: requirements are attached to
		 * the indicator they name, indicators to the criterion they name, in sheet order.
		 */
		private @Nullable List<CriterionDoc> criteria(Table criteria, Table indicators, Table requirements) {
			Map<String, List<Line>> requirementLines = byReference(requirements, RequirementColumn.INDICATOR);
			Map<String, List<Line>> indicatorLines = byReference(indicators, IndicatorColumn.CRITERION);
			List<CriterionDoc> result = new ArrayList<>();
			for (Line line : criteria.lines()) {
				String number = required(line, CriterionColumn.NUMBER);
				if (number != null) {
					Place at = new Place("where.criterion", number);
					rows.putIfAbsent(List.of(at), line.place());
					List<IndicatorDoc> own = new ArrayList<>();
					for (Line indicator : indicatorLines.getOrDefault(number, List.of())) {
						IndicatorDoc doc = indicator(indicator, at, requirementLines);
						if (doc != null) {
							own.add(doc);
						}
					}
					indicatorLines.remove(number);
					result.add(criterion(line, number, own));
				}
			}
			if (criteria.usable()) {
				unknownReferences(indicatorLines, IndicatorColumn.CRITERION, "catalog.xlsx.unknownCriterion");
			}
			if (indicators.usable()) {
				unknownReferences(requirementLines, RequirementColumn.INDICATOR, "catalog.xlsx.unknownIndicator");
			}
			return result.isEmpty() ? null : result;
		}

		/**
		 * The lines of a table by the code they name in {@code column}, in sheet order.
		 */
		private Map<String, List<Line>> byReference(Table table, Header column) {
			Map<String, List<Line>> byCode = new LinkedHashMap<>();
			for (Line line : table.lines()) {
				String code = required(line, column);
				if (code != null) {
					byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(line);
				}
			}
			return byCode;
		}

		private void unknownReferences(Map<String, List<Line>> left, Header column, String key) {
			left.forEach((code, lines) -> lines.forEach(line -> problem(line, column, key, code)));
		}

		private CriterionDoc criterion(Line line, String number, List<IndicatorDoc> indicators) {
			return new CriterionDoc(number, kind(line), line.get(CriterionColumn.NAME),
					line.get(CriterionColumn.NAME_STATUS), line.get(CriterionColumn.GROUP),
					line.get(CriterionColumn.AGENCY), rule(line), flag(line, CriterionColumn.CRITICAL),
					flag(line, CriterionColumn.RETIRED), line.get(CriterionColumn.SOURCE),
					line.get(CriterionColumn.NOTE), indicators.isEmpty() ? null : indicators);
		}

		/** Null for a criterion (the default), CONDITION for a condition. */
		private @Nullable String kind(Line line) {
			String text = line.get(CriterionColumn.KIND);
			if (text == null) {
				return null;
			}
			String key = labelKey(text);
			if (key.equals("tiêu chí") || key.equals("criterion")) {
				return null;
			}
			if (key.equals("điều kiện") || key.equals("condition")) {
				return "CONDITION";
			}
			problem(line, CriterionColumn.KIND, "catalog.xlsx.label", text, "Tiêu chí, Điều kiện");
			return null;
		}

		/** Null for "all indicators" (the default), else AT_LEAST n or POINTS min. */
		private @Nullable RuleDoc rule(Line line) {
			String text = line.get(CriterionColumn.RULE);
			if (text == null) {
				return null;
			}
			String clean = VnText.clean(text);
			if (RULE_ALL.matcher(clean).matches()) {
				return null;
			}
			Matcher atLeast = RULE_AT_LEAST.matcher(clean);
			if (atLeast.matches()) {
				Integer count = atLeast.group(1) == null ? null
						: wholeNumber(line, CriterionColumn.RULE, atLeast.group(1));
				return new RuleDoc("AT_LEAST", count, null);
			}
			Matcher points = RULE_POINTS.matcher(clean);
			if (points.matches()) {
				String min = points.group(1) == null ? null : decimal(line, CriterionColumn.RULE, points.group(1));
				return new RuleDoc("POINTS", null, min);
			}
			problem(line, CriterionColumn.RULE, "catalog.xlsx.label", text,
					"Tất cả chỉ tiêu, Ít nhất N chỉ tiêu, Tổng điểm ≥ N");
			return null;
		}

		// Indicators and requirements

		private @Nullable IndicatorDoc indicator(Line line, Place criterion, Map<String, List<Line>> requirementLines) {
			String code = required(line, IndicatorColumn.CODE);
			String type = requiredCode(line, IndicatorColumn.TYPE, TYPES);
			if (code == null) {
				return null;
			}
			List<Place> at = List.of(criterion, new Place("where.indicator", code));
			rows.putIfAbsent(at, line.place());
			List<RequirementDoc> requirements = new ArrayList<>();
			for (Line requirement : requirementLines.getOrDefault(code, List.of())) {
				requirements.add(requirement(requirement, at));
			}
			requirementLines.remove(code);
			return new IndicatorDoc(code, line.get(IndicatorColumn.NAME), line.get(IndicatorColumn.NAME_STATUS), type,
					line.get(IndicatorColumn.UNIT), flag(line, IndicatorColumn.INPUT) ? Boolean.TRUE : null,
					valueFrom(line), requirements.isEmpty() ? null : requirements,
					decimal(line, IndicatorColumn.MAX_POINTS), decimal(line, IndicatorColumn.MAX_VALUE),
					lineList(line, IndicatorColumn.CHOICES), line.get(IndicatorColumn.SOURCE),
					line.get(IndicatorColumn.NOTE));
		}

		/** Null when all its cells are empty; it then comes from people (ENTERED). */
		private @Nullable ValueFromDoc valueFrom(Line line) {
			List<IndicatorColumn> columns = List.of(IndicatorColumn.VALUE_FROM, IndicatorColumn.EXPRESSION,
					IndicatorColumn.TITLE, IndicatorColumn.SET, IndicatorColumn.LEVEL, IndicatorColumn.TYPES,
					IndicatorColumn.SCHEME, IndicatorColumn.VALUES);
			if (columns.stream().allMatch(column -> line.get(column) == null)) {
				return null;
			}
			String kind = requiredCode(line, IndicatorColumn.VALUE_FROM, VALUE_KINDS);
			return new ValueFromDoc(kind, line.get(IndicatorColumn.EXPRESSION), line.get(IndicatorColumn.TITLE),
					line.get(IndicatorColumn.SET), integer(line, IndicatorColumn.LEVEL),
					commaList(line, IndicatorColumn.TYPES), line.get(IndicatorColumn.SCHEME),
					commaList(line, IndicatorColumn.VALUES));
		}

		private RequirementDoc requirement(Line line, List<Place> indicator) {
			String forClass = line.get(RequirementColumn.FOR);
			List<Place> at = new ArrayList<>(indicator);
			at.add(new Place("where.requirement", forClass == null ? "*" : forClass));
			rows.putIfAbsent(List.copyOf(at), line.place());
			String op = requiredCode(line, RequirementColumn.OP, OPS);
			return new RequirementDoc(forClass, op, requirementValue(line, op),
					lineList(line, RequirementColumn.VALUES), line.get(RequirementColumn.TEXT),
					line.get(RequirementColumn.PRINTED), line.get(RequirementColumn.NOTE),
					line.get(RequirementColumn.SOURCE));
		}

		/** A number for comparisons, "true" or "false" for EXPECT, else as written. */
		private @Nullable String requirementValue(Line line, @Nullable String op) {
			String text = line.get(RequirementColumn.VALUE);
			if (text == null || op == null) {
				return text;
			}
			if (NUMERIC_OPS.contains(op)) {
				return decimal(line, RequirementColumn.VALUE);
			}
			if ("EXPECT".equals(op) && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
				return text.toLowerCase(Locale.ROOT);
			}
			return text;
		}

		// Cells

		private void problem(Line line, Header column, String key, Object... args) {
			problems.add(Problem.at(List.of(new Place(SHEET_ROW, line.place(column))), key, args));
		}

		private @Nullable String required(Line line, Header column) {
			String text = line.get(column);
			if (text == null) {
				problem(line, column, "catalog.xlsx.required", column.label());
			}
			return text;
		}

		private @Nullable String requiredCode(Line line, Header column, List<String> allowed) {
			return required(line, column) == null ? null : code(line, column, allowed);
		}

		/** One of {@code allowed}, in capitals whatever the case typed. */
		private @Nullable String code(Line line, Header column, List<String> allowed) {
			String text = line.get(column);
			if (text == null) {
				return null;
			}
			String code = text.toUpperCase(Locale.ROOT);
			if (allowed.contains(code)) {
				return code;
			}
			problem(line, column, "catalog.xlsx.label", text, String.join(", ", allowed));
			return null;
		}

		/** "x" (or "có", "true", "1") marks it; an empty cell does not. */
		private boolean flag(Line line, Header column) {
			String text = line.get(column);
			if (text == null) {
				return false;
			}
			String key = labelKey(text);
			if (MARKED.contains(key)) {
				return true;
			}
			if (!UNMARKED.contains(key)) {
				problem(line, column, "catalog.xlsx.flag", text);
			}
			return false;
		}

		private @Nullable Integer integer(Line line, Header column) {
			String text = line.get(column);
			return text == null ? null : wholeNumber(line, column, text);
		}

		private @Nullable Integer wholeNumber(Line line, Header column, String text) {
			try {
				return new BigDecimal(normalizedNumber(text)).intValueExact();
			}
			catch (ArithmeticException | NumberFormatException ex) {
				problem(line, column, "catalog.xlsx.integer", text);
				return null;
			}
		}

		private @Nullable String decimal(Line line, Header column) {
			String text = line.get(column);
			return text == null ? null : decimal(line, column, text);
		}

		/** A number in the file notation: "80", "16.38" (from "16,38"), "200/3". */
		private @Nullable String decimal(Line line, Header column, String text) {
			String number = normalizedNumber(text);
			if (Numbers.parse(number).isEmpty()) {
				problem(line, column, "catalog.xlsx.number", text);
				return null;
			}
			return number;
		}

		private @Nullable LocalDate date(Line line, Header column) {
			String text = line.get(column);
			if (text == null) {
				return null;
			}
			Optional<LocalDate> date = VnFormat.parseDate(text);
			if (date.isEmpty()) {
				problem(line, column, "catalog.xlsx.date", text);
			}
			return date.orElse(null);
		}

		private static @Nullable List<String> commaList(Line line, Header column) {
			String text = line.get(column);
			List<String> items = text == null ? List.of() : split(text, ",");
			return items.isEmpty() ? null : items;
		}

		private static @Nullable List<String> lineList(Line line, Header column) {
			String text = line.get(column);
			List<String> items = text == null ? List.of() : split(text, "\n");
			return items.isEmpty() ? null : items;
		}

	}

	/**
	 * "16,38" as "16.38", "1.307,6" as "1307.6", and Excel's binary rounding undone
	 * ("16.379999999999999" as "16.38"); anything else as typed.
	 */
	private static String normalizedNumber(String text) {
		String number = text.strip().replace(" ", "").replace("\u00a0", "");
		if (number.contains(",")) {
			number = number.replace(".", "").replace(',', '.');
		}
		if (FLOAT_ARTEFACT.matcher(number).matches()) {
			number = plain(BigDecimal.valueOf(Double.parseDouble(number)));
		}
		return number;
	}

	private static String plain(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString();
	}

	private static List<String> split(String text, String separator) {
		return Arrays.stream(text.split(Pattern.quote(separator)))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
	}

	/**
	 * Labels compare without regard to case, spacing or how their letters are composed.
	 */
	private static String labelKey(String label) {
		return VnText.clean(label).toLowerCase(Locale.ROOT);
	}

	private static <T> List<T> list(@Nullable List<T> items) {
		return items == null ? List.of() : items;
	}

	// Locating

	/**
	 * Places problems found by {@link CatalogValidator} on the rows they came from: each
	 * gets a leading {@code where.sheetRow} ("Chỉ tiêu, dòng 12") for the deepest part it
	 * names that a row holds (requirement, else indicator, else criterion; groups and
	 * threshold rules likewise), else the set sheet.
	 */
	static List<Problem> locate(List<Problem> problems, Result result) {
		return problems.stream().map(problem -> located(problem, result.rows())).toList();
	}

	private static Problem located(Problem problem, Map<List<Place>, String> rows) {
		String row = SET_SHEET;
		List<Place> where = problem.where();
		for (int depth = where.size(); depth > 0; depth--) {
			String found = rows.get(where.subList(0, depth));
			if (found != null) {
				row = found;
				break;
			}
		}
		List<Place> located = new ArrayList<>();
		located.add(new Place(SHEET_ROW, row));
		located.addAll(where);
		return new Problem(located, problem.key(), problem.args());
	}

}
