package cn.cadreflow.cadre;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.server.VaadinSession;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.internal.CadreDirectory;
import cn.cadreflow.cadre.internal.CadreFilePrintView;
import cn.cadreflow.cadre.internal.CadreFileView;
import cn.cadreflow.cadre.internal.DirectoryView;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.ui.PhoneLayout;

/**
 * 干部名册 as an HR officer uses it: finds cadres of her county by name, unit, post or account, browses a unit,
 * opens and prints a file, exports the list; on a phone the rows are cards and the filters fold away. Nothing
 * outside her scope shows; the administrator reads the whole directory; nobody else gets it.
 */
@CadreFlowTest
class DirectoryUiTest extends KaribuSupport {

    /** 孙丽's county: nothing of it may show to 王芳. */
    static final Set<String> YUNXI = Set.of("云溪县", "云溪街道", "云溪社区", "桃源镇", "桃源村", "杉木村");
    static final String YEAR_MONTH = "\\d{4}\\.\\d{2}";

    @SuppressWarnings("unchecked")
    static Grid<CadreDirectory.Entry> grid() {
        return _get(Grid.class, spec -> spec.withId("directory-grid"));
    }

    @SuppressWarnings("unchecked")
    static TreeGrid<OrgUnit> tree() {
        return _get(TreeGrid.class, spec -> spec.withId("directory-units"));
    }

    static List<CadreDirectory.Entry> rows() {
        return GridKt._findAll(grid());
    }

    static List<String> row(String name) {
        Grid<CadreDirectory.Entry> g = grid();
        List<CadreDirectory.Entry> all = GridKt._findAll(g);
        int i = IntStream.range(0, all.size()).filter(n -> all.get(n).cadre().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed"));
        return GridKt._getFormattedRow(g, i);
    }

    static void search(String text) {
        _setValue(_get(TextField.class, spec -> spec.withId("directory-search")), text);
    }

    static String profileValue(String label) {
        FormLayout profile = _get(FormLayout.class, spec -> spec.withId("profile"));
        return _get(profile, TextField.class, spec -> spec.withLabel(label)).getValue();
    }

    @Test
    void theHrOfficerFindsHerCountysCadresByNameUnitPostOrAccount() {
        login("wangfang");
        List<String> menu = _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
        assertThat(menu).contains("干部名册");
        navigate("directory");
        NavigatorKt.expectView(DirectoryView.class);

        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("姓名", "性别", "出生年月", "单位", "职务", "职级", "政治面貌", "任现职时间");
        Set<Long> scope = users.context("wangfang").orElseThrow().hrUnitIds();
        assertThat(rows()).isNotEmpty().allSatisfy(e -> {
            assertThat(scope).contains(e.cadre().unitId());
            assertThat(YUNXI).doesNotContain(e.unitName());
        });
        assertThat(rows()).extracting(CadreDirectory.Entry::unitName).contains("清河县", "青山镇", "柳林村", "白沙社区");
        assertThat(_get(Span.class, spec -> spec.withId("directory-total")).getText())
                .isEqualTo("共 " + rows().size() + " 人");

        search("张伟");
        assertThat(rows()).extracting(e -> e.cadre().name()).containsExactly("张伟");
        List<String> zhangwei = row("张伟");
        assertThat(zhangwei.subList(0, 6)).containsExactly("张伟", "男", zhangwei.get(2), "青山镇", "党政综合办公室科员",
                "科员");
        assertThat(zhangwei.get(2)).matches("1990\\.\\d{2}");
        assertThat(zhangwei.get(6)).isEqualTo("中共党员");
        assertThat(zhangwei.get(7)).matches(YEAR_MONTH);

        search("lijun"); // his account
        assertThat(rows()).extracting(e -> e.cadre().name()).containsExactly("李军");
        search("组织委员"); // a post: the townships of 清河县 only
        assertThat(rows()).allSatisfy(e -> {
            assertThat(e.postName()).isEqualTo("组织委员");
            assertThat(scope).contains(e.cadre().unitId());
        }).extracting(CadreDirectory.Entry::unitName).contains("青山镇", "白沙镇").doesNotContain("桃源镇", "云溪街道");
        search("白沙"); // a unit and its village
        assertThat(rows()).isNotEmpty().allSatisfy(e -> assertThat(e.unitName()).isIn("白沙镇", "白沙社区"));
        assertThat(rows()).extracting(e -> e.cadre().name()).contains("刘洋", "陈静");
        search("云溪"); // another county's unit: nothing, not even a hint
        assertThat(rows()).isEmpty();
        search("sunli");
        assertThat(rows()).isEmpty();
    }

    @Test
    void sheBrowsesAUnitOfHerScopeAndOpensAndPrintsAFile() {
        login("wangfang");
        navigate("directory");
        TreeGrid<OrgUnit> tree = tree();
        List<OrgUnit> roots = tree.getTreeData().getRootItems();
        assertThat(roots).extracting(OrgUnit::name).containsExactly("清河县");
        List<String> shown = new ArrayList<>();
        tree.getTreeData().getChildren(roots.get(0)).forEach(u -> shown.add(u.name()));
        assertThat(shown).contains("青山镇", "白沙镇").doesNotContainAnyElementsOf(YUNXI);

        OrgUnit qingshan = tree.getTreeData().getChildren(roots.get(0)).stream()
                .filter(u -> u.name().equals("青山镇")).findFirst().orElseThrow();
        tree.select(qingshan);
        assertThat(rows()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.unitName()).isIn("青山镇", "青山村", "柳林村"));
        assertThat(rows()).extracting(e -> e.cadre().name()).contains("张伟", "李军");

        int zhangwei = IntStream.range(0, rows().size()).filter(i -> rows().get(i).cadre().name().equals("张伟"))
                .findFirst().orElseThrow();
        GridKt._clickItem(grid(), zhangwei);
        NavigatorKt.expectView(CadreFileView.class);
        assertThat(profileValue("出生年月")).matches("1990\\.\\d{2}");
        assertThat(profileValue("政治面貌")).isEqualTo("中共党员");
        assertThat(profileValue("任现职时间")).matches(YEAR_MONTH);

        _click(_get(Button.class, spec -> spec.withId("file-print")));
        NavigatorKt.expectView(CadreFilePrintView.class);
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("print-name")).getText()).isEqualTo("张伟");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("print-birth")).getText()).matches("1990\\.\\d{2}");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(H3.class).stream().map(H3::getText))
                .contains("任职经历", "培训台账");
        assertThat(_get(Button.class, spec -> spec.withId("file-print-now")).getText()).isEqualTo("打印");
    }

    @Test
    void aFileOutOfReachDoesNotPrint() {
        long zhangwei = users.find("zhangwei").orElseThrow().cadreId();
        login("sunli"); // HR of 云溪县
        navigate("file/" + zhangwei + "/print");
        assertThat(_get(Paragraph.class, spec -> spec.withId("file-error")).getText()).isEqualTo("您无权查看该干部档案。");
        _assertNone(NativeTableCell.class, spec -> spec.withId("print-name"));
    }

    @Test
    void theExportIsTheListSheSeesWithHeadersInHerLanguage() throws Exception {
        login("wangfang");
        navigate("directory");
        search("青山");
        int shown = rows().size();
        List<List<String>> sheet = sheet(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("directory-export"))));
        assertThat(sheet.get(0)).containsExactly("姓名", "性别", "出生年月", "单位", "职务", "职级", "政治面貌", "任现职时间",
                "学历");
        assertThat(sheet).hasSize(shown + 1);
        assertThat(sheet.subList(1, sheet.size())).allSatisfy(r -> {
            assertThat(r.get(3)).isIn("青山镇", "青山村", "柳林村");
            assertThat(r.get(2)).matches(YEAR_MONTH);
        });

        VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("inbox");
        navigate("directory");
        search("张伟");
        List<List<String>> english = sheet(DownloadKt._download(_get(Anchor.class,
                spec -> spec.withId("directory-export"))));
        assertThat(english.get(0)).containsExactly("Name", "Gender", "Born", "Unit", "Post", "Rank", "Political status",
                "In current post since", "Education");
        assertThat(english.get(1).get(0)).isEqualTo("张伟");
        assertThat(english.get(1).get(2)).matches("[A-Z][a-z]{2} 1990");
        assertThat(english.get(1).get(6)).isEqualTo("CPC member");
    }

    @Test
    void onAPhoneRowsAreCardsAndTheTreeFoldsBehindFilter() {
        login("wangfang");
        navigate("directory");
        DirectoryView view = _get(DirectoryView.class);
        _assertNone(Button.class, spec -> spec.withId("filters-toggle")); // a desktop needs no 筛选
        assertThat(tree().isVisible()).isTrue();

        PhoneLayout.apply(view, true);
        assertThat(view.getClassNames()).contains("phone");
        Button toggle = _get(Button.class, spec -> spec.withId("filters-toggle"));
        assertThat(toggle.getText()).isEqualTo("筛选");
        _assertNone(TreeGrid.class, spec -> spec.withId("directory-units"));
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("card");
        search("张伟");
        assertThat(GridKt._getFormattedRow(grid(), 0).toString())
                .contains("张伟 · 党政综合办公室科员", "青山镇").containsPattern("出生 1990\\.\\d{2} · 中共党员 · 任现职 " + YEAR_MONTH);

        _click(toggle);
        assertThat(tree().isVisible()).isTrue();
        _click(toggle);
        _assertNone(TreeGrid.class, spec -> spec.withId("directory-units"));

        PhoneLayout.apply(view, false);
        assertThat(view.getClassNames()).doesNotContain("phone");
        assertThat(tree().isVisible()).isTrue();
        assertThat(toggle.isVisible()).isFalse();
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible)).hasSize(8);
    }

    @Test
    void nobodyButHrOfficersAndAdministratorsGetsTheDirectory() {
        for (String user : List.of("zhangwei", "lijun", "zhaomin")) {
            login(user);
            assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                    .map(SideNavItem::getLabel)).as(user).doesNotContain("干部名册");
            expectMissingPage("directory");
        }
    }

    /**
     * The administrator has no HR grant, and reads the whole directory: every county, searched, browsed, exported,
     * and any file opened and printed, all read-only; a cadre that does not exist reads as before.
     */
    @Test
    void theAdministratorReadsTheWholeDirectoryReadOnly() throws Exception {
        login("admin");
        assertThat(users.context("admin").orElseThrow().hrUnitIds()).isEmpty();
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream().map(SideNavItem::getLabel))
                .contains("干部名册", "干部档案");
        navigate("directory");
        _assertNone(Paragraph.class, spec -> spec.withId("directory-empty-scope"));
        assertThat(rows()).extracting(CadreDirectory.Entry::unitName).contains("青山镇", "桃源镇", "云溪街道");
        assertThat(tree().getTreeData().getRootItems()).isNotEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("directory-total")).getText())
                .isEqualTo("共 " + rows().size() + " 人");
        search("sunli"); // an account of 云溪县
        assertThat(rows()).extracting(e -> e.cadre().name()).containsExactly("孙丽");
        search("张伟");
        assertThat(rows()).extracting(e -> e.cadre().name()).containsExactly("张伟");
        List<List<String>> sheet = sheet(DownloadKt._download(_get(Anchor.class,
                spec -> spec.withId("directory-export"))));
        assertThat(sheet).hasSize(2);
        assertThat(sheet.get(1).get(0)).isEqualTo("张伟");

        // a row opens the file, read-only; it prints
        GridKt._clickItem(grid(), 0);
        NavigatorKt.expectView(CadreFileView.class);
        assertThat(profileValue("姓名")).isEqualTo("张伟");
        CadreFileView file = _get(CadreFileView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(file, TextField.class))
                .allSatisfy(f -> assertThat(f.isReadOnly()).isTrue());
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(file, Button.class))
                .extracting(b -> b.getId().orElse("")).containsOnly("file-print");
        _click(_get(Button.class, spec -> spec.withId("file-print")));
        NavigatorKt.expectView(CadreFilePrintView.class);
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("print-name")).getText()).isEqualTo("张伟");

        // a cadre that does not exist reads as it does for everyone
        navigate("file/987654321");
        assertThat(_get(Paragraph.class, spec -> spec.withId("file-error")).getText()).isEqualTo("您无权查看该干部档案。");
    }

    static List<List<String>> sheet(byte[] xlsx) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(c.getStringCellValue()));
                rows.add(cells);
            }
            return rows;
        }
    }
}
