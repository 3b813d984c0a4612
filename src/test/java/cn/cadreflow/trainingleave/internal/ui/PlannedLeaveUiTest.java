package cn.cadreflow.trainingleave.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.PlannedLeave;
import cn.cadreflow.trainingleave.PlannedLeaves;
import cn.cadreflow.trainingleave.TrainingLeaveRequest;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.TaskCommands;

/**
 * 工作交接 and 培训考勤 as people use them: 张伟 picks his substitute among the colleagues of his unit (a refused
 * submission without one changes nothing), and 王芳 records the days of his immersive week until an absence beyond 1/7
 * of the 学时 withdraws him (4 hours, then exactly 1/7 = 5 hours stays, then 6 hours withdraws).
 */
@CadreFlowTest
class PlannedLeaveUiTest extends KaribuSupport {

    @Autowired
    PlannedLeaves planned;
    @Autowired
    TrainingLeaveService requests;
    @Autowired
    TaskCommands commands;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    static ComboBox<PlannedLeaves.Colleague> picker() {
        return _get(ComboBox.class, spec -> spec.withId("handover-substitute"));
    }

    static List<String> rows(String gridId) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }

    @Test
    void theCadrePicksASubstituteAndHrRecordsAttendanceUntilTheCadreIsWithdrawn() {
        long cadreId = users.find("zhangwei").orElseThrow().cadreId();
        long unitId = jdbc.queryForObject("SELECT unit_id FROM cadre WHERE id = ?", Long.class, cadreId);
        String colleague = jdbc.queryForObject("SELECT name FROM cadre WHERE id = (SELECT MIN(id) FROM cadre"
                + " WHERE unit_id = ? AND status = 'ACTIVE' AND id <> ?)", String.class, unitId, cadreId);
        String self = jdbc.queryForObject("SELECT name FROM cadre WHERE id = ?", String.class, cadreId);
        LocalDate start = TrainingRequests.nextFreeStart();
        long planId = 7_000_001L;
        planned.planPublished(planId, List.of(new PlannedLeave(planId, cadreId, 7_000_001L, "界面测试·沉浸式一周",
                start, start.plusDays(4), "青山镇新村", BigDecimal.valueOf(35), true)), "wangfang");
        long requestId = jdbc.queryForObject("SELECT id FROM training_leave_request WHERE plan_id = ?", Long.class,
                planId);

        login("zhangwei");
        navigate("training/handover");
        choose("handover-leave", requestId);
        ComboBoxKt.setUserInput(picker(), "");
        List<String> offered = ComboBoxKt.getSuggestionItems(picker()).stream().map(PlannedLeaves.Colleague::name)
                .toList();
        assertThat(offered).contains(colleague).doesNotContain(self);
        _setValue(_get(TextArea.class, spec -> spec.withId("handover-text")), "村集体经济台账交由同事代管。");
        _click(_get(Button.class, spec -> spec.withId("handover-submit")));
        assertThat(notificationTexts()).anyMatch(t -> t.contains("请先选择工作交接人"));
        assertThat(requests.request(requestId).substituteCadreId()).isNull();
        assertThat(requests.request(requestId).status()).isEqualTo("HANDOVER");

        PlannedLeaves.Colleague chosen = ComboBoxKt.getSuggestionItems(picker()).stream()
                .filter(c -> c.name().equals(colleague)).findFirst().orElseThrow();
        _setValue(picker(), chosen);
        _click(_get(Button.class, spec -> spec.withId("handover-submit")));
        assertThat(requests.request(requestId).substituteCadreId()).isEqualTo(chosen.cadreId());
        assertThat(requests.request(requestId).status()).isEqualTo("PENDING_LEADER");

        String pi = requests.request(requestId).processInstanceId();
        String leaderTask = jdbc.queryForObject("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", String.class, pi);
        commands.decide(leaderTask, "lijun", true, "同意。");
        management.executeJob(management.createJobQuery().processInstanceId(pi).timers().activityId("leaveStarts")
                .singleResult().getId());

        login("wangfang");
        navigate("training/attendance");
        choose("attendance-leave", requestId);
        record(start, 3, 4);
        assertThat(rows("attendance-days")).hasSize(1);
        assertThat(requests.request(requestId).status()).isEqualTo("ON_LEAVE");
        record(start.plusDays(1), 6, 1);
        assertThat(rows("attendance-days")).as("exactly 1/7 absent: still on the course").hasSize(2);
        record(start.plusDays(2), 6, 1);
        assertThat(notificationTexts()).anyMatch(t -> t.contains("已退学"));
        assertThat(requests.request(requestId).status()).isEqualTo("DROPPED_OUT");
    }

    /** The user may have several leaves open: this one. */
    @SuppressWarnings("unchecked")
    static void choose(String selectId, long requestId) {
        Select<TrainingLeaveRequest> select = _get(Select.class, spec -> spec.withId(selectId));
        _setValue(select, select.getListDataView().getItems().filter(r -> r.id() == requestId).findFirst()
                .orElseThrow());
    }

    void record(LocalDate day, double attended, double absent) {
        _setValue(_get(DatePicker.class, spec -> spec.withId("attendance-day")), day);
        _setValue(_get(NumberField.class, spec -> spec.withId("attendance-attended")), attended);
        _setValue(_get(NumberField.class, spec -> spec.withId("attendance-absent")), absent);
        _click(_get(Button.class, spec -> spec.withId("attendance-record")));
    }
}
