/**
 * Small building blocks every module may use: Vietnamese text and number handling, date
 * periods, paging and the base exceptions that the web layer turns into Vietnamese error
 * pages and problem responses.
 */
@ApplicationModule(displayName = "Dùng chung", type = ApplicationModule.Type.OPEN)
@NullMarked
package vn.ntm.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
