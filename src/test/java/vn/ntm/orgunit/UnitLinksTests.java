package vn.ntm.orgunit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page never links to what its reader may not open: every link of the unit pages, trees
 * and breadcrumbs, followed as a commune officer and as a city officer (before and after
 * the reform), answers without 403.
 */
@IntegrationTest
class UnitLinksTests {

	private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

	/** Pages per reader: enough to cover the reader's units, their trees and history. */
	private static final int PAGES = 60;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UnitManagement units;

	@Test
	void shouldLinkACommuneOfficerOnlyToPagesTheyMayOpen() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		walk(officer, List.of("/units/" + tamThanh, "/units?root=" + tamThanh, "/units/" + tamThanh + "?at=01/07/2025",
				"/units?root=" + tamThanh + "&at=01/07/2025"));
	}

	@Test
	void shouldLinkTheOfficerOfANewCommuneOnlyToPagesTheyMayOpen() throws Exception {
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		long ward = SystemTask.call(() -> units.fate(tamThanh)).orElseThrow().successors().get(0).unit().id();
		String code = SystemTask.call(() -> units.find(ward, TestData.AFTER_REFORM)).orElseThrow().code();
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.AFTER_REFORM, code);
		walk(officer, List.of("/units/" + ward, "/units?root=" + ward, "/units/" + tamThanh, "/units/search?q=tam"));
	}

	@Test
	void shouldLinkACityOfficerOnlyToPagesTheyMayOpen() throws Exception {
		UserView officer = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		walk(officer, List.of("/units/" + tamKy, "/units?root=" + tamKy, "/units?root=" + tamKy + "&at=01/07/2025",
				"/units/search?q=tam"));
		// after its end, the city's tree offers the trees of what its communes became, as
		// text
		// where the officer may not open them
		mvc.perform(get("/units").param("root", String.valueOf(tamKy))
			.param("at", "01/07/2025")
			.with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("successor-trees")))
			.andExpect(content().string(containsString("Phường Quảng Phú")));
		mvc.perform(get("/units/search").param("q", "tam").with(user(officer.username())))
			.andExpect(content().string(containsString("search-limited")));
	}

	private void walk(UserView user, List<String> start) throws Exception {
		RequestPostProcessor who = user(user.username());
		Deque<String> pages = new ArrayDeque<>(start);
		Set<String> seen = new LinkedHashSet<>(start);
		Map<String, Integer> checked = new LinkedHashMap<>();
		List<String> refused = new ArrayList<>();
		int walked = 0;
		while (!pages.isEmpty() && walked < PAGES) {
			String page = pages.poll();
			MvcResult result = mvc.perform(get(page).with(who)).andReturn();
			walked++;
			int status = result.getResponse().getStatus();
			checked.put(page, status);
			if (status == 403) {
				refused.add(page);
				continue;
			}
			if (status != 200 || !String.valueOf(result.getResponse().getContentType()).startsWith("text/html")) {
				continue;
			}
			Matcher m = HREF.matcher(result.getResponse().getContentAsString());
			while (m.find()) {
				String link = m.group(1).replace("&amp;", "&");
				if (link.startsWith("/webjars") || link.startsWith("/css") || link.startsWith("/js")
						|| link.startsWith("/logout") || link.startsWith("/favicon") || !seen.add(link)) {
					continue;
				}
				if (link.startsWith("/units")) {
					// unit pages, trees and breadcrumbs are walked further
					pages.addFirst(link);
				}
				else {
					int linked = mvc.perform(get(link).with(who)).andReturn().getResponse().getStatus();
					checked.put(link, linked);
					if (linked == 403) {
						refused.add(link + " (on " + page + ")");
					}
				}
			}
		}
		assertThat(checked).as("pages walked").hasSizeGreaterThan(start.size());
		assertThat(checked.get(start.get(0))).as("the first page").isEqualTo(200);
		assertThat(refused).as("links answering 403 for " + user.username()).isEmpty();
	}

}
