package vn.ntm.orgunit.internal;

import java.util.List;
import java.util.Optional;

import vn.ntm.shared.VnText;

/**
 * The columns of a unit list file. Headers are matched without regard to case or
 * diacritics, in Vietnamese or English; other columns are ignored (the export adds some
 * for people to read).
 */
enum UnitFileColumns {

	CODE("Mã", List.of("ma", "ma don vi", "ma dvhc", "code")),

	NAME("Tên", List.of("ten", "ten don vi", "name")),

	TYPE("Loại", List.of("loai", "loai don vi", "type")),

	PARENT_CODE("Mã đơn vị cấp trên", List.of("ma don vi cap tren", "ma cap tren", "parent code", "parent_code")),

	VALID_FROM("Hiệu lực từ ngày",
			List.of("hieu luc tu ngay", "hieu luc tu", "ngay hieu luc", "valid from", "valid_from")),

	NOTE("Ghi chú", List.of("ghi chu", "note"));

	private final String header;

	private final List<String> aliases;

	UnitFileColumns(String header, List<String> aliases) {
		this.header = header;
		this.aliases = aliases;
	}

	/** The header the export writes and the template shows. */
	String header() {
		return header;
	}

	static Optional<UnitFileColumns> of(String header) {
		String key = VnText.searchKey(header).replace('_', ' ').replace("*", "").trim();
		for (UnitFileColumns column : values()) {
			if (column.aliases.contains(key) || column.aliases.contains(key.replace(' ', '_'))) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

	/** Columns a file must have. */
	static List<UnitFileColumns> required() {
		return List.of(NAME, TYPE, PARENT_CODE);
	}

}
