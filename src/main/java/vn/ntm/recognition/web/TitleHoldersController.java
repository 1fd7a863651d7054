package vn.ntm.recognition.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitleView;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.recognition.TitleAward;
import vn.ntm.recognition.Titles;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * Which units below a unit held which title on a date
 * ({@code /units/{id}/titles?at=dd/MM/yyyy&title=XA_NTM}), the units as the boundaries
 * stood that day; as a page and as an .xlsx. The facade checks access and keeps to the
 * units the reader may open.
 */
@Controller
class TitleHoldersController {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final Titles titles;

	private final UnitManagement units;

	private final CriteriaCatalog catalog;

	private final MessageSource messages;

	TitleHoldersController(Titles titles, UnitManagement units, CriteriaCatalog catalog, MessageSource messages) {
		this.titles = titles;
		this.units = units;
		this.catalog = catalog;
		this.messages = messages;
	}

	/** A unit holding a title, with where it lay. */
	record Holder(UnitRef unit, String location, TitleAward award) {
	}

	@GetMapping("/units/{id}/titles")
	String page(@PathVariable long id, @RequestParam(required = false) @Nullable String at,
			@RequestParam(required = false) @Nullable String title, Model model) {
		LocalDate day = day(at);
		String code = VnText.blankToNull(title);
		List<Holder> holders = holders(id, code, day);
		UnitRef unit = units.find(id, day).orElseGet(() -> units.details(id, day).version());
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", unit.fullName());
		model.addAttribute("at", day);
		model.addAttribute("title", code);
		model.addAttribute("titles", catalog.titles().stream().filter(t -> t.unitLevel() > unit.level()).toList());
		model.addAttribute("holders", holders);
		return "recognition/title-holders";
	}

	@GetMapping("/units/{id}/titles.xlsx")
	void xlsx(@PathVariable long id, @RequestParam(required = false) @Nullable String at,
			@RequestParam(required = false) @Nullable String title, HttpServletResponse response) throws IOException {
		LocalDate day = day(at);
		String code = VnText.blankToNull(title);
		List<Holder> holders = holders(id, code, day);
		String unitName = units.find(id, day).orElseGet(() -> units.details(id, day).version()).fullName();
		String heading = text("recognition.titles.holders.title", unitName) + " — "
				+ text("recognition.titles.holders.intro", VnFormat.date(day));
		String ascii = ("danh-hieu-" + VnText.searchKey(unitName) + "-" + day).replaceAll("[^A-Za-z0-9_.-]+", "-")
				+ ".xlsx";
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("Danh hiệu - " + unitName + " - " + VnFormat.date(day).replace('/', '-') + ".xlsx",
							StandardCharsets.UTF_8)
					.build()
					.toString()
					.replace("filename*=", "filename=\"" + ascii + "\"; filename*="));
		write(holders, heading, response.getOutputStream());
	}

	private List<Holder> holders(long id, @Nullable String code, LocalDate day) {
		if (code != null && catalog.titles().stream().map(TitleView::code).noneMatch(code::equals)) {
			throw new BusinessRuleException("catalog.title.unknown", code);
		}
		List<TitleAward> held = titles.heldBelow(id, code, day);
		Map<Long, UnitRef> byId = new HashMap<>();
		units.descendants(id, day).forEach(u -> byId.put(u.id(), u));
		held.stream()
			.map(TitleAward::unitId)
			.filter(u -> !byId.containsKey(u))
			.distinct()
			.forEach(u -> units.find(u, day).ifPresent(v -> byId.put(u, v)));
		List<UnitRef> versions = held.stream()
			.map(a -> byId.get(a.unitId()))
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList();
		Map<Long, String> locations = versions.isEmpty() ? Map.of() : units.locations(versions);
		return held.stream()
			.filter(a -> byId.containsKey(a.unitId()))
			.map(a -> new Holder(byId.get(a.unitId()), locations.getOrDefault(a.unitId(), ""), a))
			.toList();
	}

	private void write(List<Holder> holders, String heading, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(text("recognition.titles.sheet"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Cell top = sheet.createRow(0).createCell(0);
			top.setCellValue(heading);
			top.setCellStyle(bold);
			String[] headers = { "recognition.titles.col.unit", "recognition.titles.col.location",
					"recognition.titles.col.title", "recognition.titles.col.year", "recognition.titles.col.decision",
					"recognition.titles.col.decidedOn", "recognition.titles.col.issuer",
					"recognition.titles.col.source" };
			Row header = sheet.createRow(2);
			for (int i = 0; i < headers.length; i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(text(headers[i]));
				cell.setCellStyle(bold);
			}
			int r = 3;
			for (Holder h : holders) {
				Row row = sheet.createRow(r++);
				TitleAward a = h.award();
				row.createCell(0).setCellValue(h.unit().fullName());
				row.createCell(1).setCellValue(h.location());
				row.createCell(2).setCellValue(a.titleName());
				row.createCell(3).setCellValue(a.year());
				row.createCell(4).setCellValue(a.decisionNumber() == null ? "" : a.decisionNumber());
				row.createCell(5).setCellValue(a.decidedOn() == null ? "" : VnFormat.date(a.decidedOn()));
				row.createCell(6).setCellValue(a.issuer() == null ? "" : a.issuer());
				row.createCell(7).setCellValue(a.source() == null ? "" : a.source());
			}
			Row total = sheet.createRow(r + 1);
			total.createCell(0).setCellValue(text("recognition.titles.holders.count", VnFormat.number(holders.size())));
			sheet.createFreezePane(1, 3);
			for (int i = 0; i < 3; i++) {
				sheet.setColumnWidth(i, 40 * 256);
			}
			workbook.write(out);
		}
	}

	private static LocalDate day(@Nullable String at) {
		if (at == null || at.isBlank()) {
			return VnFormat.today();
		}
		return VnFormat.parseDate(at.strip())
			.orElseThrow(
					() -> new BusinessRuleException("error.date.invalid", "recognition.titles.holders.at", at.strip()));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
