package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.ui.PhoneLayout;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * 待办 and 我发起的 on a phone: the filters fold behind 筛选 and each row is a card saying what, about whom and when;
 * back on a desktop the columns return. A card opens its task as a row does.
 */
@CadreFlowTest
class PhoneListsUiTest extends KaribuSupport {

    @Autowired
    ProcessStarts starts;

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    static List<String> visibleKeys(Grid<?> grid) {
        return grid.getColumns().stream().filter(Grid.Column::isVisible).map(c -> String.valueOf(c.getKey())).toList();
    }

    @Test
    void theLeadersInboxOnAPhoneShowsCardsAndFoldsItsFilters() {
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request("手机卡片测试培训", TrainingRequests.nextFreeStart(), 3, 24.0));
        login("lijun");
        InboxView inbox = _get(InboxView.class);
        Grid<WorkflowViews.TaskSummary> grid = grid("inbox-grid");
        HorizontalLayout filters = _get(HorizontalLayout.class, spec -> spec.withId("filters"));
        int desktopColumns = visibleKeys(grid).size();
        _assertNone(Button.class, spec -> spec.withId("filters-toggle")); // a desktop needs no 筛选
        assertThat(visibleKeys(grid)).doesNotContain("card");

        PhoneLayout.apply(inbox, true);
        assertThat(inbox.getClassNames()).contains("phone");
        Button toggle = _get(Button.class, spec -> spec.withId("filters-toggle"));
        assertThat(toggle.getText()).isEqualTo("筛选");
        assertThat(filters.isVisible()).isFalse();
        assertThat(visibleKeys(grid)).containsExactly("card");
        List<WorkflowViews.TaskSummary> rows = GridKt._findAll(grid);
        int row = IntStream.range(0, rows.size()).filter(i -> rows.get(i).processInstanceId().equals(pi)).findFirst()
                .orElseThrow();
        String card = String.join(" ", GridKt._getFormattedRow(grid, row));
        assertThat(card).contains("单位负责人审批", "张伟 · 培训请假", "手机卡片测试培训", "张伟 · ");

        _click(toggle);
        assertThat(filters.isVisible()).isTrue();
        _click(toggle);
        assertThat(filters.isVisible()).isFalse();

        GridKt._clickItem(grid, row);
        NavigatorKt.expectView(TaskView.class);

        navigate("inbox");
        InboxView again = _get(InboxView.class);
        PhoneLayout.apply(again, true);
        PhoneLayout.apply(again, false);
        assertThat(again.getClassNames()).doesNotContain("phone");
        assertThat(visibleKeys(grid("inbox-grid"))).hasSize(desktopColumns).doesNotContain("card");
        assertThat(_get(HorizontalLayout.class, spec -> spec.withId("filters")).isVisible()).isTrue();
        _assertNone(Button.class, spec -> spec.withId("filters-toggle"));
    }

    @Test
    void myRequestsOnAPhoneAreCardsWithTheirNumberAndState() {
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request("手机我发起的测试", TrainingRequests.nextFreeStart(), 2, 16.0));
        login("zhangwei");
        navigate("started");
        StartedView view = _get(StartedView.class);
        PhoneLayout.apply(view, true);
        Grid<WorkflowViews.InstanceSummary> grid = grid("started-grid");
        assertThat(visibleKeys(grid)).containsExactly("card");
        List<WorkflowViews.InstanceSummary> rows = GridKt._findAll(grid);
        int row = IntStream.range(0, rows.size()).filter(i -> rows.get(i).processInstanceId().equals(pi)).findFirst()
                .orElseThrow();
        String number = rows.get(row).businessKey();
        assertThat(String.join(" ", GridKt._getFormattedRow(grid, row)))
                .contains("培训请假 · " + number, "办理中：");
    }
}
