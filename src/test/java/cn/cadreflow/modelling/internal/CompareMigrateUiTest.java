package cn.cadreflow.modelling.internal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.modelling.LibraryEntry;
import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.modelling.MigrationTest;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.MigrationPreview;

/**
 * 比较版本 and 迁移实例 as the administrator uses them, reached from 流程库: two versions picked, the changes in words;
 * the migration previewed (what maps, what cannot and how many instances wait there) and run, the instance that
 * cannot move left where it is. Nobody else gets in.
 */
@CadreFlowTest
class CompareMigrateUiTest extends KaribuSupport {

    @Autowired
    LibraryService library;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    String versionId(int version) {
        return jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'uiProbe' AND VERSION_ = ?",
                String.class, version);
    }

    @SuppressWarnings("unchecked")
    static void pick(String id, String versionId) {
        ComboBox<LibraryEntry> box = _get(ComboBox.class, spec -> spec.withId(id));
        box.setValue(box.getListDataView().getItems().filter(e -> e.version().id().equals(versionId)).findFirst()
                .orElseThrow());
    }

    static String text(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id)).getElement()
                .getTextRecursively();
    }

    @Test
    void theAdministratorComparesTwoVersionsAndMigratesTheInstancesThatCanMove() {
        login("admin");
        var admin = users.context("admin").orElseThrow();
        library.deploy(admin, "ui-probe.bpmn", MigrationTest.probe("uiProbe", "填写", "review", "审核"));
        String v1 = versionId(1);
        String movable = runtime.startProcessInstanceById(v1, Map.of("initiator", "zhangwei")).getId();
        String stuck = runtime.startProcessInstanceById(v1, Map.of("initiator", "zhangwei")).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(stuck).singleResult().getId());
        library.deploy(admin, "ui-probe.bpmn", MigrationTest.probe("uiProbe", "填写申请", "check", "复核"));
        String v2 = versionId(2);

        navigate("admin/library");
        _click(_get(Button.class, spec -> spec.withId("library-compare")));
        NavigatorKt.expectView(CompareView.class);
        pick("compare-from", v1);
        pick("compare-to", v2);
        _click(_get(Button.class, spec -> spec.withId("compare-run")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("compare-summary")).getText()).isEqualTo("共 5 处改动：");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("compare-changes")).getChildren()
                .map(c -> c.getElement().getTextRecursively()).toList()).containsExactly(
                "用户任务 fill 改名：“填写” → “填写申请”",
                "新增用户任务“复核”（check）",
                "连线“f2”（f2）的终点：“review” → “check”",
                "连线“f3”（f3）的起点：“review” → “check”",
                "删除了用户任务“审核”（review）");
        // the same pair reached by its address
        com.vaadin.flow.component.UI.getCurrent().navigate("admin/library/compare",
                com.vaadin.flow.router.QueryParameters.simple(Map.of("from", v1, "to", v2)));
        assertThat(_get(Paragraph.class, spec -> spec.withId("compare-summary")).getText()).isEqualTo("共 5 处改动：");

        navigate("admin/library");
        _click(_get(Button.class, spec -> spec.withId("library-migrate")));
        NavigatorKt.expectView(MigrationView.class);
        _assertNone(VerticalLayout.class, spec -> spec.withId("migrate-result"));
        pick("migrate-from", v1);
        pick("migrate-to", v2);
        _click(_get(Button.class, spec -> spec.withId("migrate-preview")));
        assertThat(text("migrate-summary")).isEqualTo("运行中实例 2 个，将迁移 1 个，留在原版本 1 个。");
        @SuppressWarnings("unchecked")
        Grid<MigrationPreview.Mapping> mapped = _get(Grid.class, spec -> spec.withId("migrate-mapped"));
        assertThat(GridKt._findAll(mapped)).extracting(MigrationPreview.Mapping::sourceId)
                .contains("fill").doesNotContain("review");
        assertThat(GridKt._getFormattedRow(mapped, GridKt._findAll(mapped).stream().map(
                MigrationPreview.Mapping::sourceId).toList().indexOf("fill"))).containsExactly("填写（fill）", "填写申请（fill）");
        assertThat(text("migrate-unmapped")).isEqualTo("审核（review）：1 个实例停在这里，不会迁移");

        _click(_get(Button.class, spec -> spec.withId("migrate-run")));
        assertThat(notificationTexts()).contains("已迁移 1 个实例，1 个留在原版本");
        assertThat(definitionOf(movable)).isEqualTo(v2);
        assertThat(definitionOf(stuck)).isEqualTo(v1);
        assertThat(text("migrate-summary")).isEqualTo("运行中实例 1 个，将迁移 0 个，留在原版本 1 个。");
        assertThat(_get(Button.class, spec -> spec.withId("migrate-run")).isEnabled()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_audit WHERE action = 'MIGRATE' AND actor = 'admin'"
                + " AND target = ?", Integer.class, v1 + " -> " + v2)).isEqualTo(1);

        // 审核 has no step of its id in the new version: mapped by hand to 复核, the stuck instance moves too
        @SuppressWarnings("unchecked")
        ComboBox<MigrationPreview.Step> byHand = _get(ComboBox.class, spec -> spec.withId("migrate-map-review"));
        assertThat(text("migrate-manual")).contains("审核（review）→");
        assertThat(byHand.getListDataView().getItems().map(MigrationPreview.Step::id).toList())
                .containsExactlyInAnyOrder("fill", "check");
        byHand.setValue(byHand.getListDataView().getItems().filter(s -> s.id().equals("check")).findFirst()
                .orElseThrow());
        assertThat(text("migrate-summary")).isEqualTo("运行中实例 1 个，将迁移 1 个，留在原版本 0 个。");
        assertThat(GridKt._findAll(mapped)).extracting(MigrationPreview.Mapping::sourceId,
                MigrationPreview.Mapping::targetId).contains(org.assertj.core.api.Assertions.tuple("review", "check"));
        assertThat(text("migrate-unmapped")).isEqualTo("没有：所有停留的步骤都能对应");
        _click(_get(Button.class, spec -> spec.withId("migrate-run")));
        assertThat(notificationTexts()).contains("已迁移 1 个实例，0 个留在原版本");
        assertThat(definitionOf(stuck)).isEqualTo(v2);
        assertThat(tasks.createTaskQuery().processInstanceId(stuck).singleResult().getTaskDefinitionKey())
                .isEqualTo("check");
        assertThat(jdbc.queryForObject("SELECT detail FROM model_audit WHERE action = 'MIGRATE' AND target = ?"
                + " ORDER BY id DESC LIMIT 1", String.class, v1 + " -> " + v2)).contains("mapped by hand: review->check");

        login("wangfang");
        expectMissingPage("admin/library/compare");
        expectMissingPage("admin/library/migrate");
    }

    String definitionOf(String pi) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getProcessDefinitionId();
    }
}
