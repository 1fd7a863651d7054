package vn.ntm.seed;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.ntm.security.Role;

/**
 * The demo accounts, one per role, at the units of the seed plans. All share
 * {@link #PASSWORD}; they are listed in the README.
 */
final class DemoAccounts {

	static final String PASSWORD = "NtmDemo@2026";

	static final LocalDate BEFORE_REFORM = LocalDate.of(2024, 6, 30);

	static final LocalDate AFTER_REFORM = LocalDate.of(2025, 7, 1);

	private DemoAccounts() {
	}

	/**
	 * An account to create.
	 *
	 * @param unitCode the official code of the unit the account is bound to, as of
	 * {@code at}
	 */
	record Account(String username, String fullName, Role role, String organization, String unitCode, LocalDate at,
			Set<String> criteria) {
	}

	static List<Account> all() {
		return List.of(
				new Account("admin", "Quản trị hệ thống", Role.ADMIN, "Văn phòng Điều phối NTM Trung ương", "VN",
						AFTER_REFORM, Set.of()),
				new Account("quangnam", "Nguyễn Văn An", Role.PROVINCE_OFFICE, "Văn phòng Điều phối NTM tỉnh Quảng Nam",
						"49", BEFORE_REFORM, Set.of()),
				new Account("danang", "Trần Thị Bình", Role.PROVINCE_OFFICE,
						"Văn phòng Điều phối NTM thành phố Đà Nẵng", "48", AFTER_REFORM, Set.of()),
				new Account("tamky", "Lê Văn Cường", Role.DISTRICT_OFFICE, "Văn phòng NTM thành phố Tam Kỳ", "502",
						BEFORE_REFORM, Set.of()),
				new Account("tamthanh", "Phạm Thị Dung", Role.COMMUNE_OFFICER, "UBND xã Tam Thanh", "20359",
						BEFORE_REFORM, Set.of()),
				new Account("hungmy", "Hoàng Văn Đức", Role.COMMUNE_OFFICER, "BCĐ xã Hùng Mỹ", "02314", BEFORE_REFORM,
						Set.of()),
				new Account("xuanluong", "Vũ Thị Hà", Role.COMMUNE_OFFICER, "UBND xã Xuân Lương", "07249",
						BEFORE_REFORM, Set.of()),
				new Account("maidinh", "Đỗ Văn Hải", Role.COMMUNE_OFFICER, "UBND xã Mai Đình", "07885", BEFORE_REFORM,
						Set.of()),
				new Account("tanmy", "Nông Thị Lan", Role.COMMUNE_OFFICER, "UBND xã Tân Mỹ", "02308", AFTER_REFORM,
						Set.of()),
				new Account("soyte", "Bùi Văn Minh", Role.CRITERION_OFFICER, "Sở Y tế tỉnh Quảng Nam", "49",
						BEFORE_REFORM, Set.of("15")),
				new Account("xem", "Đặng Thị Ngọc", Role.VIEWER, "Ban Chỉ đạo tỉnh Tuyên Quang", "08", BEFORE_REFORM,
						Set.of()));
	}

}
