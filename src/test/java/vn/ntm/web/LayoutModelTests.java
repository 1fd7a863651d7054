package vn.ntm.web;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import vn.ntm.security.Role;
import vn.ntm.security.UserView;
import vn.ntm.support.ConnectionGuard;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10: the page layout (user, current unit, breadcrumbs) is read for rendered pages
 * only, and the user once per request — an API read takes the user's row and its own
 * query, nothing for a layout it does not have.
 */
@IntegrationTest
class LayoutModelTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ServletContext servletContext;

	@Test
	void anApiReadReadsNothingForTheLayout() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		int before = ConnectionGuard.takenOnThisThread();
		MvcResult result = mvc
			.perform(get("/api/v1/units/{id}", tamThanh).param("at", "2024-06-30").with(user(officer.username())))
			.andExpect(status().isOk())
			.andReturn();
		int taken = ConnectionGuard.takenOnThisThread() - before;
		// the user (one statement) and the unit (one transaction)
		assertThat(taken).as("connections taken by one API read").isLessThanOrEqualTo(2);
		assertThat(result.getModelAndView()).isNull();
	}

	@Test
	void linksOfAPageAreNotLookedUpAsResources() throws Exception {
		// ResourceUrlEncodingFilter looked every link of every page up on the classpath,
		// behind the packaged jar's lock: the request threads queued there under load
		assertThat(servletContext.getFilterRegistrations().values())
			.extracting(registration -> registration.getClassName())
			.doesNotContain(ResourceUrlEncodingFilter.class.getName());
		// version-less webjar links are still served
		mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
		mvc.perform(get("/webjars/bootstrap/dist/css/bootstrap.min.css")).andExpect(status().isOk());
	}

	@Test
	void aPageGetsItsLayoutWithTheUserReadOnce() throws Exception {
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");
		long tamThanh = data.unit("20359", TestData.BEFORE_REFORM).id();
		mvc.perform(get("/units/{id}", tamThanh).with(user(officer.username())))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("me", "currentUnitId", "currentUnitPath"));
	}

}
