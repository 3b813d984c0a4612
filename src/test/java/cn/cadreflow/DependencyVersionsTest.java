package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.lang3.ClassUtils;
import org.junit.jupiter.api.Test;

/** Libraries on the class path at versions without their known vulnerabilities. */
class DependencyVersionsTest {

    @Test
    void commonsLang3IsPastTheClassUtilsRecursionFix() {
        // CVE-2025-48924: ClassUtils.getClass recursed without bound on long inputs; fixed in 3.18.0
        String version = ClassUtils.class.getPackage().getImplementationVersion();
        assertThat(version).isNotNull();
        String[] parts = version.split("\\.");
        assertThat(Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(3018);
    }
}
