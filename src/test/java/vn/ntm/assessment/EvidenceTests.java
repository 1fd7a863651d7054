package vn.ntm.assessment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence files of an assessment: bytes back as uploaded and stored once per content on
 * disk, refusals by size, content and emptiness that name the file, nothing for another
 * commune, nothing changed once the assessment is submitted, every upload and deletion
 * audited, and the section of the evaluation page. The test profile limits files to 1 MB.
 */
@IntegrationTest
class EvidenceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	EvidenceFiles evidence;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@LocalServerPort
	int port;

	long ntm;

	long nangCao;

	UnitRef tamPhu;

	UserView officer;

	RequestPostProcessor tamPhuOfficer;

	RequestPostProcessor otherCommune;

	@BeforeEach
	void setUp() {
		ntm = set("QD318_XA_NTM");
		nangCao = set("QD318_XA_NTM_NC");
		tamPhu = data.unit("20389", TestData.BEFORE_REFORM);
		officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20389");
		tamPhuOfficer = httpBasic(officer.username(), TestData.PASSWORD);
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "02314");
		otherCommune = httpBasic(other.username(), TestData.PASSWORD);
	}

	long set(String code) {
		return SystemTask.call(() -> catalog.sets())
			.stream()
			.filter(s -> s.code().equals(code) && s.isPublished())
			.map(SetSummary::id)
			.findFirst()
			.orElseThrow();
	}

	/** Opens an assessment of Tam Phú (or finds the one a previous test opened). */
	long assessment(long setId, int year) throws Exception {
		List<Long> existing = jdbc.sql("select id from assessment where unit_id = :u and set_id = :s and year = :y")
			.param("u", tamPhu.id())
			.param("s", setId)
			.param("y", year)
			.query(Long.class)
			.list();
		if (!existing.isEmpty()) {
			return existing.get(0);
		}
		String created = mvc
			.perform(post("/api/v1/assessments").with(tamPhuOfficer)
				.contentType("application/json")
				.content("{\"unitId\": " + tamPhu.id() + ", \"setId\": " + setId + ", \"year\": " + year + "}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
	}

	static byte[] pdf(String text) {
		String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + text
				+ "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
		return body.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0x2e7d32);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static byte[] xlsx() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("Minh chứng").createRow(0).createCell(0).setCellValue("Tỷ lệ hộ nghèo đa chiều");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	String upload(long assessmentId, MockMultipartFile file, String criterion) throws Exception {
		return mvc
			.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file)
				.param("criterion", criterion)
				.param("note", "Bản chụp văn bản gốc")
				.with(tamPhuOfficer))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static long id(String json) {
		return Long.parseLong(json.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
	}

	@Test
	void shouldGiveBackTheSameBytesAndStoreEachContentOnce() throws Exception {
		long assessmentId = assessment(ntm, 2021);
		byte[] bytes = pdf("Biên bản " + System.nanoTime());
		String name = "Biên bản họp thôn Đồng Trì — tiêu chí 17.pdf";
		String json = upload(assessmentId, file(name, bytes), "17");
		assertThat(json).contains("\"sha256\":\"" + sha256(bytes) + "\"", "\"contentType\":\"application/pdf\"",
				"\"fileName\":\"" + name + "\"", "\"criterionNumber\":\"17\"", "\"size\":" + bytes.length);
		long first = id(json);

		byte[] back = mvc.perform(get("/api/v1/evidence/{id}/content", first).with(tamPhuOfficer))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition",
					allOf(containsString("attachment"), containsString("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().stringValues("Content-Security-Policy", "sandbox"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(back).isEqualTo(bytes);
		assertThat(sha256(back)).isEqualTo(sha256(bytes));
		// the preview shows PDF inline under the application's own policy (Chromium shows
		// a
		// sandboxed PDF blank)
		mvc.perform(get("/evidence/{id}", first).param("inline", "true").with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("inline")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("sandbox"))))
			.andExpect(header().string("Content-Security-Policy", containsString("object-src 'self'")));

		// the same content under another name: a second record, one file on disk
		long second = id(upload(assessmentId, file("ban-sao.pdf", bytes), ""));
		Path stored = SystemTask.call(() -> {
			try {
				return evidence.open(second).content().getFile().toPath();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(stored.getFileName().toString()).isEqualTo(sha256(bytes));
		assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
		Path root = stored.getParent().getParent().getParent();
		String hash = sha256(bytes);
		try (Stream<Path> files = Files.walk(root)) {
			assertThat(files.filter(p -> p.getFileName().toString().equals(hash))).hasSize(1);
		}
		try (Stream<Path> incoming = Files.list(root.resolve("incoming"))) {
			assertThat(incoming).isEmpty();
		}

		// an .xlsx written by POI and a PNG are taken for what they are
		String sheet = upload(assessmentId, file("Số liệu hộ nghèo.xlsx", xlsx()), "11");
		assertThat(sheet)
			.contains("\"contentType\":\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"");
		assertThat(upload(assessmentId, file("ảnh nhà văn hóa.png", png()), "6"))
			.contains("\"contentType\":\"image/png\"");

		// an indicator alone gives its criterion; an indicator of another criterion is
		// refused
		mvc.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file("nước sạch.pdf", bytes))
			.param("indicator", "17.1")
			.with(tamPhuOfficer))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.criterionNumber").value("17"))
			.andExpect(jsonPath("$.indicatorCode").value("17.1"));
		mvc.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file("nước sạch.pdf", bytes))
			.param("criterion", "1")
			.param("indicator", "17.1")
			.with(tamPhuOfficer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Chỉ tiêu 17.1 không thuộc tiêu chí 1."));
		mvc.perform(get("/api/v1/evidence/{id}/content", Long.MAX_VALUE).with(tamPhuOfficer))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("Không tìm thấy tệp minh chứng")));

		mvc.perform(get("/api/v1/assessments/{id}/evidence", assessmentId).with(tamPhuOfficer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(5)))
			.andExpect(jsonPath("$[0].fileName").value(name));

		// deleting keeps the file on disk and both steps in the audit
		mvc.perform(delete("/api/v1/evidence/{id}", first).with(tamPhuOfficer)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/assessments/{id}/evidence", assessmentId).with(tamPhuOfficer))
			.andExpect(jsonPath("$", hasSize(4)));
		mvc.perform(get("/api/v1/evidence/{id}/content", first).with(tamPhuOfficer)).andExpect(status().isNotFound());
		assertThat(Files.exists(stored)).isTrue();
		List<String> actions = jdbc
			.sql("select action || ' ' || actor from audit_event where entity_type = 'assessment_evidence'"
					+ " and entity_id = :id order by id")
			.param("id", String.valueOf(first))
			.query(String.class)
			.list();
		assertThat(actions).containsExactly("CREATE " + officer.username(), "DELETE " + officer.username());
		String summary = jdbc
			.sql("select summary from audit_event where entity_type = 'assessment_evidence' and entity_id = :id"
					+ " and action = 'DELETE'")
			.param("id", String.valueOf(first))
			.query(String.class)
			.single();
		assertThat(summary).contains(name);
	}

	@Test
	void shouldNameFilesByTheirRealTypeWithoutInvisibleCharacters() throws Exception {
		long assessmentId = assessment(ntm, 2024);
		byte[] bytes = pdf("Báo cáo " + System.nanoTime());
		// a PDF sent as .html is stored, listed and downloaded as .pdf
		long disguised = id(upload(assessmentId, file("bao-cao.html", bytes), "17"));
		mvc.perform(get("/api/v1/evidence/{id}/content", disguised).with(tamPhuOfficer))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition",
					allOf(containsString("bao-cao.pdf"), not(containsString(".html")))));
		mvc.perform(get("/api/v1/assessments/{id}/evidence", assessmentId).with(tamPhuOfficer))
			.andExpect(jsonPath("$[?(@.id == " + disguised + ")].fileName").value("bao-cao.pdf"));
		assertThat(jdbc
			.sql("select summary from audit_event where entity_type = 'assessment_evidence'"
					+ " and entity_id = :id and action = 'CREATE'")
			.param("id", String.valueOf(disguised))
			.query(String.class)
			.single()).contains("\"bao-cao.pdf\"", "gửi lên với tên \"bao-cao.html\"");
		// a right-to-left override would show "<RLO>fdp.exe" as "exe.pdf"; invisible
		// characters go, other spaces become plain ones
		assertThat(upload(assessmentId, file("\u202Efdp.exe", bytes), "17")).contains("\"fileName\":\"fdp.pdf\"");
		assertThat(upload(assessmentId,
				file("Quyết\u200B định\u00A0\u2066320\u2069\u202A.2024\u202C\u200E\u200F\u2067\u2068\u202B\u202D\uFEFF",
						bytes),
				"17"))
			.contains("\"fileName\":\"Quyết định 320.2024.pdf\"");
		// an image saved as .jpg that is a PNG; a name with the right extension in
		// capitals is kept
		assertThat(upload(assessmentId, file("ảnh nhà văn hóa.jpg", png()), "6"))
			.contains("\"fileName\":\"ảnh nhà văn hóa.png\"");
		assertThat(upload(assessmentId, file("BIÊN BẢN.PDF", bytes), "17")).contains("\"fileName\":\"BIÊN BẢN.PDF\"");
		// a name made only of invisible characters is no name
		mvc.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file("\u202E\u200B\u2066", bytes))
			.with(tamPhuOfficer)).andExpect(status().isUnprocessableContent());
	}

	@Test
	void shouldPutRightTheNamesStoredBeforeTheRule() throws Exception {
		long assessmentId = assessment(ntm, 2024);
		byte[] bytes = pdf("Cũ " + System.nanoTime());
		long stored = id(upload(assessmentId, file("cu.pdf", bytes), "17"));
		long image = id(upload(assessmentId, file("anh-cu.png", png()), "6"));
		// as an upload of before the rule left them
		jdbc.sql("update assessment_evidence set file_name = :name where id = :id")
			.param("name", "\u202Ebao-cao-cu.html")
			.param("id", stored)
			.update();
		jdbc.sql("update assessment_evidence set file_name = :name where id = :id")
			.param("name", "QĐ 320.2024")
			.param("id", image)
			.update();
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/assessment/V60__evidence_file_names.sql"))
			.execute(dataSource);
		assertThat(jdbc.sql("select file_name from assessment_evidence where id in (:ids) order by id")
			.param("ids", List.of(stored, image))
			.query(String.class)
			.list()).containsExactly("bao-cao-cu.pdf", "QĐ 320.2024.png");
	}

	@Test
	void shouldRefuseFilesTooLargeOfAnotherKindOrEmptyNamingThem() throws Exception {
		long assessmentId = assessment(nangCao, 2021);
		byte[] large = new byte[1024 * 1024 + 1];
		Arrays.fill(large, (byte) 'a');
		System.arraycopy(pdf("x"), 0, large, 0, pdf("x").length);
		mvc.perform(
				multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file("Bản đồ quy hoạch.pdf", large))
					.with(tamPhuOfficer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(
					jsonPath("$.detail").value(allOf(containsString("Bản đồ quy hoạch.pdf"), containsString("1 MB"))));
		mvc.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId)
			.file(file("ghi chú.pdf", "Đây chỉ là một tệp văn bản.\n".getBytes(StandardCharsets.UTF_8)))
			.with(tamPhuOfficer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(allOf(containsString("ghi chú.pdf"), containsString("text/plain"))));
		mvc.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file("trống.pdf", new byte[0]))
			.with(tamPhuOfficer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(allOf(containsString("trống.pdf"), containsString("rỗng"))));
		// a zip that is no Office document is not a .docx because of its name
		mvc.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file("báo cáo.docx", zip()))
			.with(tamPhuOfficer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("application/zip")));
		mvc.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file("a.pdf", pdf("a")))
			.param("criterion", "99")
			.with(tamPhuOfficer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("99")));
		mvc.perform(get("/api/v1/assessments/{id}/evidence", assessmentId).with(tamPhuOfficer))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void shouldAnswer413WhenTheServletRefusesTheUploadBeforeTheApplication() throws Exception {
		long assessmentId = assessment(ntm, 2021);
		String boundary = "----ntm" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lớn.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		long size = 21L * 1024 * 1024;
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/assessments/" + assessmentId + "/evidence"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((officer.username() + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
					Collections.enumeration(List.of(new ByteArrayInputStream(head), new InputStream() {
						long left = size;

						@Override
						public int read() {
							return left-- > 0 ? 'a' : -1;
						}

						@Override
						public int read(byte[] b, int off, int len) {
							if (left <= 0) {
								return -1;
							}
							int n = (int) Math.min(len, left);
							Arrays.fill(b, off, off + n, (byte) 'a');
							left -= n;
							return n;
						}
					}, new ByteArrayInputStream(tail))))))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("20 MB");
	}

	@Test
	void shouldAnswer413NamingTheLimitWhenAPageFormUploadIsFarTooLarge() throws Exception {
		long assessmentId = assessment(ntm, 2021);
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String base = "http://localhost:" + port;
		// a browser's session: the login form, then a page for the CSRF token of the
		// session
		String loginPage = client
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.body();
		String form = "username=" + officer.username() + "&password=" + TestData.PASSWORD + "&_csrf="
				+ csrfToken(loginPage);
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		String home = client
			.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.body();
		String boundary = "----ntm" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken(home)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"criterion\"\r\n\r\n17\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bản đồ lớn.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = client.send(HttpRequest
			.newBuilder(URI.create(base + "/assessments/" + assessmentId + "/evidence"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List
				.of(new ByteArrayInputStream(head), filler(50L * 1024 * 1024), new ByteArrayInputStream(tail))))))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("Tệp quá lớn")
			.contains("Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép (20 MB).");
	}

	static String csrfToken(String html) {
		java.util.regex.Matcher token = java.util.regex.Pattern
			.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"")
			.matcher(html);
		assertThat(token.find()).as("CSRF token in the page").isTrue();
		return token.group(1);
	}

	static InputStream filler(long size) {
		return new InputStream() {
			long left = size;

			@Override
			public int read() {
				return left-- > 0 ? 'a' : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (left <= 0) {
					return -1;
				}
				int n = (int) Math.min(len, left);
				Arrays.fill(b, off, off + n, (byte) 'a');
				left -= n;
				return n;
			}
		};
	}

	@Test
	void shouldWriteSizesAsPeopleReadThem() {
		assertThat(EvidenceView.bytes(850)).isEqualTo("850 B");
		assertThat(EvidenceView.bytes(12_800)).isEqualTo("12,5 KB");
		assertThat(EvidenceView.bytes(1_258_291)).isEqualTo("1,2 MB");
		assertThat(EvidenceView.bytes(20L * 1024 * 1024)).isEqualTo("20 MB");
	}

	static byte[] zip() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("a.txt"));
			zip.write("a".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	@Test
	void shouldKeepAnotherCommuneOut() throws Exception {
		long assessmentId = assessment(ntm, 2024);
		long id = id(upload(assessmentId, file("tờ trình.pdf", pdf("tờ trình " + System.nanoTime())), ""));
		mvc.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file("x.pdf", pdf("x")))
			.with(otherCommune)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/assessments/{id}/evidence", assessmentId).with(otherCommune))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/evidence/{id}/content", id).with(otherCommune)).andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/evidence/{id}", id).with(otherCommune)).andExpect(status().isForbidden());
	}

	@Test
	void shouldRefuseChangesOnceTheAssessmentIsSubmitted() throws Exception {
		long assessmentId = assessment(ntm, 2022);
		long id = id(upload(assessmentId, file("quyết định.pdf", pdf("qđ " + System.nanoTime())), "1"));
		jdbc.sql("update assessment set status = 'SUBMITTED' where id = :id").param("id", assessmentId).update();
		mvc.perform(multipart("/api/v1/assessments/{id}/evidence", assessmentId).file(file("muộn.pdf", pdf("muộn")))
			.with(tamPhuOfficer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("Đã nộp, chờ kiểm tra")));
		mvc.perform(delete("/api/v1/evidence/{id}", id).with(tamPhuOfficer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("không sửa được")));
		// still readable, and the page offers neither upload nor delete
		mvc.perform(get("/api/v1/assessments/{id}/evidence", assessmentId).with(tamPhuOfficer))
			.andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(get("/units/{id}/evaluation", tamPhu.id()).param("set", String.valueOf(ntm))
			.param("year", "2022")
			.with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("quyết định.pdf"), containsString("Kỳ đánh giá không ở trạng thái được sửa"),
							not(containsString("id=\"evidence-file\"")), not(containsString("/delete")))));
	}

	@Test
	void shouldShowTheSectionOnTheEvaluationPageAndUploadThroughIt() throws Exception {
		long assessmentId = assessment(nangCao, 2022);
		String page = "/units/" + tamPhu.id() + "/evaluation?set=" + nangCao + "&year=2022";
		mvc.perform(get(page).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Hồ sơ minh chứng"), containsString("Chưa có tệp minh chứng nào."),
						containsString("id=\"evidence-file\""), containsString("Tiêu chí 17: "))));
		byte[] bytes = new byte[900 * 1024];
		byte[] head = pdf("báo cáo");
		System.arraycopy(head, 0, bytes, 0, head.length);
		// the plain form: saved, back to the page
		mvc.perform(multipart("/assessments/{id}/evidence", assessmentId).file(file("Báo cáo môi trường.pdf", bytes))
			.param("criterion", "17")
			.param("note", "Bản có dấu đỏ")
			.with(user(officer.username()))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/evaluation?set=" + nangCao + "&year=2022")));
		// htmx: the section alone, with the refusal in it
		mvc.perform(multipart("/assessments/{id}/evidence", assessmentId).file(file("ghi chú.pdf", "chữ".getBytes()))
			.header("HX-Request", "true")
			.with(user(officer.username()))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"evidence\""), containsString("ghi chú.pdf"),
					containsString("text/plain"), containsString("Báo cáo môi trường.pdf"),
					not(containsString("<html")))));
		mvc.perform(get(page).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Báo cáo môi trường.pdf"), containsString("900 KB"),
					containsString(sha256(bytes).substring(0, 12)), containsString("Bản có dấu đỏ"),
					containsString("inline=true"), containsString("/delete"))));
	}

}
