package vn.ntm.planning;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ntm.planning.AttachmentsTests.basic;
import static vn.ntm.planning.AttachmentsTests.file;
import static vn.ntm.planning.AttachmentsTests.id;
import static vn.ntm.planning.AttachmentsTests.pdf;
import static vn.ntm.planning.PlanningTests.as;

/**
 * The original document of a plan: a real PDF uploaded to the plan through the API and
 * the page's form, listed with the plan and given back byte for byte to the plan's
 * readers and to nobody else; only the editors of the plan's unit upload; a refused file
 * names the field "Văn bản gốc" and saves nothing.
 */
@IntegrationTest
class PlanDocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	UserView district;

	UserView otherCommune;

	long tamKy;

	@BeforeEach
	void setUp() {
		district = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		otherCommune = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
	}

	long plan() {
		return as(district, () -> planning.createPlan(new PlanForm(tamKy, "45/KH-UBND", null, "UBND thành phố Tam Kỳ",
				2026, 2026, TestData.unique("Kế hoạch có văn bản gốc "), null, null, null, null)));
	}

	int files(long planId) {
		return jdbc.sql("select count(*) from plan_attachment where plan_id = :plan")
			.param("plan", planId)
			.query(Integer.class)
			.single();
	}

	@Test
	void shouldKeepTheSignedPdfOfAPlanForItsReadersOnly() throws Exception {
		long planId = plan();
		byte[] signed = pdf("Ke hoach 45/KH-UBND da ky " + System.nanoTime());

		String json = mvc
			.perform(multipart("/api/v1/plans/{id}/documents", planId)
				.file(file("Kế hoạch 45-KH-UBND đã ký.pdf", signed))
				.with(basic(district)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.documents", hasSize(1)))
			.andExpect(jsonPath("$.documents[0].fileName").value("Kế hoạch 45-KH-UBND đã ký.pdf"))
			.andExpect(jsonPath("$.documents[0].contentType").value("application/pdf"))
			.andExpect(jsonPath("$.documents[0].size").value(signed.length))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long fileId = id(json, "$.documents[0].id");

		// listed with the plan, the page links it, and the bytes come back as sent
		mvc.perform(get("/api/v1/plans/{id}", planId).with(basic(district)))
			.andExpect(jsonPath("$.documents[0].id").value(fileId));
		mvc.perform(get("/plans/{id}", planId).with(user(district.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Kế hoạch 45-KH-UBND đã ký.pdf"),
					containsString("/plans/attachments/" + fileId), containsString("plan-document-form"))));
		byte[] back = mvc.perform(get("/api/v1/plans/attachments/{id}/content", fileId).with(basic(district)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(back).isEqualTo(signed);
		assertThat(mvc.perform(get("/plans/attachments/{id}", fileId).with(user(district.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray()).isEqualTo(signed);
		// not a file of a progress report
		mvc.perform(get("/api/v1/tasks/attachments/{id}/content", fileId).with(basic(district)))
			.andExpect(status().isNotFound());

		// a commune of another district neither uploads nor downloads
		mvc.perform(multipart("/api/v1/plans/{id}/documents", planId).file(file("khác.pdf", pdf("khac")))
			.with(basic(otherCommune))).andExpect(status().isForbidden());
		mvc.perform(multipart("/plans/{id}/documents", planId).file(file("khác.pdf", pdf("khac")))
			.with(user(otherCommune.username()))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/plans/attachments/{id}/content", fileId).with(basic(otherCommune)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/plans/attachments/{id}", fileId).with(user(otherCommune.username())))
			.andExpect(status().isForbidden());
		assertThat(files(planId)).isEqualTo(1);

		// the page's form adds a second file; each file is audited naming the plan
		mvc.perform(multipart("/plans/{id}/documents", planId).file(file("Phụ lục.pdf", pdf("phu luc")))
			.with(user(district.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(files(planId)).isEqualTo(2);
		assertThat(jdbc
			.sql("select a.summary from audit_event a join plan_attachment f on a.entity_id = f.id::text"
					+ " where a.entity_type = 'plan_attachment' and f.plan_id = :plan")
			.param("plan", planId)
			.query(String.class)
			.list()).hasSize(2).allSatisfy(summary -> assertThat(summary).contains("Kế hoạch có văn bản gốc"));
	}

	@Test
	void shouldRefuseATextFileNamedPdfNamingTheFieldAndSaveNothing() throws Exception {
		long planId = plan();
		mvc.perform(multipart("/api/v1/plans/{id}/documents", planId).file(file("Kế hoạch.pdf", pdf("dung")))
			.file(file("ghi chú.pdf", "Chỉ là chữ.\n".getBytes(StandardCharsets.UTF_8)))
			.with(basic(district)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(
					allOf(containsString("Văn bản gốc"), containsString("ghi chú.pdf"), containsString("text/plain"))));
		assertThat(files(planId)).isZero();
		// the page's form shows the refusal on the plan's page
		mvc.perform(multipart("/plans/{id}/documents", planId)
			.file(file("ghi chú.pdf", "Chỉ là chữ.\n".getBytes(StandardCharsets.UTF_8)))
			.with(user(district.username()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Văn bản gốc"), containsString("ghi chú.pdf"))));
		assertThat(files(planId)).isZero();
		mvc.perform(get("/plans/{id}", planId).with(user(district.username())))
			.andExpect(content().string(not(containsString("/plans/attachments/"))));
	}

}
