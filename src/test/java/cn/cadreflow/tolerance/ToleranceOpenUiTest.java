package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.CADRE;
import static cn.cadreflow.tolerance.ToleranceFixture.HR;
import static cn.cadreflow.tolerance.ToleranceFixture.HR2;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.tolerance.internal.ToleranceOpenView;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowException;

/**
 * 发起申请 → 容错纠错 opens the module's own start page, where the cadre is picked, never typed: a cadre applies about
 * themself (shown, not chosen; no kind to choose), an HR officer over one township picks among its cadres only, an
 * officer who is also a cadre chooses between the two and is never offered themself; the 事项类别 is required and
 * stored; the server refuses a lead against a cadre out of reach whatever is sent.
 */
@CadreFlowTest
class ToleranceOpenUiTest extends KaribuSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    ProcessStarts starts;

    ToleranceFixture fx;

    @BeforeEach
    void setUp() {
        fx = ToleranceFixture.ensure(jdbc, org, cadres, users);
    }

    @SuppressWarnings("unchecked")
    static ComboBox<Cadre> picker() {
        return _get(ComboBox.class, spec -> spec.withId("open-cadre"));
    }

    @SuppressWarnings("unchecked")
    static RadioButtonGroup<ToleranceCase.Kind> kind() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("open-kind"));
    }

    @SuppressWarnings("unchecked")
    static Select<ToleranceCase.Category> category() {
        return _get(Select.class, spec -> spec.withId("open-category"));
    }

    static List<String> offered(String text) {
        ComboBoxKt.setUserInput(picker(), text);
        return ComboBoxKt.getSuggestions(picker());
    }

    static void facts(String matter) {
        _setValue(_get(TextField.class, spec -> spec.withId("open-matter")), matter);
        _setValue(_get(DatePicker.class, spec -> spec.withId("open-matter-date")), LocalDate.of(2025, 11, 3));
        _setValue(_get(TextArea.class, spec -> spec.withId("open-decision-taken")), "经党委会研究先行先试。");
        _setValue(_get(TextArea.class, spec -> spec.withId("open-loss")), "造成一定经济损失。");
    }

    static void submit() {
        _click(_get(Button.class, spec -> spec.withId("open-submit")));
    }

    Map<String, Object> stored(String matter) {
        return jdbc.queryForMap("SELECT kind, cadre_id, category, opened_by FROM tolerance_case WHERE matter = ?",
                matter);
    }

    Integer count(String matter) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tolerance_case WHERE matter = ?", Integer.class, matter);
    }

    @Test
    void aCadreAppliesAboutThemselfFromTheStartPageWithTheCategoryRequired() {
        login(CADRE);
        navigate("start/" + ToleranceStep.PROCESS_KEY);
        NavigatorKt.expectView(ToleranceOpenView.class);
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withId("open-kind"))).as("one kind: nothing to choose")
                .isEmpty();
        assertThat(picker().getValue().id()).isEqualTo(fx.cadreId);
        assertThat(picker().isReadOnly()).isTrue();

        String matter = "开办页：本人申请";
        facts(matter);
        submit();
        assertThat(category().isInvalid()).isTrue();
        assertThat(count(matter)).isZero();

        _setValue(category(), ToleranceCase.Category.REFORM);
        submit();
        assertThat(stored(matter)).containsEntry("KIND", "APPLICATION").containsEntry("CADRE_ID", fx.cadreId)
                .containsEntry("CATEGORY", "REFORM").containsEntry("OPENED_BY", CADRE);
    }

    @Test
    void anHrOfficerPicksACadreOfTheirScopeOnly() {
        // 钱红 is no cadre (发起申请 is a cadre's menu): the page itself
        login(HR2);
        navigate("tolerance/open");
        NavigatorKt.expectView(ToleranceOpenView.class);
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withId("open-kind"))).isEmpty();
        assertThat(picker().isReadOnly()).isFalse();
        assertThat(offered("周平")).containsExactly("周平（容错镇）");
        assertThat(offered("张伟")).isEmpty();

        String matter = "开办页：问责线索";
        _setValue(category(), ToleranceCase.Category.SAFETY);
        facts(matter);
        submit();
        assertThat(picker().isInvalid()).as("no cadre picked").isTrue();
        assertThat(count(matter)).isZero();

        offered("周平");
        _setValue(picker(), ComboBoxKt.getSuggestionItems(picker()).get(0));
        submit();
        assertThat(stored(matter)).containsEntry("KIND", "LEAD").containsEntry("CADRE_ID", fx.cadreId)
                .containsEntry("CATEGORY", "SAFETY").containsEntry("OPENED_BY", HR2);
    }

    @Test
    void anOfficerWhoIsACadreChoosesTheKindAndIsNeverOfferedThemself() {
        login(HR);
        navigate("start/" + ToleranceStep.PROCESS_KEY);
        NavigatorKt.expectView(ToleranceOpenView.class);
        assertThat(kind().getValue()).isEqualTo(ToleranceCase.Kind.APPLICATION);
        assertThat(picker().getValue().name()).isEqualTo("王芳");
        _setValue(kind(), ToleranceCase.Kind.LEAD);
        assertThat(picker().isReadOnly()).isFalse();
        assertThat(picker().getValue()).isNull();
        assertThat(offered("王芳")).isEmpty();
        assertThat(offered("周平")).containsExactly("周平（容错镇）");
    }

    @Test
    void theServerRefusesALeadOutOfReachWhateverIsSent() {
        long zhangwei = users.find("zhangwei").orElseThrow().cadreId();
        Map<String, Object> lead = ToleranceFixture.lead(zhangwei, "开办页：越权线索");
        // 钱红 is HR over 容错镇 only; 张伟 is of 青山镇
        assertThatThrownBy(() -> starts.start(ToleranceStep.PROCESS_KEY, HR2, lead))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .anyMatch(err -> "tolerance.case.error.cadreOutOfReach".equals(err.messageKey())));
        assertThat(count("开办页：越权线索")).isZero();
    }
}
