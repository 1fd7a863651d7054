package vn.ntm.orgunit.internal;

import org.springframework.data.repository.ListCrudRepository;

interface LineageEvents extends ListCrudRepository<LineageEvent, Long> {

}
