package vn.ntm.orgunit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.orgunit.UnitExports;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.CsvText;
import vn.ntm.shared.VnFormat;

/**
 * Writes unit lists in the import format. The .xlsx is streamed (a window of rows in
 * memory) so that the whole country exports in bounded memory; dates are real date cells
 * shown as dd/mm/yyyy. Texts go to the shared-strings table, as Excel writes them, so
 * that files edited by other tools read back correctly.
 */
@Service
@Transactional(readOnly = true)
class UnitFileWriter implements UnitExports {

	static final List<String> EXTRA_HEADERS = List.of("Đến hết ngày", "Tên đầy đủ", "Đơn vị cấp trên", "ID");

	private final UnitManagement units;

	UnitFileWriter(UnitManagement units) {
		this.units = units;
	}

	private record Line(UnitRef unit, @Nullable UnitRef parent) {
	}

	private List<Line> lines(long rootId, LocalDate at) {
		List<UnitRef> descendants = units.descendants(rootId, at);
		Map<Long, UnitRef> byId = new HashMap<>();
		units.find(rootId, at).ifPresent(root -> byId.put(root.id(), root));
		descendants.forEach(u -> byId.put(u.id(), u));
		List<Line> lines = new ArrayList<>();
		for (UnitRef unit : descendants) {
			lines.add(new Line(unit, unit.parentId() == null ? null : byId.get(unit.parentId())));
		}
		return lines;
	}

	private static List<String> headers() {
		List<String> headers = new ArrayList<>(
				Arrays.stream(UnitFileColumns.values()).map(UnitFileColumns::header).toList());
		headers.addAll(EXTRA_HEADERS);
		return headers;
	}

	@Override
	public void writeXlsx(long rootId, LocalDate at, OutputStream out) {
		List<Line> lines = lines(rootId, at);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
			SXSSFSheet sheet = workbook.createSheet("Đơn vị hành chính");
			Styles styles = new Styles(workbook);
			writeHeader(sheet, styles);
			int r = 1;
			for (Line line : lines) {
				UnitRef u = line.unit();
				Row row = sheet.createRow(r++);
				text(row, 0, u.code());
				text(row, 1, u.name());
				text(row, 2, u.type().prefix());
				text(row, 3, line.parent() == null ? null : line.parent().code());
				date(row, 4, u.validFrom(), styles.date);
				text(row, 5, null);
				date(row, 6, u.validTo(), styles.date);
				text(row, 7, u.fullName());
				text(row, 8, line.parent() == null ? null : line.parent().fullName());
				row.createCell(9).setCellValue(u.id());
			}
			finish(sheet, Math.max(1, r - 1));
			workbook.write(out);
			workbook.dispose();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void writeCsv(long rootId, LocalDate at, OutputStream out) {
		List<Line> lines = lines(rootId, at);
		try {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
			csv.printRecord(headers());
			for (Line line : lines) {
				UnitRef u = line.unit();
				csv.printRecord(CsvText.cell(u.code()), CsvText.cell(u.name()), u.type().prefix(),
						line.parent() == null ? "" : CsvText.cell(line.parent().code()),
						u.validFrom() == null ? "" : VnFormat.date(u.validFrom()), "",
						u.validTo() == null ? "" : VnFormat.date(u.validTo()), CsvText.cell(u.fullName()),
						line.parent() == null ? "" : CsvText.cell(line.parent().fullName()), u.id());
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void writeTemplate(OutputStream out) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true)) {
			SXSSFSheet sheet = workbook.createSheet("Đơn vị hành chính");
			Styles styles = new Styles(workbook);
			writeHeader(sheet, styles);
			Row example = sheet.createRow(1);
			text(example, 0, "");
			text(example, 1, "Mai Hạ");
			text(example, 2, "Thôn");
			text(example, 3, "07885");
			date(example, 4, null, styles.date);
			text(example, 5, "Ví dụ: xóa dòng này trước khi nhập");
			DataValidationHelper helper = sheet.getDataValidationHelper();
			String[] types = Arrays.stream(UnitType.values())
				.filter(t -> t.level() > 0)
				.map(UnitType::prefix)
				.distinct()
				.toArray(String[]::new);
			DataValidationConstraint constraint = helper.createExplicitListConstraint(types);
			DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1, 5000, 2, 2));
			validation.setShowErrorBox(true);
			validation.createErrorBox("Loại đơn vị", "Chọn một loại trong danh sách (Thôn, Bản, Xã, Phường…).");
			sheet.addValidationData(validation);
			finish(sheet, 1);
			workbook.write(out);
			workbook.dispose();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeHeader(Sheet sheet, Styles styles) {
		Row header = sheet.createRow(0);
		List<String> headers = headers();
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(i < UnitFileColumns.values().length ? styles.header : styles.extraHeader);
		}
		sheet.createFreezePane(0, 1);
	}

	private static void finish(SXSSFSheet sheet, int lastRow) {
		int[] widths = { 10, 28, 14, 20, 16, 30, 14, 36, 36, 10 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, widths.length - 1));
	}

	private static void text(Row row, int column, @Nullable String value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

	private static void date(Row row, int column, @Nullable LocalDate value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value);
		}
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle extraHeader;

		final CellStyle date;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			header = workbook.createCellStyle();
			header.setFont(bold);
			extraHeader = workbook.createCellStyle();
			Font italic = workbook.createFont();
			italic.setItalic(true);
			extraHeader.setFont(italic);
			date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
		}

	}

}
