package vn.ntm.funding.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * The sheets of the funding import template and how their cells are read: columns are
 * found by their Vietnamese header (diacritics and the unit in brackets aside), an amount
 * column's unit is the one its header states ("Số tiền (triệu đồng)", "(đồng)", "(tỷ
 * đồng)"), and every value that cannot be read becomes a problem naming its sheet, row
 * and column. Numbers are read exactly as the file stores them (never through a
 * {@code double}).
 */
final class ImportSheets {

	/** More rows than this in the whole file are refused (the job reads it in memory). */
	static final int MAX_ROWS = 10_000;

	static final String NOTES = "Hướng dẫn";

	static final Spec PLANS = new Spec("Kế hoạch vốn",
			List.of(Column.required("Đơn vị"), Column.required("Năm"), Column.required("Nguồn vốn"),
					Column.required("Loại"), Column.money("Số tiền", true), Column.optional("Số quyết định"),
					Column.optional("Ngày quyết định"), Column.optional("Cơ quan ban hành"),
					Column.optional("Chuyển từ năm"), Column.optional("Hạn giải ngân"), Column.optional("Đơn vị nhận"),
					Column.optional("Ghi chú")));

	static final Spec WORKS = new Spec("Công trình",
			List.of(Column.required("Đơn vị"), Column.required("Tên công trình"), Column.optional("Mã dự án"),
					Column.optional("Chủ đầu tư"), Column.optional("Tiêu chí"), Column.money("Tổng mức đầu tư", false),
					Column.money("Vốn đối ứng yêu cầu", false), Column.optional("Ngày giao vốn"),
					Column.optional("Ngày lựa chọn nhà thầu"), Column.optional("Ngày hoàn thành"),
					Column.optional("Ngày quyết toán"), Column.money("Giá trị quyết toán", false),
					Column.optional("Ghi chú")));

	static final Spec ALLOCATIONS = new Spec("Phân bổ vốn",
			List.of(Column.required("Mã dự án"), Column.required("Vốn năm"), Column.required("Nguồn vốn"),
					Column.money("Số tiền", true), Column.optional("Số quyết định"),
					Column.required("Ngày quyết định")));

	static final Spec DISBURSEMENTS = new Spec("Giải ngân",
			List.of(Column.required("Mã dự án"), Column.required("Ngày giải ngân"), Column.required("Vốn năm"),
					Column.required("Nguồn vốn"), Column.money("Số tiền", true), Column.optional("Ghi chú")));

	static final List<Spec> SPECS = List.of(PLANS, WORKS, ALLOCATIONS, DISBURSEMENTS);

	/**
	 * Headers read as a column of the template (diacritics aside): the disbursement-only
	 * file names its source column "Mã nguồn vốn"; a source is found by code or name.
	 */
	private static final Map<String, String> ALIASES = Map.of(VnText.searchKey("Mã nguồn vốn"), "Nguồn vốn");

	private static final Pattern BRACKETS = Pattern.compile("\\(([^)]*)\\)");

	private ImportSheets() {
	}

	/** A column: its header without the unit, whether it must be filled in. */
	record Column(String title, boolean required, boolean money) {

		static Column required(String title) {
			return new Column(title, true, false);
		}

		static Column optional(String title) {
			return new Column(title, false, false);
		}

		static Column money(String title, boolean required) {
			return new Column(title, required, true);
		}

		/** The header the template writes: "Số tiền (triệu đồng)". */
		String header() {
			return money ? title + " (" + MoneyUnit.TRIEU.label() + ")" : title;
		}

	}

	record Spec(String sheet, List<Column> columns) {

		Column column(String title) {
			return columns.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
		}

	}

	/** A problem before it is put into words: where, a message key and its arguments. */
	record Issue(String sheet, int row, String column, String key, List<Object> args) {

		static Issue of(String sheet, int row, String column, String key, Object... args) {
			return new Issue(sheet, row, column, key, List.of(args));
		}

	}

	/**
	 * A workbook read: the data rows of each sheet of the template it holds, open until
	 * closed (the rows read their cells from it).
	 */
	record Book(Map<Spec, List<Line>> sheets, List<Issue> problems,
			@Nullable XSSFWorkbook workbook) implements AutoCloseable {

		int rows() {
			return sheets.values().stream().mapToInt(List::size).sum();
		}

		@Override
		public void close() {
			if (workbook != null) {
				try {
					workbook.close();
				}
				catch (IOException ex) {
					// read from memory: nothing to release
				}
			}
		}

	}

	/**
	 * One data row of a sheet, read cell by cell; each reading that fails adds its
	 * problem to {@code problems}.
	 */
	static final class Line {

		final Spec spec;

		final int row;

		private final Row cells;

		private final Map<String, Integer> index;

		private final Map<String, MoneyUnit> units;

		/** The headers as the file writes them ("Số tiền (đồng)"), by column title. */
		private final Map<String, String> headers;

		final List<Issue> problems;

		/** One per file: POI's formatter keeps a cache and is not meant for threads. */
		private final DataFormatter formatter;

		Line(Spec spec, Row cells, Map<String, Integer> index, Map<String, MoneyUnit> units,
				Map<String, String> headers, List<Issue> problems, DataFormatter formatter) {
			this.formatter = formatter;
			this.headers = headers;
			this.spec = spec;
			this.row = cells.getRowNum() + 1;
			this.cells = cells;
			this.index = index;
			this.units = units;
			this.problems = problems;
		}

		/** A problem in the column of that title, named by its header in the file. */
		void problem(String column, String key, Object... args) {
			problems.add(Issue.of(spec.sheet(), row, headers.getOrDefault(column, column), key, args));
		}

		private @Nullable Cell cell(String column) {
			Integer i = index.get(column);
			return i == null ? null : cells.getCell(i);
		}

		/** The cell as shown, trimmed; empty when blank or the column is absent. */
		String text(String column) {
			Cell cell = cell(column);
			return cell == null ? "" : VnText.clean(formatter.formatCellValue(cell));
		}

		@Nullable String optionalText(String column) {
			String text = text(column);
			return text.isEmpty() ? null : text;
		}

		/** A required text; a problem when blank. */
		@Nullable String requiredText(String column) {
			String text = text(column);
			if (text.isEmpty()) {
				problem(column, "funding.import.required");
				return null;
			}
			return text;
		}

		/** The number the file stores, exactly. */
		private Optional<BigDecimal> number(String column) {
			Cell cell = cell(column);
			if (cell == null) {
				return Optional.empty();
			}
			CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
					: cell.getCellType();
			if (type == CellType.NUMERIC) {
				String raw = cell instanceof XSSFCell x ? x.getRawValue() : null;
				try {
					return Optional.of(raw != null ? new BigDecimal(raw.trim())
							: new BigDecimal(String.valueOf(cell.getNumericCellValue())));
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
			}
			return Money.parseNumber(text(column));
		}

		@Nullable Integer year(String column, boolean required) {
			String text = text(column);
			if (text.isEmpty()) {
				if (required) {
					problem(column, "funding.import.required");
				}
				return null;
			}
			Optional<BigDecimal> number = number(column);
			try {
				int year = number.orElseThrow().intValueExact();
				if (year >= 2000 && year <= 2100) {
					return year;
				}
			}
			catch (ArithmeticException | java.util.NoSuchElementException ex) {
				// refused below
			}
			problem(column, "funding.import.yearInvalid", text);
			return null;
		}

		@Nullable LocalDate date(String column, boolean required) {
			Cell cell = cell(column);
			String text = text(column);
			if (text.isEmpty()) {
				if (required) {
					problem(column, "funding.import.required");
				}
				return null;
			}
			if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
				return cell.getLocalDateTimeCellValue().toLocalDate();
			}
			Optional<LocalDate> date = VnFormat.parseDate(text);
			if (date.isEmpty()) {
				problem(column, "funding.import.dateInvalid", text);
				return null;
			}
			return date.get();
		}

		/**
		 * An amount in the unit the header states (or written with its own unit: "1,5
		 * tỷ"), greater than zero.
		 */
		@Nullable Money money(String column) {
			String text = text(column);
			if (text.isEmpty()) {
				if (spec.column(column).required()) {
					problem(column, "funding.import.required");
				}
				return null;
			}
			MoneyUnit unit = units.getOrDefault(column, MoneyUnit.TRIEU);
			Optional<Money> amount = number(column).map(n -> Money.of(n, unit));
			if (amount.isEmpty()) {
				amount = Money.parse(text).filter(m -> !Money.parseNumber(text).isPresent());
			}
			if (amount.isEmpty() || !amount.get().isPositive()) {
				problem(column, "funding.import.amountInvalid", text, unit.label());
				return null;
			}
			return amount.get();
		}

	}

	/**
	 * Reads every sheet of the template the workbook holds (by name, diacritics aside);
	 * the first row of each is its header. Refused as a whole when it is not an .xlsx or
	 * holds none of the template's sheets.
	 */
	static Book read(byte[] xlsx) {
		return read(xlsx, SPECS);
	}

	/**
	 * Reads only the disbursements of a workbook: its sheet "Giải ngân", or else its
	 * first sheet (the disbursement-only file).
	 */
	static Book readDisbursements(byte[] xlsx) {
		return read(xlsx, List.of(DISBURSEMENTS));
	}

	private static Book read(byte[] xlsx, List<Spec> specs) {
		List<Issue> problems = new ArrayList<>();
		Map<Spec, List<Line>> sheets = new LinkedHashMap<>();
		DataFormatter formatter = new DataFormatter();
		XSSFWorkbook book = null;
		try {
			book = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
			int total = 0;
			for (Spec spec : specs) {
				Sheet sheet = find(book, spec.sheet());
				if (sheet == null && specs.size() == 1 && book.getNumberOfSheets() > 0) {
					sheet = book.getSheetAt(0);
				}
				if (sheet == null) {
					continue;
				}
				List<Line> lines = new ArrayList<>();
				sheets.put(spec, lines);
				Row header = sheet.getRow(sheet.getFirstRowNum());
				if (header == null) {
					continue;
				}
				Map<String, Integer> index = new HashMap<>();
				Map<String, MoneyUnit> units = new HashMap<>();
				Map<String, String> headers = new HashMap<>();
				for (Cell cell : header) {
					String title = VnText.clean(formatter.formatCellValue(cell));
					Matcher unit = BRACKETS.matcher(title);
					String written = VnText.searchKey(BRACKETS.matcher(title).replaceAll("").replace("*", ""));
					String bare = ALIASES.containsKey(written) ? VnText.searchKey(ALIASES.get(written)) : written;
					for (Column column : spec.columns()) {
						if (VnText.searchKey(column.title()).equals(bare)) {
							index.putIfAbsent(column.title(), cell.getColumnIndex());
							headers.putIfAbsent(column.title(), title.replace("*", "").trim());
							if (column.money() && unit.find()) {
								Optional<MoneyUnit> stated = MoneyUnit.parse(unit.group(1));
								if (stated.isEmpty()) {
									problems.add(Issue.of(spec.sheet(), header.getRowNum() + 1, title,
											"funding.import.moneyUnitUnknown", unit.group(1)));
								}
								stated.ifPresent(u -> units.put(column.title(), u));
							}
						}
					}
				}
				boolean complete = true;
				for (Column column : spec.columns()) {
					if (column.required() && !index.containsKey(column.title())) {
						problems.add(Issue.of(spec.sheet(), header.getRowNum() + 1, column.header(),
								"funding.import.missingColumn"));
						complete = false;
					}
				}
				if (!complete) {
					continue;
				}
				for (Row row : sheet) {
					if (row.getRowNum() <= header.getRowNum() || blank(row, index.values(), formatter)) {
						continue;
					}
					if (++total > MAX_ROWS) {
						throw new BusinessRuleException("funding.import.tooManyRows", MAX_ROWS);
					}
					lines.add(new Line(spec, row, index, units, headers, problems, formatter));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			new Book(sheets, problems, book).close();
			if (ex instanceof BusinessRuleException rule) {
				throw rule;
			}
			throw new BusinessRuleException("funding.import.unreadable");
		}
		if (sheets.isEmpty()) {
			problems.add(Issue.of("", 0, "", "funding.import.noSheet",
					String.join(", ", specs.stream().map(Spec::sheet).toList())));
		}
		return new Book(sheets, problems, book);
	}

	private static @Nullable Sheet find(XSSFWorkbook book, String name) {
		String key = VnText.searchKey(name);
		for (Sheet sheet : book) {
			if (VnText.searchKey(sheet.getSheetName()).equals(key)) {
				return sheet;
			}
		}
		return null;
	}

	private static boolean blank(Row row, Iterable<Integer> columns, DataFormatter formatter) {
		for (int i : columns) {
			Cell cell = row.getCell(i);
			if (cell != null && !formatter.formatCellValue(cell).isBlank()) {
				return false;
			}
		}
		return true;
	}

}
