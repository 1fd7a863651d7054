/**
 * Funding (nguồn vốn): the maintained list of sources, capital plans per unit, year and
 * source as recorded transactions, works (công trình) with their allocations,
 * disbursements, completion, settlement and debt, and the money rules of the programme
 * (seed 001) computed as dated alerts, configurable per province and year.
 */
@ApplicationModule(displayName = "Nguồn vốn",
		allowedDependencies = { "shared", "audit", "security", "orgunit", "platform::jobs" })
@NullMarked
package vn.ntm.funding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
