package vn.ntm.targets.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.ntm.shared.VnFormat;
import vn.ntm.targets.GoalProgress;
import vn.ntm.targets.GoalRegistryEntry;

/**
 * A parent unit's goals at a date as .xlsx in the page's language: one row per goal with
 * its figures (numbers as numbers), status, reasons and flags; the registry on a second
 * sheet.
 */
final class GoalWorkbook {

	private GoalWorkbook() {
	}

	static void write(String unitName, java.time.LocalDate at, List<GoalProgress> goals,
			List<GoalRegistryEntry> registry, GoalText text, MessageSource m, Locale locale, OutputStream out) {
		try (SXSSFWorkbook book = new SXSSFWorkbook()) {
			SXSSFSheet sheet = book.createSheet(t(m, locale, "targets.xlsx.sheet"));
			int r = 0;
			sheet.createRow(r++).createCell(0).setCellValue(t(m, locale, "targets.goals.title", unitName));
			sheet.createRow(r++).createCell(0).setCellValue(t(m, locale, "targets.goals.at") + " " + VnFormat.date(at));
			header(sheet.createRow(r++), t(m, locale, "targets.goal.field.label"),
					t(m, locale, "targets.goal.field.kind"), t(m, locale, "targets.goals.due"),
					t(m, locale, "targets.goals.value"), t(m, locale, "targets.goals.target"),
					t(m, locale, "targets.goals.projected"), t(m, locale, "targets.goals.base"),
					t(m, locale, "targets.xlsx.status"), t(m, locale, "targets.goals.reasons"),
					t(m, locale, "targets.goals.flags"), t(m, locale, "targets.goals.source"));
			for (GoalProgress p : goals) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(p.goal().label());
				row.createCell(1).setCellValue(t(m, locale, "targets.goal.kind." + p.goal().measure().kind()));
				row.createCell(2).setCellValue(VnFormat.date(p.goal().dueOn()));
				row.createCell(3).setCellValue(p.value().doubleValue());
				row.createCell(4).setCellValue(p.target().doubleValue());
				if (p.projected() != null) {
					row.createCell(5).setCellValue(p.projected().doubleValue());
				}
				if (p.base() != null) {
					row.createCell(6).setCellValue(p.base());
				}
				row.createCell(7).setCellValue(text.status(p, locale));
				row.createCell(8).setCellValue(String.join(" ", text.texts(p.reasons(), locale)));
				row.createCell(9).setCellValue(String.join(" ", text.texts(p.flags(), locale)));
				row.createCell(10).setCellValue(p.goal().source() == null ? "" : p.goal().source());
			}
			SXSSFSheet entries = book.createSheet(t(m, locale, "targets.xlsx.registry"));
			int e = 0;
			header(entries.createRow(e++), t(m, locale, "targets.xlsx.unit"),
					t(m, locale, "targets.registry.field.kind"), t(m, locale, "targets.registry.field.quantity"),
					t(m, locale, "targets.registry.field.measure"), t(m, locale, "targets.registry.field.entryDate"),
					t(m, locale, "targets.registry.field.note"), t(m, locale, "targets.registry.field.source"));
			for (GoalRegistryEntry entry : registry) {
				Row row = entries.createRow(e++);
				row.createCell(0).setCellValue(entry.unitName());
				row.createCell(1).setCellValue(t(m, locale, entry.kind().messageKey()));
				row.createCell(2).setCellValue(entry.quantity().doubleValue());
				row.createCell(3).setCellValue(entry.measure());
				row.createCell(4).setCellValue(VnFormat.date(entry.entryDate()));
				row.createCell(5).setCellValue(entry.note() == null ? "" : entry.note());
				row.createCell(6).setCellValue(entry.source() == null ? "" : entry.source());
			}
			book.write(out);
			book.dispose();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void header(Row row, String... names) {
		for (int i = 0; i < names.length; i++) {
			row.createCell(i).setCellValue(names[i]);
		}
	}

	private static String t(MessageSource m, Locale locale, String key, Object... args) {
		return m.getMessage(key, args, locale);
	}

}
