package cn.cadreflow.cadre;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.internal.CadreFileView;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.ui.KaribuSupport;

/** 干部档案: a cadre reads their own file only; leaders and HR officers list the cadres in their charge. */
@CadreFlowTest
class CadreFileUiTest extends KaribuSupport {

    @Autowired
    OrgService org;

    long cadreOf(String username) {
        return users.find(username).orElseThrow().cadreId();
    }

    long unitNamed(String name) {
        return org.tree().units().stream().filter(u -> u.name().equals(name)).map(OrgUnit::id).findFirst()
                .orElseThrow();
    }

    static Paragraph fileError() {
        return _get(Paragraph.class, spec -> spec.withId("file-error"));
    }

    @SuppressWarnings("unchecked")
    static Grid<Cadre> cadreGrid() {
        return _get(Grid.class, spec -> spec.withId("cadre-grid"));
    }

    static String profileValue(String label) {
        FormLayout profile = _get(FormLayout.class, spec -> spec.withId("profile"));
        return _get(profile, TextField.class, spec -> spec.withLabel(label)).getValue();
    }

    @Test
    void cadreReadsTheirOwnFileWithPostHistoryAndTrainingLedger() {
        login("zhangwei");
        navigate("file");
        NavigatorKt.expectView(CadreFileView.class);
        _assertNone(Grid.class, spec -> spec.withId("cadre-grid"));

        assertThat(_get(H2.class, spec -> spec.withId("file-title")).getText()).isEqualTo("张伟 的干部档案");
        assertThat(profileValue("姓名")).isEqualTo("张伟");
        assertThat(profileValue("性别")).isEqualTo("男");
        assertThat(profileValue("职级")).isEqualTo("科员");
        assertThat(profileValue("职务")).isEqualTo("党政综合办公室科员");
        assertThat(profileValue("单位")).contains("青山镇");
        assertThat(_find(_get(FormLayout.class, spec -> spec.withId("profile")), TextField.class))
                .allMatch(TextField::isReadOnly);

        @SuppressWarnings("unchecked")
        Grid<PostHistoryEntry> history = _get(Grid.class, spec -> spec.withId("post-history"));
        assertThat(GridKt._size(history)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(history, 0)).containsSubsequence("至今", "青山镇", "党政综合办公室科员");
        assertThat(GridKt._getFormattedRow(history, 1)).contains("科员");

        @SuppressWarnings("unchecked")
        Grid<cn.cadreflow.training.TrainingRecord> ledger = _get(Grid.class, spec -> spec.withId("training-ledger"));
        assertThat(GridKt._findAll(ledger)).extracting(cn.cadreflow.training.TrainingRecord::courseName)
                .contains("乡镇干部数字化能力提升专题培训");
        int row = GridKt._findAll(ledger).stream().map(cn.cadreflow.training.TrainingRecord::courseName).toList()
                .indexOf("乡镇干部数字化能力提升专题培训");
        assertThat(GridKt._getFormattedRow(ledger, row)).contains("湘江市委党校", "脱产培训", "24");
        assertThat(_get(Paragraph.class, spec -> spec.withId("ledger-summary")).getText()).contains("学时");
    }

    @Test
    void cadreCannotOpenAnotherCadresFile() {
        login("zhangwei");
        navigate("file/" + cadreOf("chenjing"));
        NavigatorKt.expectView(CadreFileView.class);
        assertThat(fileError().getText()).isEqualTo("您无权查看该干部档案。");
        _assertNone(FormLayout.class, spec -> spec.withId("profile"));
        _assertNone(Grid.class, spec -> spec.withId("training-ledger"));

        navigate("file/not-a-number");
        assertThat(fileError().getText()).isEqualTo("您无权查看该干部档案。");
    }

    @Test
    void countyHrOfficerListsTheCountysCadresOnly() {
        login("wangfang");
        navigate("file");
        NavigatorKt.expectView(CadreFileView.class);

        Set<Long> county = org.tree().subtreeIds(List.of(unitNamed("清河县")));
        List<Cadre> all = GridKt._findAll(cadreGrid());
        assertThat(all).extracting(Cadre::name).contains("张伟", "李军", "陈静", "刘洋", "王芳")
                .doesNotContain("孙丽");
        assertThat(all).allMatch(c -> county.contains(c.unitId()));
        assertThat(all).noneMatch(c -> c.unitId().equals(unitNamed("云溪县")));
        assertThat(GridKt._size(cadreGrid())).isEqualTo(all.size());

        _setValue(_get(TextField.class, spec -> spec.withId("file-search")), "陈静");
        assertThat(GridKt._findAll(cadreGrid())).extracting(Cadre::name).containsExactly("陈静");
        assertThat(GridKt._getFormattedRow(cadreGrid(), 0)).containsSubsequence("陈静", "白沙镇", "社会事务办干事", "科员");

        // and opens a file from the list
        GridKt._clickItem(cadreGrid(), 0);
        NavigatorKt.expectView(CadreFileView.class);
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("file/" + cadreOf("chenjing"));
        assertThat(_get(H2.class, spec -> spec.withId("file-title")).getText()).isEqualTo("陈静 的干部档案");
    }

    @Test
    void hrOfficerOfAnotherCountyCannotOpenTheFile() {
        login("sunli");
        navigate("file");
        assertThat(GridKt._findAll(cadreGrid())).extracting(Cadre::name).contains("孙丽")
                .doesNotContain("张伟", "陈静");
        navigate("file/" + cadreOf("zhangwei"));
        assertThat(fileError().getText()).isEqualTo("您无权查看该干部档案。");
    }

    @Test
    void unitLeaderListsTheirOwnUnit() {
        login("lijun");
        navigate("file");
        long qingshan = unitNamed("青山镇");
        List<Cadre> all = GridKt._findAll(cadreGrid());
        assertThat(all).extracting(Cadre::name).contains("张伟", "李军").doesNotContain("陈静", "王芳");
        assertThat(all).allMatch(c -> c.unitId().equals(qingshan));
    }
}
