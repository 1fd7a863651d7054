package vn.ntm.funding.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.ntm.funding.FundingSource;
import vn.ntm.funding.internal.ImportSheets.Column;
import vn.ntm.funding.internal.ImportSheets.Spec;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;

/**
 * The import template: a notes sheet (what each sheet and column means, the kinds of
 * capital lines, the sources with their codes, the unit and the units below it with their
 * codes) and one sheet per kind of row with its Vietnamese headers — the same
 * {@link ImportSheets} the import reads.
 */
@Component
class ImportTemplate {

	private static final List<String> NOTES = List.of(
			"Mẫu nhập kế hoạch vốn, công trình, phân bổ vốn và giải ngân (NTM Monitor)",
			"Dòng 1 của mỗi trang là tiêu đề cột: không sửa tiêu đề. Trang nào không dùng thì để trống.",
			"Cả tệp được lưu hoặc không dòng nào: nếu có lỗi, hệ thống liệt kê từng lỗi theo trang, dòng và cột.",
			"Đơn vị: ghi mã đơn vị (ví dụ 20359) hoặc tên (ví dụ Xã Tam Thanh, có hoặc không dấu); chỉ các đơn vị bạn được cập nhật.",
			"Đơn vị đã sáp nhập: ghi đơn vị cũ thì số liệu được ghi cho đơn vị kế thừa (như khi sắp xếp đơn vị).",
			"Nguồn vốn: ghi mã (NST, NSX…) hoặc tên nguồn như bảng dưới.",
			"Số tiền: đơn vị tính ghi trong tiêu đề cột, mặc định triệu đồng; có thể đổi tiêu đề thành (đồng) hoặc (tỷ đồng). Viết 1.234,5 hoặc nhập số.",
			"Ngày: dd/MM/yyyy (ví dụ 15/01/2024) hoặc ô kiểu ngày.",
			"Kế hoạch vốn — Loại: Kế hoạch (dự kiến), Giao vốn, Bổ sung, Cắt giảm, Chuyển nguồn (ghi Chuyển từ năm và Hạn giải ngân), Điều chuyển (ghi Đơn vị nhận, Số và Ngày quyết định). Mỗi dòng là một giao dịch được ghi thêm, không sửa số đã có.",
			"Công trình: Tên và Đơn vị bắt buộc; Mã dự án để phân bổ và giải ngân theo mã; Ngày quyết toán cần Ngày hoàn thành.",
			"Phân bổ vốn: vốn của công trình theo nguồn và năm (Mã dự án của trang Công trình hoặc công trình đã có).",
			"Giải ngân: không vượt số đã phân bổ cho công trình theo nguồn và năm vốn.");

	/** A province has some hundreds of units below it; more are not listed. */
	private static final int MAX_UNITS = 3_000;

	private final FundingService service;

	private final UnitManagement units;

	ImportTemplate(FundingService service, UnitManagement units) {
		this.service = service;
		this.units = units;
	}

	void write(long unitId, OutputStream out) {
		LocalDate today = service.today();
		List<UnitRef> refs = new ArrayList<>();
		units.find(unitId, today).ifPresent(u -> {
			refs.add(u);
			refs.addAll(units.descendants(unitId, today));
		});
		List<FundingSource> sources = service.sources();
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet notes = book.createSheet(ImportSheets.NOTES);
			int r = 0;
			for (String note : NOTES) {
				notes.createRow(r++).createCell(0).setCellValue(note);
			}
			notes.getRow(0).getCell(0).setCellStyle(bold);
			r++;
			Row sourceHeader = notes.createRow(r++);
			sourceHeader.createCell(0).setCellValue("Mã nguồn vốn");
			sourceHeader.createCell(1).setCellValue("Tên nguồn vốn");
			sourceHeader.getCell(0).setCellStyle(bold);
			sourceHeader.getCell(1).setCellStyle(bold);
			for (FundingSource s : sources) {
				if (s.active()) {
					Row row = notes.createRow(r++);
					row.createCell(0).setCellValue(s.code());
					row.createCell(1).setCellValue(s.name());
				}
			}
			r++;
			Row unitHeader = notes.createRow(r++);
			unitHeader.createCell(0).setCellValue("Mã đơn vị");
			unitHeader.createCell(1).setCellValue("Tên đơn vị");
			unitHeader.getCell(0).setCellStyle(bold);
			unitHeader.getCell(1).setCellStyle(bold);
			for (UnitRef u : refs.subList(0, Math.min(refs.size(), MAX_UNITS))) {
				Row row = notes.createRow(r++);
				row.createCell(0).setCellValue(u.code() == null ? "" : u.code());
				row.createCell(1).setCellValue(u.fullName());
			}
			notes.setColumnWidth(0, 20 * 256);
			notes.setColumnWidth(1, 70 * 256);
			for (Spec spec : ImportSheets.SPECS) {
				Sheet sheet = book.createSheet(spec.sheet());
				Row header = sheet.createRow(0);
				int c = 0;
				for (Column column : spec.columns()) {
					header.createCell(c).setCellValue(column.header() + (column.required() ? " *" : ""));
					header.getCell(c).setCellStyle(bold);
					sheet.setColumnWidth(c, Math.max(14, column.header().length() + 4) * 256);
					c++;
				}
				sheet.createFreezePane(0, 1);
			}
			book.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
