package vn.ntm.orgunit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTypeTests {

	@Test
	void shouldAllowCommunesUnderDistrictsAndUnderProvinces() {
		assertThat(UnitType.XA.mayBeChildOf(UnitType.HUYEN)).isTrue();
		assertThat(UnitType.PHUONG.mayBeChildOf(UnitType.THANH_PHO_TW)).isTrue();
		assertThat(UnitType.THON.mayBeChildOf(UnitType.XA)).isTrue();
		assertThat(UnitType.TINH.mayBeChildOf(UnitType.QUOC_GIA)).isTrue();
	}

	@Test
	void shouldRejectLevelsThatDoNotFit() {
		assertThat(UnitType.THON.mayBeChildOf(UnitType.HUYEN)).isFalse();
		assertThat(UnitType.HUYEN.mayBeChildOf(UnitType.XA)).isFalse();
		assertThat(UnitType.XA.mayBeChildOf(UnitType.XA)).isFalse();
		assertThat(UnitType.QUOC_GIA.mayBeChildOf(UnitType.TINH)).isFalse();
	}

	@Test
	void shouldReadTypesAsImportFilesWriteThem() {
		assertThat(UnitType.parse("Thôn", 4)).contains(UnitType.THON);
		assertThat(UnitType.parse("thon", 4)).contains(UnitType.THON);
		assertThat(UnitType.parse("Tổ dân phố", 4)).contains(UnitType.TO_DAN_PHO);
		assertThat(UnitType.parse("XA", 3)).contains(UnitType.XA);
		assertThat(UnitType.parse("Thị trấn", 3)).contains(UnitType.THI_TRAN);
		assertThat(UnitType.parse("Thành phố", 1)).contains(UnitType.THANH_PHO_TW);
		assertThat(UnitType.parse("Thành phố", 2)).contains(UnitType.THANH_PHO_THUOC_TINH);
		assertThat(UnitType.parse("làng", 4)).isEmpty();
	}

	@Test
	void shouldWriteOfficialFullNames() {
		assertThat(UnitType.XA.fullName("Tam Thanh")).isEqualTo("Xã Tam Thanh");
		assertThat(UnitType.TO_DAN_PHO.fullName("3")).isEqualTo("Tổ dân phố 3");
		assertThat(UnitType.QUOC_GIA.fullName("Việt Nam")).isEqualTo("Việt Nam");
	}

}
