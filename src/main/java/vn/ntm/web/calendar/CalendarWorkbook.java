package vn.ntm.web.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The calendar's list as .xlsx (sheet "Lịch hạn"), in the reader's language: the day as a
 * date cell shown dd/mm/yyyy, the kind, what it is about, the detail, the state and the
 * page's address.
 */
final class CalendarWorkbook {

	private CalendarWorkbook() {
	}

	static byte[] write(String title, List<DeadlineCalendar.Line> lines, MessageSource messages, Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(t(messages, "calendar.sheet", locale));
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			int r = 0;
			sheet.createRow(r++).createCell(0).setCellValue(title);
			Row header = sheet.createRow(r++);
			String[] columns = { "calendar.col.due", "calendar.col.kind", "calendar.col.what", "calendar.col.detail",
					"calendar.col.state", "calendar.col.link" };
			for (int c = 0; c < columns.length; c++) {
				header.createCell(c).setCellValue(t(messages, columns[c], locale));
			}
			for (DeadlineCalendar.Line line : lines) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(line.entry().due());
				row.getCell(0).setCellStyle(date);
				row.createCell(1).setCellValue(t(messages, line.entry().kind(), locale));
				row.createCell(2).setCellValue(line.entry().title());
				row.createCell(3).setCellValue(line.entry().detail() == null ? "" : line.entry().detail());
				row.createCell(4).setCellValue(t(messages, line.state().key(), locale));
				row.createCell(5).setCellValue(line.entry().link() == null ? "" : line.entry().link());
			}
			sheet.setColumnWidth(0, 12 * 256);
			sheet.setColumnWidth(1, 18 * 256);
			sheet.setColumnWidth(2, 50 * 256);
			sheet.setColumnWidth(3, 60 * 256);
			sheet.setColumnWidth(4, 16 * 256);
			sheet.setColumnWidth(5, 30 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String t(MessageSource messages, String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
