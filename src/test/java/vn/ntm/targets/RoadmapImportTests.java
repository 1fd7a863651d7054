package vn.ntm.targets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Roadmap imports from .xlsx as tracked runs: the template with its "Hướng dẫn" sheet; a
 * file with a bad row saves nothing and names each problem's sheet, row and column; a
 * good file saves every row; another unit's officer is refused.
 */
@IntegrationTest
class RoadmapImportTests {

	@Autowired
	RoadmapImports imports;

	@Autowired
	Roadmaps roadmaps;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	static byte[] file(List<List<String>> rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("Lộ trình");
			sheet.createRow(0).createCell(0).setCellValue("Mã đơn vị");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	RoadmapImports.ImportView finished(UserView user, UUID id) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> SystemTask.callAs(user.username(), () -> imports.find(id)).finished());
		return SystemTask.callAs(user.username(), () -> imports.find(id));
	}

	@Test
	void shouldSaveNothingFromAFileWithABadRowAndNameEachProblemsPlace() throws Exception {
		UnitRef commune = data.commune("502", "Xã Nhập Lộ Trình");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		String source = "KH của UBND xã năm 2024";
		byte[] bad = file(List.of(List.of(commune.code(), "", "XA_NTM", "2025", "", source, "30/05/2025"),
				List.of(commune.code(), "", "XA_NTM_NANG_CAO", "hai nghìn", "", source),
				List.of(commune.code(), "", "XA_KHONG_CO", "2026", "", source),
				List.of("20359", "", "XA_NTM", "2025", "", source)));

		// started in Vietnamese, as from a page
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
		UUID id;
		try {
			id = SystemTask.callAs(officer.username(), () -> imports.start(commune.id(), "lo-trinh.xlsx", bad));
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		RoadmapImports.ImportView rejected = finished(officer, id);

		assertThat(rejected.status()).isEqualTo("REJECTED");
		assertThat(rejected.problems()).hasSize(3);
		assertThat(rejected.problems().get(0)).startsWith("Sheet 'Lộ trình', dòng 3, cột D (Năm đạt chuẩn):");
		assertThat(rejected.problems().get(1)).startsWith("Sheet 'Lộ trình', dòng 4, cột C (Mã danh hiệu):")
			.contains("XA_KHONG_CO");
		assertThat(rejected.problems().get(2)).startsWith("Sheet 'Lộ trình', dòng 5, cột A (Mã đơn vị):");
		assertThat(SystemTask.callAs(officer.username(), () -> roadmaps.targetsOf(commune.id()))).isEmpty();

		byte[] good = file(List.of(List.of(commune.code(), "", "XA_NTM", "2025", "", source, "30/05/2025"),
				List.of(commune.code(), "", "XA_NTM_NANG_CAO", "2026", "", source)));
		UUID again = SystemTask.callAs(officer.username(), () -> imports.start(commune.id(), "lo-trinh.xlsx", good));
		RoadmapImports.ImportView done = finished(officer, again);
		assertThat(done.status()).as(done.toString()).isEqualTo("DONE");
		assertThat(done.saved()).isEqualTo(2);
		assertThat(SystemTask.callAs(officer.username(), () -> roadmaps.targetsOf(commune.id())))
			.extracting(RoadmapTarget::year)
			.containsExactly(2025, 2026);
	}

	@Test
	void shouldOfferTheTemplateWithItsGuideAndRefuseAnotherUnitsOfficer() throws Exception {
		UnitRef commune = data.commune("502", "Xã Nhập Lộ Trình");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");

		byte[] template = mvc
			.perform(get("/units/{id}/roadmap/import-template.xlsx", commune.id()).with(user(officer.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(book.getSheet("Lộ trình").getRow(0).getCell(3).getStringCellValue()).isEqualTo("Năm đạt chuẩn");
			assertThat(book.getSheet("Hướng dẫn").getRow(0).getCell(0).getStringCellValue())
				.contains("mỗi dòng của sheet \"Lộ trình\"");
		}
		MockMultipartFile upload = new MockMultipartFile("file", "lo-trinh.xlsx", "application/octet-stream",
				file(List.of(List.of(commune.code(), "", "XA_NTM", "2025", "", "KH xã"))));
		mvc.perform(multipart("/api/v1/units/{id}/roadmap/imports", commune.id()).file(upload)
			.with(user(other.username()))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/units/{id}/roadmap/imports", commune.id()).file(upload)
			.with(user(officer.username()))
			.with(csrf())).andExpect(status().isAccepted()).andExpect(jsonPath("$.id").exists());
	}

}
