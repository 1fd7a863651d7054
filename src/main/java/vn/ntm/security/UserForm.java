package vn.ntm.security;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The editable fields of an account.
 */
public record UserForm(
		@NotBlank(message = "{user.username.required}") @Pattern(regexp = "[a-z0-9._-]{3,50}",
				message = "{user.username.pattern}") String username,
		@NotBlank(message = "{user.fullName.required}") @Size(max = 200) String fullName,
		@Nullable @Email(message = "{user.email.invalid}") @Size(max = 200) String email,
		@Nullable @Size(max = 50) String phone, @Nullable @Size(max = 300) String organization,
		@NotNull(message = "{user.role.required}") Role role,
		@NotEmpty(message = "{user.units.required}") Set<Long> unitIds, Set<String> criteria) {

	public UserForm {
		unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
		criteria = criteria == null ? Set.of() : Set.copyOf(criteria);
	}

}
