package cn.cadreflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cadreflow.CadreFlowServerTest;
import cn.cadreflow.org.OrgService;

/** A fresh installation, started without asking for the demo data. */
@CadreFlowServerTest
class FirstStartTest {

    @LocalServerPort
    int port;
    @Autowired
    OrgService org;
    @Autowired
    UserService users;

    @Test
    void noDemoDataUnlessAskedOnlyTheFirstAdministratorWhoSignsInWithTheOperatorsPassword() {
        assertThat(org.isEmpty()).isTrue();
        assertThat(users.find("zhangwei")).isEmpty();
        assertThat(users.context("admin").orElseThrow().roles()).containsExactly(AppRoles.ADMIN);

        Browser browser = new Browser(port);
        assertThat(browser.location(browser.signIn("admin", "Demo@2026"))).endsWith("/login?error");
        assertThat(browser.location(browser.signIn("admin", CadreFlowServerTest.ADMIN_PASSWORD)))
                .isEqualTo(browser.origin() + "/");
    }
}
