package vn.ntm.targets.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.ntm.shared.VnFormat;
import vn.ntm.targets.RoadmapBoard;
import vn.ntm.targets.RoadmapConflict;
import vn.ntm.targets.RoadmapStanding;

/**
 * The roadmap board as .xlsx in Vietnamese: a sheet "Lộ trình" (unit, title, year, plan,
 * status, reason: one line per target), a sheet "Bảng lộ trình" (units × years, each cell
 * the statuses), and a sheet "Xung đột" (the conflicts between plans).
 */
final class RoadmapWorkbooks {

	static final Locale VI = Locale.forLanguageTag("vi");

	private RoadmapWorkbooks() {
	}

	static byte[] board(RoadmapBoard board, MessageSource m) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet lines = book.createSheet(t(m, "targets.xlsx.sheet.lines"));
			int r = 0;
			lines.createRow(r++)
				.createCell(0)
				.setCellValue(t(m, "targets.board.title", board.parentName()) + " — "
						+ t(m, "targets.board.at", VnFormat.date(board.at())));
			header(lines.createRow(r++), t(m, "targets.col.unit"), t(m, "targets.col.title"), t(m, "targets.col.year"),
					t(m, "targets.col.plan"), t(m, "targets.col.dossierDue"), t(m, "targets.col.status"),
					t(m, "targets.col.reason"));
			for (RoadmapStanding s : board.standings()) {
				Row row = lines.createRow(r++);
				row.createCell(0).setCellValue(s.target().unitName());
				row.createCell(1).setCellValue(s.target().titleName());
				row.createCell(2).setCellValue(s.target().year());
				row.createCell(3).setCellValue(s.target().origin());
				row.createCell(4)
					.setCellValue(s.target().dossierDue() == null ? "" : VnFormat.date(s.target().dossierDue()));
				row.createCell(5).setCellValue(t(m, s.status().key()));
				row.createCell(6).setCellValue(s.reason());
			}
			Sheet grid = book.createSheet(t(m, "targets.xlsx.sheet.board"));
			r = 0;
			Row head = grid.createRow(r++);
			head.createCell(0).setCellValue(t(m, "targets.col.unit"));
			for (int i = 0; i < board.years().size(); i++) {
				head.createCell(i + 1).setCellValue(String.valueOf(board.years().get(i)));
			}
			for (RoadmapBoard.Row unit : board.rows()) {
				Row row = grid.createRow(r++);
				row.createCell(0).setCellValue(unit.unitName());
				for (int i = 0; i < unit.cells().size(); i++) {
					row.createCell(i + 1)
						.setCellValue(unit.cells()
							.get(i)
							.stream()
							.map(s -> s.target().titleName() + ": " + t(m, s.status().key()))
							.collect(Collectors.joining("; ")));
				}
			}
			Sheet conflicts = book.createSheet(t(m, "targets.xlsx.sheet.conflicts"));
			r = 0;
			header(conflicts.createRow(r++), t(m, "targets.col.unit"), t(m, "targets.col.title"),
					t(m, "targets.col.conflict"));
			for (RoadmapConflict c : board.conflicts()) {
				Row row = conflicts.createRow(r++);
				row.createCell(0).setCellValue(c.unitName());
				row.createCell(1).setCellValue(c.titleName());
				row.createCell(2).setCellValue(c.describe());
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void header(Row row, String... titles) {
		for (int i = 0; i < titles.length; i++) {
			row.createCell(i).setCellValue(titles[i]);
		}
	}

	private static String t(MessageSource m, String key, Object... args) {
		return m.getMessage(key, args, key, VI);
	}

}
