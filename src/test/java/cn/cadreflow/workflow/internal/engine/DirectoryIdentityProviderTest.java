package cn.cadreflow.workflow.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;

/** The engine sees our users and unit-scoped groups, so tasks and history name real people. */
@CadreFlowTest
class DirectoryIdentityProviderTest {

    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    long unit(String name) {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE name = ?", Long.class, name);
    }

    @Test
    void usersAndGroupsComeFromOurTables() {
        User lijun = identity.createUserQuery().userId("lijun").singleResult();
        assertThat(lijun.getFirstName()).isEqualTo("李军");
        assertThat(identity.createUserQuery().memberOfGroup("leader-" + unit("青山镇")).list())
                .extracting(User::getId).containsExactly("lijun");
        // an HR officer scoped to the county is in the HR group of every unit below it
        assertThat(identity.createUserQuery().memberOfGroup("hr-" + unit("柳林村")).list())
                .extracting(User::getId).containsExactly("wangfang");
        assertThat(identity.createGroupQuery().groupMember("wangfang").list()).extracting(Group::getId)
                .contains("HR_OFFICER", "CADRE", "hr-" + unit("清河县"), "hr-" + unit("青山镇"))
                .doesNotContain("hr-" + unit("云溪县"));
        Group group = identity.createGroupQuery().groupId("leader-" + unit("白沙镇")).singleResult();
        assertThat(group.getName()).isEqualTo("白沙镇");
        assertThat(group.getType()).isEqualTo("UNIT_LEADER");
        assertThat(identity.createUserQuery().userFirstNameLike("%伟%").list()).extracting(User::getId)
                .contains("zhangwei");
        assertThat(identity.createUserQuery().userIdIn("zhangwei", "admin").count()).isEqualTo(2);
    }

    @Test
    void passwordsAreCheckedAgainstOurHashes() {
        assertThat(identity.checkPassword("zhangwei", "Demo@2026")).isTrue();
        assertThat(identity.checkPassword("zhangwei", "wrong")).isFalse();
        assertThat(identity.checkPassword("nobody", "Demo@2026")).isFalse();
    }
}
