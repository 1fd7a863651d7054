package vn.ntm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure: no cycles, only allowed dependencies, internals not used from
 * outside. Also writes the module diagrams and canvases to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(NtmApplication.class);

	@Test
	void shouldRespectModuleBoundaries() {
		modules.verify();
	}

	@Test
	void shouldWriteModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
