package vn.ntm.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VnTextTests {

	@Test
	void shouldFoldVietnameseToPlainLowerCase() {
		assertThat(VnText.searchKey("Xã Tam Thăng")).isEqualTo("xa tam thang");
		assertThat(VnText.searchKey("Hùng Mỹ")).isEqualTo("hung my");
		assertThat(VnText.searchKey("ĐỒNG  Tháp ")).isEqualTo("dong thap");
		assertThat(VnText.searchKey("Thừa Thiên Huế")).isEqualTo("thua thien hue");
	}

	@Test
	void shouldTreatComposedAndDecomposedInputAlike() {
		String composed = "Hòa";
		String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
		assertThat(VnText.searchKey(decomposed)).isEqualTo(VnText.searchKey(composed));
		assertThat(VnText.clean(decomposed)).isEqualTo(composed);
	}

	@Test
	void shouldEscapeLikeWildcards() {
		assertThat(VnText.likeEscape("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
	}

}
