package vn.ntm.recognition.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.ntm.recognition.RevocationRisk;
import vn.ntm.recognition.RiskList;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.VnFormat;

/**
 * The revocation-risk list as an .xlsx in Vietnamese: one row per unit and title, the
 * units crossing the shares first, then those whose undecided criteria could.
 */
final class RiskWorkbook {

	private static final Locale VI = Locale.forLanguageTag("vi");

	static final String[] COLUMNS = { "recognition.risk.col.unit", "recognition.risk.col.title",
			"recognition.risk.col.result", "recognition.risk.col.failing", "recognition.risk.col.share",
			"recognition.risk.col.criteria", "recognition.risk.col.rule", "recognition.risk.col.outcome" };

	private RiskWorkbook() {
	}

	static void write(RiskList list, MessageSource messages, OutputStream out) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
			SXSSFSheet sheet = workbook.createSheet(text(messages, "recognition.risk.sheet"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			int r = 0;
			cell(sheet.createRow(r++), 0, messages.getMessage("recognition.risk.heading",
					new Object[] { list.parentName(), VnFormat.date(list.at()) }, VI), bold);
			Row header = sheet.createRow(r++);
			for (int c = 0; c < COLUMNS.length; c++) {
				cell(header, c, text(messages, COLUMNS[c]), bold);
			}
			r = rows(sheet, r, list.crossing(), messages);
			r = rows(sheet, r, list.undecided(), messages);
			if (list.crossing().isEmpty() && list.undecided().isEmpty()) {
				sheet.createRow(r)
					.createCell(0)
					.setCellValue(messages.getMessage("recognition.risk.none",
							new Object[] { String.valueOf(list.holders()) }, VI));
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int rows(SXSSFSheet sheet, int r, List<RevocationRisk> risks, MessageSource messages) {
		for (RevocationRisk risk : risks) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(risk.unitName());
			row.createCell(1).setCellValue(risk.titleName());
			row.createCell(2)
				.setCellValue(
						risk.assessmentId() == null ? text(messages, "recognition.risk.noResult") : risk.resultLabel());
			row.createCell(3).setCellValue(risk.assessmentId() == null ? "" : risk.failing() + "/" + risk.total());
			row.createCell(4).setCellValue(risk.assessmentId() == null ? "" : risk.failingShare() + "%");
			row.createCell(5)
				.setCellValue(String.join("; ",
						risk.failingCriteria()
							.stream()
							.map(c -> c.label()
									+ (c.critical() ? " (" + text(messages, "recognition.risk.critical") + ")" : ""))
							.toList()));
			row.createCell(6)
				.setCellValue(String.join(" ",
						risk.reasons()
							.stream()
							.filter(x -> RevocationRiskController.RULES.contains(x.key()))
							.map(x -> LocalizedMessages.get(messages, x.key(), x.args().toArray(), VI))
							.toList()));
			row.createCell(7).setCellValue(text(messages, "engine.revocation.outcome." + risk.outcome().name()));
		}
		return r;
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static String text(MessageSource messages, String key) {
		return messages.getMessage(key, null, VI);
	}

}
