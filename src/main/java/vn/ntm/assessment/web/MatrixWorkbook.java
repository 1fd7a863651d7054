package vn.ntm.assessment.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.ntm.criteria.engine.Status;

/**
 * The assessment matrix as a streamed .xlsx, always in Vietnamese (the file goes to
 * offices): a title row naming the parent, set and year, a header row (Đơn vị, the
 * criterion numbers, Kết quả, Số tiêu chí đạt, Tổng số tiêu chí), one row per unit with
 * each criterion as "Đạt", "Không đạt", "Chưa có số liệu" or "Mâu thuẫn", and a totals
 * row with how many units meet each criterion.
 */
final class MatrixWorkbook {

	private static final Locale VI = Locale.forLanguageTag("vi");

	/** The header row (the title is row 0). */
	static final int HEADER_ROW = 2;

	private MatrixWorkbook() {
	}

	static void write(EvaluationMatrix matrix, String title, MessageSource messages, OutputStream out) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
			SXSSFSheet sheet = workbook.createSheet(text(messages, "matrix.xlsx.sheet"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle centred = workbook.createCellStyle();
			centred.setAlignment(HorizontalAlignment.CENTER);
			int columns = matrix.criteria().size();
			Cell titleCell = sheet.createRow(0).createCell(0);
			titleCell.setCellValue(title);
			titleCell.setCellStyle(bold);

			Row header = sheet.createRow(HEADER_ROW);
			cell(header, 0, text(messages, "matrix.col.unit"), bold);
			for (int i = 0; i < columns; i++) {
				EvaluationMatrix.Column column = matrix.criteria().get(i);
				cell(header, 1 + i, column.number(), bold);
			}
			cell(header, 1 + columns, text(messages, "matrix.col.notation"), bold);
			cell(header, 2 + columns, text(messages, "matrix.col.met"), bold);
			cell(header, 3 + columns, text(messages, "matrix.col.total"), bold);
			cell(header, 4 + columns, text(messages, "matrix.col.indicators"), bold);
			sheet.createFreezePane(1, HEADER_ROW + 1);

			int r = HEADER_ROW + 1;
			boolean appraised = false;
			for (EvaluationMatrix.Line line : matrix.rows()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(line.label());
				for (int i = 0; i < columns; i++) {
					Status status = line.cell(matrix.criteria().get(i).number());
					String number = matrix.criteria().get(i).number();
					// marked where the appraisal differs from the unit's own result
					cell(row, 1 + i, messages.getMessage("engine.status." + status, null, VI)
							+ (line.appraised(number) ? " *" : ""), centred);
					if (line.appraised(number)) {
						appraised = true;
					}
				}
				row.createCell(1 + columns).setCellValue(line.notation());
				row.createCell(2 + columns).setCellValue(line.met());
				row.createCell(3 + columns).setCellValue(line.total());
				row.createCell(4 + columns).setCellValue(line.indicatorRatio());
			}
			int lastUnitRow = r - 1;
			Row totals = sheet.createRow(r);
			cell(totals, 0, text(messages, "matrix.totals"), bold);
			for (int i = 0; i < columns; i++) {
				Cell cell = totals.createCell(1 + i);
				cell.setCellValue(matrix.totals().get(matrix.criteria().get(i).number()));
				cell.setCellStyle(bold);
			}
			if (appraised) {
				sheet.createRow(r + 2).createCell(0).setCellValue(text(messages, "matrix.appraised.legend"));
			}
			sheet.setColumnWidth(0, 28 * 256);
			for (int i = 0; i < columns; i++) {
				sheet.setColumnWidth(1 + i, 16 * 256);
			}
			sheet.setColumnWidth(1 + columns, 20 * 256);
			sheet.setColumnWidth(2 + columns, 16 * 256);
			sheet.setColumnWidth(3 + columns, 16 * 256);
			if (lastUnitRow > HEADER_ROW) {
				sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastUnitRow, 0, 4 + columns));
			}
			workbook.write(out);
			workbook.dispose();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(MessageSource messages, String key) {
		return messages.getMessage(key, null, VI);
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

}
