package vn.ntm.security.internal;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login protection settings ({@code ntm.security.*}).
 *
 * @param maxFailedAttempts consecutive wrong passwords before the account is locked
 * @param lockDuration how long the lock lasts
 * @param passwordChecksAtOnce password hashes (bcrypt) computed at the same time; 0 (the
 * default) means one per two cores, at least one ({@link ThrottledPasswordEncoder})
 */
@ConfigurationProperties("ntm.security")
@Validated
record SecuritySettings(@DefaultValue("5") @Min(1) int maxFailedAttempts, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("0") @Min(0) int passwordChecksAtOnce) {
}
