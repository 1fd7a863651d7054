package vn.ntm.planning.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import vn.ntm.planning.Deadline;
import vn.ntm.planning.PlanView;
import vn.ntm.planning.TaskView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Problem;
import vn.ntm.shared.VnFormat;

/**
 * A plan's tasks as an .xlsx sheet "Nhiệm vụ", one task a row, and back: reading checks
 * every row (content, deadline, numbers) and names each problem by row and column before
 * anything is saved.
 */
final class TaskWorkbook {

	static final String SHEET = "Nhiệm vụ";

	static final List<String> COLUMNS = List.of("Mục", "Số", "Nội dung", "Tiêu chí", "Chỉ tiêu", "Cơ quan chủ trì",
			"Người chủ trì", "Chức vụ", "Phối hợp", "Thời hạn", "Hạn (ngày)", "Khối lượng", "Đơn vị tính",
			"Kinh phí (triệu đồng)", "Nguồn vốn", "Trạng thái", "Tiến độ (%)", "Ghi chú");

	private TaskWorkbook() {
	}

	static byte[] write(PlanView plan, List<TaskView> tasks) {
		Map<Long, String> sections = new LinkedHashMap<>();
		plan.sections().forEach(s -> sections.put(s.id(), s.label()));
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(SHEET);
			Row header = sheet.createRow(0);
			for (int c = 0; c < COLUMNS.size(); c++) {
				header.createCell(c).setCellValue(COLUMNS.get(c));
			}
			int r = 1;
			for (TaskView t : tasks) {
				Row row = sheet.createRow(r++);
				Deadline d = t.deadline();
				String[] values = { t.sectionId() == null ? "" : sections.getOrDefault(t.sectionId(), ""),
						nz(t.number()), t.title(), nz(t.criterion()), nz(t.indicator()), nz(t.leadAgency()),
						nz(t.leadPerson()), nz(t.leadPosition()), nz(t.helpers()), d == null ? "" : d.text(),
						d == null || d.due() == null ? "" : VnFormat.date(d.due()), "", nz(t.quantityUnit()), "",
						nz(t.moneySource()), t.status().name(), String.valueOf(t.progress()), nz(t.note()) };
				for (int c = 0; c < values.length; c++) {
					row.createCell(c).setCellValue(values[c]);
				}
				if (t.quantity() != null) {
					row.getCell(11).setCellValue(t.quantity().doubleValue());
				}
				if (t.money() != null) {
					row.getCell(13).setCellValue(t.money().doubleValue());
				}
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A row as read, with its sheet row number (1-based, as Excel shows it). */
	record ImportRow(int row, @Nullable String section, @Nullable String number, String title,
			@Nullable String criterion, @Nullable String indicator, @Nullable String agency, @Nullable String person,
			@Nullable String position, @Nullable String helpers, @Nullable String deadline,
			@Nullable BigDecimal quantity, @Nullable String quantityUnit, @Nullable BigDecimal money,
			@Nullable String moneySource, @Nullable String note) {
	}

	/**
	 * Reads every row; a file with any problem is refused as a whole with every problem
	 * placed at its row and column.
	 */
	static List<ImportRow> read(byte[] content, int planYear) {
		ZipSecureFile.setMinInflateRatio(0.01);
		List<Problem> problems = new ArrayList<>();
		List<ImportRow> rows = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheet(SHEET);
			if (sheet == null) {
				sheet = workbook.getSheetAt(0);
			}
			DataFormatter formatter = new DataFormatter();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null || blank(row, formatter)) {
					continue;
				}
				int excelRow = r + 1;
				String title = text(row, 2, formatter);
				if (title == null) {
					problems.add(problem(excelRow, 2, "planning.import.titleRequired"));
				}
				String deadline = text(row, 9, formatter);
				if (deadline != null) {
					try {
						Deadline.parse(deadline, planYear);
					}
					catch (BusinessRuleException ex) {
						problems.add(new Problem(where(excelRow, 9), ex.messageKey(), List.of(ex.arguments())));
					}
				}
				BigDecimal quantity = number(row, 11, formatter, excelRow, problems);
				BigDecimal money = number(row, 13, formatter, excelRow, problems);
				String unit = text(row, 12, formatter);
				if (quantity != null && unit == null) {
					problems.add(problem(excelRow, 12, "planning.task.quantityUnitRequired"));
				}
				if (title != null) {
					rows.add(new ImportRow(excelRow, text(row, 0, formatter), text(row, 1, formatter), title,
							text(row, 3, formatter), text(row, 4, formatter), text(row, 5, formatter),
							text(row, 6, formatter), text(row, 7, formatter), text(row, 8, formatter), deadline,
							quantity, unit, money, text(row, 14, formatter), text(row, 17, formatter)));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof vn.ntm.shared.RejectedInput) {
				throw (RuntimeException) ex;
			}
			throw new BusinessRuleException("planning.import.unreadable");
		}
		if (!problems.isEmpty()) {
			throw new vn.ntm.shared.RejectedInput("planning.import.rejected", problems);
		}
		if (rows.isEmpty()) {
			throw new BusinessRuleException("planning.import.empty");
		}
		return rows;
	}

	private static Problem problem(int row, int column, String key) {
		return new Problem(where(row, column), key, List.of());
	}

	/** "Dòng 12", "Cột Thời hạn". */
	private static List<Problem.Place> where(int row, int column) {
		return List.of(new Problem.Place("where.line", String.valueOf(row)),
				new Problem.Place("planning.where.column", COLUMNS.get(column)));
	}

	private static @Nullable BigDecimal number(Row row, int column, DataFormatter formatter, int excelRow,
			List<Problem> problems) {
		Cell cell = row.getCell(column);
		if (cell == null) {
			return null;
		}
		if (cell.getCellType() == CellType.NUMERIC) {
			BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
			if (value.signum() < 0) {
				problems.add(new Problem(where(excelRow, column), "planning.import.negative",
						List.of(value.toPlainString())));
				return null;
			}
			return value;
		}
		String text = text(row, column, formatter);
		if (text == null) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text.replace(".", "").replace(',', '.'));
			if (value.signum() < 0) {
				problems.add(new Problem(where(excelRow, column), "planning.import.negative", List.of(text)));
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			problems.add(new Problem(where(excelRow, column), "planning.import.number", List.of(text)));
			return null;
		}
	}

	private static boolean blank(Row row, DataFormatter formatter) {
		for (int c = 0; c < COLUMNS.size(); c++) {
			if (text(row, c, formatter) != null) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String text(Row row, int column, DataFormatter formatter) {
		Cell cell = row.getCell(column);
		if (cell == null) {
			return null;
		}
		String value = formatter.formatCellValue(cell).strip();
		return value.isEmpty() ? null : value;
	}

	private static String nz(@Nullable String text) {
		return text == null ? "" : text;
	}

}
