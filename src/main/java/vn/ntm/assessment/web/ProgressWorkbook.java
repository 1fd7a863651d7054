package vn.ntm.assessment.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.VnFormat;

/**
 * The progress of submissions and appraisals as a streamed .xlsx, in Vietnamese: a title
 * row, a row of totals per status, a header row, then one row per unit in the page's
 * order (longest waiting first).
 */
final class ProgressWorkbook {

	private static final Locale VI = Locale.forLanguageTag("vi");

	/** The header row (title row 0, totals row 1). */
	static final int HEADER_ROW = 3;

	private ProgressWorkbook() {
	}

	static void write(ProgressReport report, String title, MessageSource messages, OutputStream out) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
			SXSSFSheet sheet = workbook.createSheet(text(messages, "progress.xlsx.sheet"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Cell titleCell = sheet.createRow(0).createCell(0);
			titleCell.setCellValue(title);
			titleCell.setCellStyle(bold);
			sheet.createRow(1)
				.createCell(0)
				.setCellValue(report.totals()
					.entrySet()
					.stream()
					.map(e -> text(messages, stateKey(e.getKey())) + ": " + VnFormat.number(e.getValue()))
					.collect(Collectors.joining("; ")));
			String[] headers = { "progress.col.unit", "progress.col.status", "progress.col.since", "progress.col.days",
					"progress.col.waiting", "progress.col.unchecked", "progress.col.returned", "progress.col.reasons" };
			Row header = sheet.createRow(HEADER_ROW);
			for (int i = 0; i < headers.length; i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(text(messages, headers[i]));
				cell.setCellStyle(bold);
			}
			sheet.createFreezePane(1, HEADER_ROW + 1);
			int r = HEADER_ROW + 1;
			for (ProgressReport.Row line : report.rows()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(line.label());
				row.createCell(1).setCellValue(text(messages, line.stateKey()));
				if (line.since() != null) {
					row.createCell(2).setCellValue(VnFormat.date(line.since()));
				}
				if (line.days() != null) {
					row.createCell(3).setCellValue(line.days());
				}
				row.createCell(4).setCellValue(text(messages, "progress.waiting." + line.waiting().name()));
				row.createCell(5).setCellValue(String.join(", ", line.unchecked()));
				row.createCell(6).setCellValue(line.returned().size());
				String reasons = line.returned()
					.stream()
					.map(c -> LocalizedMessages.get(messages, "progress.returnedReason",
							new Object[] { c.criterion(), c.reason() == null ? "" : c.reason() }, VI))
					.collect(Collectors.joining("; "));
				if (line.returned().isEmpty() && line.lastReturnReason() != null) {
					reasons = line.lastReturnReason();
				}
				row.createCell(7).setCellValue(reasons);
			}
			sheet.setColumnWidth(0, 28 * 256);
			sheet.setColumnWidth(1, 24 * 256);
			sheet.setColumnWidth(2, 12 * 256);
			sheet.setColumnWidth(3, 10 * 256);
			sheet.setColumnWidth(4, 34 * 256);
			sheet.setColumnWidth(5, 24 * 256);
			sheet.setColumnWidth(6, 12 * 256);
			sheet.setColumnWidth(7, 60 * 256);
			if (r - 1 > HEADER_ROW) {
				sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, r - 1, 0, headers.length - 1));
			}
			workbook.write(out);
			workbook.dispose();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String stateKey(String state) {
		return ProgressReport.NOT_OPENED.equals(state) ? "matrix.status.NONE" : "assessment.status." + state;
	}

	private static String text(MessageSource messages, String key) {
		return messages.getMessage(key, null, VI);
	}

}
