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
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.ntm.shared.VnFormat;

/**
 * A unit's assessment summary as an .xlsx in Vietnamese (the summary must have been made
 * in Vietnamese): the headline as label / value rows, the criteria not met with their
 * reasons, then the change since the previous year.
 */
final class SummaryWorkbook {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private SummaryWorkbook() {
	}

	static void write(AssessmentSummary s, MessageSource messages, OutputStream out) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
			SXSSFSheet sheet = workbook.createSheet(text(messages, "summary.xlsx.sheet"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			int r = 0;
			cell(sheet.createRow(r++), 0, messages.getMessage("summary.heading",
					new Object[] { s.unit(), s.set(), String.valueOf(s.year()) }, VI), bold);
			r++;
			r = pair(sheet, r, messages, "summary.field.unit", s.unit());
			r = pair(sheet, r, messages, "summary.field.set", s.set() + " — " + s.setName());
			r = pair(sheet, r, messages, "summary.field.year", String.valueOf(s.year()));
			r = pair(sheet, r, messages, "summary.field.asOf", VnFormat.date(s.asOf()));
			r = pair(sheet, r, messages, "summary.field.status",
					text(messages, s.status() == null ? "matrix.status.NONE" : "assessment.status." + s.status()));
			r = pair(sheet, r, messages, s.ofConditions() ? "evaluation.conditionsMet" : "summary.field.ratio",
					s.ratio());
			if (!s.ofConditions()) {
				r = pair(sheet, r, messages, "summary.field.notation", s.notation());
			}
			r = pair(sheet, r, messages, "summary.field.headline", s.headline());
			if (s.indicatorsTotal() > 0) {
				r = pair(sheet, r, messages, "summary.field.indicators", s.indicatorRatio());
			}
			r = pair(sheet, r, messages, "summary.field.title",
					(s.title() == null ? "" : s.title() + ": ") + s.titleOutcomeText());
			if (!s.titleReasons().isEmpty()) {
				r = pair(sheet, r, messages, "summary.field.titleReasons", String.join("; ", s.titleReasons()));
			}
			if (!s.appraised().isEmpty()) {
				r++;
				cell(sheet.createRow(r++), 0, text(messages, "summary.appraised.heading"), bold);
				for (AssessmentSummary.Appraised x : s.appraised()) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(x.number());
					row.createCell(1).setCellValue(x.name() == null ? "" : x.name());
					row.createCell(2)
						.setCellValue(messages.getMessage("summary.appraised.line",
								new Object[] { x.selfText(), x.appraisedText() }, VI));
					row.createCell(3).setCellValue(String.join("\n", x.reasons()));
				}
			}
			r++;
			cell(sheet.createRow(r++), 0, text(messages, "summary.unmet.heading"), bold);
			Row header = sheet.createRow(r++);
			cell(header, 0, text(messages, "summary.col.number"), bold);
			cell(header, 1, text(messages, "summary.col.criterion"), bold);
			cell(header, 2, text(messages, "summary.col.status"), bold);
			cell(header, 3, text(messages, "summary.col.reasons"), bold);
			for (AssessmentSummary.Unmet u : s.unmet()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(u.number());
				row.createCell(1)
					.setCellValue((u.name() == null ? "" : u.name())
							+ (u.condition() ? " (" + text(messages, "evaluation.condition") + ")" : ""));
				row.createCell(2).setCellValue(u.statusText());
				row.createCell(3).setCellValue(String.join("\n", u.reasons()));
			}
			if (s.unmet().isEmpty()) {
				sheet.createRow(r++)
					.createCell(0)
					.setCellValue(
							text(messages, s.ofConditions() ? "summary.unmet.noneConditions" : "summary.unmet.none"));
			}
			r++;
			cell(sheet.createRow(r++), 0, messages.getMessage("summary.change.heading",
					new Object[] { String.valueOf(s.previousYear()) }, VI), bold);
			AssessmentSummary.Change c = s.change();
			if (c == null) {
				sheet.createRow(r++)
					.createCell(0)
					.setCellValue(messages.getMessage("summary.change.none",
							new Object[] { String.valueOf(s.previousYear()), s.setCode() }, VI));
			}
			else {
				r = pair(sheet, r, messages, "summary.change.previous", c.set() + " — " + c.notationBefore());
				r = pair(sheet, r, messages, "summary.change.count", c.metBefore() + " → " + c.metNow());
				r = pair(sheet, r, messages, "summary.change.newlyMet", numbers(c.newlyMet()));
				r = pair(sheet, r, messages, "summary.change.noLongerMet", numbers(c.noLongerMet()));
				if (!c.values().isEmpty()) {
					Row h = sheet.createRow(r++);
					cell(h, 0, text(messages, "summary.col.number"), bold);
					cell(h, 1, text(messages, "summary.col.indicator"), bold);
					cell(h, 2, text(messages, "summary.col.before"), bold);
					cell(h, 3, text(messages, "summary.col.now"), bold);
					for (AssessmentSummary.ValueChange v : c.values()) {
						Row row = sheet.createRow(r++);
						row.createCell(0).setCellValue(v.indicator());
						row.createCell(1).setCellValue(v.name() == null ? "" : v.name());
						row.createCell(2).setCellValue(v.before());
						row.createCell(3).setCellValue(v.now());
					}
				}
			}
			sheet.setColumnWidth(0, 30 * 256);
			sheet.setColumnWidth(1, 40 * 256);
			sheet.setColumnWidth(2, 20 * 256);
			sheet.setColumnWidth(3, 80 * 256);
			workbook.write(out);
			workbook.dispose();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String numbers(java.util.List<AssessmentSummary.Criterion> criteria) {
		return criteria.isEmpty() ? "—"
				: criteria.stream().map(AssessmentSummary.Criterion::number).collect(Collectors.joining(", "));
	}

	private static int pair(SXSSFSheet sheet, int r, MessageSource messages, String key, String value) {
		Row row = sheet.createRow(r);
		row.createCell(0).setCellValue(text(messages, key));
		row.createCell(1).setCellValue(value);
		return r + 1;
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
