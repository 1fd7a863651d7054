package vn.ntm.orgunit.internal;

import org.springframework.data.repository.ListCrudRepository;

interface AdminUnits extends ListCrudRepository<AdminUnit, Long> {

}
