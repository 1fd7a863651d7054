package vn.ntm.security.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AppUsers extends ListCrudRepository<AppUser, Long> {

	@Query("select * from app_user where lower(username) = lower(:username)")
	Optional<AppUser> findByUsername(String username);

}
