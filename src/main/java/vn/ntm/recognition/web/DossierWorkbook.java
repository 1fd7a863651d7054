package vn.ntm.recognition.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.ntm.recognition.Dossiers.DossierSummaryLine;
import vn.ntm.shared.VnFormat;

/**
 * The dossier list as an .xlsx in Vietnamese: one row a dossier, with its pending step,
 * office, deadline and days left ("chưa có hạn" where no plan sets one).
 */
final class DossierWorkbook {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private DossierWorkbook() {
	}

	static byte[] write(String unitName, List<DossierSummaryLine> lines, MessageSource messages) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet(text(messages, "recognition.dossier.list"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			int r = 0;
			Row title = sheet.createRow(r++);
			title.createCell(0)
				.setCellValue(messages.getMessage("recognition.dossier.list.of", new Object[] { unitName }, VI));
			title.getCell(0).setCellStyle(bold);
			Row header = sheet.createRow(r++);
			String[] columns = { "unit", "title", "year", "state", "step", "office", "due", "daysLeft", "submittedOn" };
			for (int c = 0; c < columns.length; c++) {
				header.createCell(c).setCellValue(text(messages, "recognition.dossier.col." + columns[c]));
				header.getCell(c).setCellStyle(bold);
			}
			for (DossierSummaryLine line : lines) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(line.unitName());
				row.createCell(1).setCellValue(line.titleName());
				row.createCell(2).setCellValue(line.summary().year());
				row.createCell(3).setCellValue(text(messages, "recognition.dossier.state." + line.summary().state()));
				row.createCell(4).setCellValue(line.summary().stepName() == null ? "" : line.summary().stepName());
				row.createCell(5).setCellValue(line.officeName() == null ? "" : line.officeName());
				row.createCell(6)
					.setCellValue(line.summary().stepDue() != null ? VnFormat.date(line.summary().stepDue())
							: line.summary().stepName() == null ? "" : text(messages, "recognition.dossier.noDue"));
				if (line.daysLeft() != null) {
					row.createCell(7).setCellValue(line.daysLeft());
				}
				row.createCell(8)
					.setCellValue(
							line.summary().submittedOn() == null ? "" : VnFormat.date(line.summary().submittedOn()));
			}
			for (int c = 0; c < columns.length; c++) {
				sheet.setColumnWidth(c, c < 2 ? 40 * 256 : 18 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(MessageSource messages, String key) {
		return messages.getMessage(key, null, key, VI);
	}

}
