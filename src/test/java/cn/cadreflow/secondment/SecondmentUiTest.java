package cn.cadreflow.secondment;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;

/**
 * The secondment as each role uses it: a cadre asks in the request view (a refused term says why, on the field);
 * the sending unit's leader approves in the task centre; HR approving a request that would leave the town short is
 * told so; HR's dashboard lists the current secondments with the days left, an overdue return decision in red, and
 * recalls one early; the rotation list starts a rotation for a cadre long in one post with one click; the cadre file
 * lists the secondments.
 */
@CadreFlowTest
class SecondmentUiTest extends KaribuSupport {

    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    SecondmentFixture f;

    @BeforeEach
    void fixture() {
        f = SecondmentFixture.ensure(org, cadres, users, jdbc);
    }

    static List<String> rows(String gridId) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }

    /** The component of a component column in the grid's first row whose text contains {@code text}. */
    static com.vaadin.flow.component.Component cell(String gridId, String text, String column) {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId(gridId));
        int row = rows(gridId).stream().filter(r -> r.contains(text)).findFirst().map(rows(gridId)::indexOf)
                .orElseThrow(() -> new AssertionError("no row with " + text));
        return GridKt._getCellComponent(grid, row, column);
    }

    String openTask(String pi) {
        return jdbc.queryForObject("SELECT task_id FROM wf_task WHERE process_instance_id = ? AND state = 'OPEN'"
                + " AND parent_task_id IS NULL", String.class, pi);
    }

    @SuppressWarnings("unchecked")
    void fillRequest(long postId, LocalDate from, LocalDate to) {
        _setValue(_get(Select.class, spec -> spec.withId("secondment-kind")), SecondmentKind.GUAZHI);
        ComboBox<OrgUnit> unit = _get(ComboBox.class, spec -> spec.withId("secondment-target-unit"));
        _setValue(unit, org.unit(f.receiving()).orElseThrow());
        ComboBox<Post> post = _get(ComboBox.class, spec -> spec.withId("secondment-target-post"));
        _setValue(post, org.post(postId).orElseThrow());
        _setValue(_get(DatePicker.class, spec -> spec.withId("secondment-start")), from);
        _setValue(_get(DatePicker.class, spec -> spec.withId("secondment-end")), to);
        _setValue(_get(TextArea.class, spec -> spec.withId("secondment-reason")), "到接收镇锻炼，工作已交接。");
    }

    @Test
    void aCadreAsksTheLeaderApprovesAndHrIsToldWhenTheTownWouldFallShort() {
        LocalDate from = SecondmentFixture.window(3);
        long post = f.newHostPost(org);
        login("gz3");
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems()).extracting(SideNavItem::getLabel)
                .contains("挂职交流申请").doesNotContain("挂职交流一览");
        navigate("secondment/new");
        // a cadre asks for themself: no cadre to pick
        _assertNone(ComboBox.class, spec -> spec.withId("secondment-cadre"));

        // three years of 挂职锻炼 are more than its two: refused, on the end date, nothing stored
        fillRequest(post, from, from.plusYears(3));
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM secondment", Integer.class);
        _click(_get(Button.class, spec -> spec.withId("secondment-submit")));
        DatePicker end = _get(DatePicker.class, spec -> spec.withId("secondment-end"));
        assertThat(end.isInvalid()).isTrue();
        assertThat(end.getErrorMessage()).isEqualTo("该类别的任期须在 12 至 24 个月之间");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM secondment", Integer.class)).isEqualTo(before);

        _setValue(end, from.plusYears(1).minusDays(1));
        _click(_get(Button.class, spec -> spec.withId("secondment-submit")));
        assertThat(notificationTexts()).contains("申请已提交，待派出单位审批");
        String mine = jdbc.queryForObject("SELECT process_instance_id FROM secondment WHERE target_post_id = ?",
                String.class, post);

        // a second request over the same months by 挂职丁 reaches HR too
        String other = starts.start(SecondmentSteps.PROCESS_KEY, "gz4", SecondmentFixture.request(null,
                SecondmentKind.GUAZHI, f.newHostPost(org), from, from.plusYears(1).minusDays(1)));

        // the sending unit's leader approves in the task centre
        login(SecondmentFixture.LEADER);
        navigate("task/" + openTask(mine));
        _setValue(_get(TextArea.class, spec -> spec.withId("opinion")), "同意派出。");
        _click(_get(Button.class, spec -> spec.withId("approve")));
        for (String pi : List.of(mine, other)) {
            if (jdbc.queryForObject("SELECT status FROM secondment WHERE process_instance_id = ?", String.class, pi)
                    .equals("PENDING_SENDING")) {
                commands.decide(openTask(pi), SecondmentFixture.LEADER, true, "同意。");
            }
            commands.decide(openTask(pi), SecondmentFixture.HOST, true, "同意接收。");
        }
        commands.decide(openTask(other), SecondmentFixture.HR, true, "同意。");

        // HR approving the first now would leave 挂职测试镇 with two of its three on duty: told, task kept
        login(SecondmentFixture.HR);
        String hrTask = openTask(mine);
        navigate("task/" + hrTask);
        _setValue(_get(TextArea.class, spec -> spec.withId("opinion")), "同意。");
        _click(_get(Button.class, spec -> spec.withId("approve")));
        assertThat(notificationTexts()).anyMatch(t -> t.contains("挂职测试镇在 " + from + " 在岗人数将只有 2 人"));
        assertThat(openTask(mine)).isEqualTo(hrTask);

        // HR sends it back and the cadre withdraws it: no task of this test stays in anyone's inbox
        commands.decide(hrTask, SecondmentFixture.HR, false, "人手不足，请调整时间。");
        commands.withdraw(openTask(mine), "gz3", "改期再报。");
        assertThat(jdbc.queryForObject("SELECT status FROM secondment WHERE process_instance_id = ?", String.class,
                mine)).isEqualTo("WITHDRAWN");
    }

    @Test
    void hrSeesTheCurrentSecondmentsWithAnOverdueDecisionInRedAndRecallsOne() {
        // a 借调 of one month from today: its return decision (due 30 days before the end) is overdue already
        LocalDate today = LocalDate.now();
        long cadre = f.cadres().get(5);
        String pi = starts.start(SecondmentSteps.PROCESS_KEY, SecondmentFixture.HR, SecondmentFixture.request(cadre,
                SecondmentKind.JIEDIAO, f.newHostPost(org), today, today.plusMonths(1).minusDays(1)));
        commands.decide(openTask(pi), SecondmentFixture.LEADER, true, "同意。");
        commands.decide(openTask(pi), SecondmentFixture.HOST, true, "同意。");
        commands.decide(openTask(pi), SecondmentFixture.HR, true, "同意。");
        management.createJobQuery().processInstanceId(pi).executable().list()
                .forEach(j -> management.executeJob(j.getId()));
        long id = jdbc.queryForObject("SELECT id FROM secondment WHERE process_instance_id = ?", Long.class, pi);
        assertThat(jdbc.queryForObject("SELECT status FROM secondment WHERE id = ?", String.class, id))
                .isEqualTo("ON_SECONDMENT");

        // the home post shows as reserved where posts are chosen
        login(SecondmentFixture.HR);
        navigate("secondment/new");
        @SuppressWarnings("unchecked")
        ComboBox<OrgUnit> unit = _get(ComboBox.class, spec -> spec.withId("secondment-target-unit"));
        _setValue(unit, org.unit(f.sending2()).orElseThrow());
        @SuppressWarnings("unchecked")
        ComboBox<Post> posts = _get(ComboBox.class, spec -> spec.withId("secondment-target-post"));
        Post home = org.post(cadres.find(cadre).orElseThrow().postId()).orElseThrow();
        assertThat(posts.getItemLabelGenerator().apply(home)).isEqualTo(home.name() + "（已保留给挂职己，至 "
                + today.plusMonths(1).minusDays(1) + "）");

        navigate("secondments");
        assertThat(rows("secondment-current")).anyMatch(r -> r.contains("挂职己") && r.contains("借调")
                && r.contains("挂职测试二镇") && r.contains("挂职接收镇") && r.contains("挂职交流中"));
        Span overdue = (Span) cell("secondment-current", "挂职己", "daysLeft");
        assertThat(overdue.getClassNames()).contains("secondment-overdue");
        assertThat(overdue.getText()).contains("返回决定已逾期");
        assertThat(overdue.getStyle().get("color")).isEqualTo("var(--lumo-error-text-color)");

        _click((Button) cell("secondment-current", "挂职己", "recall"));
        _setValue(_get(TextArea.class, spec -> spec.withId("secondment-recall-reason")), "原单位急需，提前召回。");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("secondment-recall-dialog")));
        assertThat(notificationTexts()).contains("已召回，已记入任职经历");
        assertThat(jdbc.queryForObject("SELECT outcome FROM secondment WHERE id = ?", String.class, id))
                .isEqualTo("RECALLED");
        assertThat(rows("secondment-current")).noneMatch(r -> r.contains("挂职己"));

        // the cadre file lists it, and the move in the post history
        navigate("file/" + cadre);
        assertThat(_find(H3.class).stream().map(H3::getText)).contains("挂职交流");
        assertThat(rows("secondment-file")).anyMatch(r -> r.contains("借调") && r.contains("提前召回"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRotationListStartsARotationForACadreLongInOnePost() {
        login(SecondmentFixture.HR);
        navigate("secondments");
        long cadre = f.cadres().get(0);
        assertThat(rows("secondment-rotation")).anyMatch(r -> r.contains("挂职甲") && r.contains("综合办干事1")
                && r.contains("2008-07-01"));
        assertThat(rows("secondment-rotation")).as("张伟 has held his post for less than a term")
                .noneMatch(r -> r.contains("张伟"));
        // two five-year terms from 2008-07-01: due in 2018, in red
        Span due = (Span) cell("secondment-rotation", "挂职甲", "dueOn");
        assertThat(due.getText()).isEqualTo("2018-07-01（已到期）");
        assertThat(due.getClassNames()).contains("secondment-overdue");
        _click((Button) cell("secondment-rotation", "挂职甲", "start"));
        ComboBox<Cadre> picked = _get(ComboBox.class, spec -> spec.withId("secondment-cadre"));
        assertThat(picked.getValue().id()).isEqualTo(cadre);
        assertThat(_get(Select.class, spec -> spec.withId("secondment-kind")).getValue())
                .isEqualTo(SecondmentKind.JIAOLIU);

        // sunli (云溪县) sees none of them, and cannot pick 挂职甲 by the address either
        login("sunli");
        navigate("secondments");
        assertThat(rows("secondment-rotation")).noneMatch(r -> r.contains("挂职"));
        UI.getCurrent().navigate("secondment/new", QueryParameters.simple(Map.of("cadre", String.valueOf(cadre))));
        assertThat(_get(ComboBox.class, spec -> spec.withId("secondment-cadre")).getValue()).isNull();
    }
}
