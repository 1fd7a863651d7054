package vn.ntm.assessment.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ntm.shared.BusinessRuleException;

/**
 * One page of a list of units: which rows, and links to the other pages that keep every
 * parameter of the request but {@code page}.
 *
 * @param page the page shown, from 1
 * @param pages how many pages (at least 1)
 * @param size rows per page
 * @param total rows in all
 * @param links the links to every page, by number (empty when there is one page)
 */
record Paging(int page, int pages, int size, int total, List<Link> links) {

	/** A page's number and link. */
	record Link(int number, String href) {
	}

	/** The page asked for ({@code page}, from 1) of {@code total} rows. */
	static Paging of(@Nullable Integer page, int size, int total, @Nullable HttpServletRequest request) {
		int pages = Math.max(1, (total + size - 1) / size);
		int shown = page == null ? 1 : page;
		if (shown < 1 || shown > pages) {
			throw new BusinessRuleException("matrix.filter.invalid", String.valueOf(page), "aggregate.page");
		}
		List<Link> links = new ArrayList<>();
		if (pages > 1 && request != null) {
			for (int n = 1; n <= pages; n++) {
				links.add(new Link(n, same(request).replaceQueryParam("page", n).build().encode().toUriString()));
			}
		}
		return new Paging(shown, pages, size, total, links);
	}

	/**
	 * The same request asking for another view ({@code view}: {@code groups},
	 * {@code units}), from its first page.
	 */
	static String viewLink(HttpServletRequest request, String view) {
		return same(request).replaceQueryParam("page").replaceQueryParam("view", view).build().encode().toUriString();
	}

	/**
	 * The path and parameters of a GET request (from its parameters, not its raw query).
	 */
	private static UriComponentsBuilder same(HttpServletRequest request) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> builder.queryParam(name, (Object[]) values));
		return builder;
	}

	/**
	 * What the pages' {@code views} fragment needs: the row limit and the links to both
	 * views of this request.
	 */
	static void viewLinks(Model model, HttpServletRequest request) {
		model.addAttribute("detailLimit", UnitGroups.DETAIL_LIMIT);
		model.addAttribute("groupsHref", viewLink(request, UnitGroups.GROUPS));
		model.addAttribute("unitsHref", viewLink(request, UnitGroups.UNITS));
	}

	/** The first row shown, from 0. */
	int from() {
		return Math.min(total, (page - 1) * size);
	}

	/** After the last row shown. */
	int to() {
		return Math.min(total, page * size);
	}

	/** The rows of this page. */
	<T> List<T> of(List<T> rows) {
		return rows.subList(from(), to());
	}

	/** "1–250" as shown, from 1. */
	public int first() {
		return total == 0 ? 0 : from() + 1;
	}

	public int last() {
		return to();
	}

}
