package cn.cadreflow.tolerance;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.ui.KaribuSupport;

/**
 * 容错认定登记 as wangfang (HR over 清河县) uses it: she picks 张伟 among the cadres of her units, records the
 * committee's decision of 2012, and a refused entry tells her why and changes nothing. 张伟 then finds it in his
 * file. sunli (HR of 云溪县) can pick neither him nor see it. Matters here lie in 2012.
 */
@CadreFlowTest
class ToleranceUiTest extends KaribuSupport {

    static final String MATTER = "村级道路硬化项目先行招标，未等县级批复";

    @Autowired
    JdbcTemplate jdbc;

    long zhangwei() {
        return users.find("zhangwei").orElseThrow().cadreId();
    }

    int stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tolerance_outcome", Integer.class);
    }

    static List<String> rows(String gridId) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }

    @SuppressWarnings("unchecked")
    static ComboBox<Cadre> cadrePicker() {
        return _get(ComboBox.class, spec -> spec.withId("tolerance-cadre"));
    }

    /** The cadres the picker offers when the officer types a name. */
    static List<Cadre> offered(String name) {
        ComboBoxKt.setUserInput(cadrePicker(), name);
        return ComboBoxKt.getSuggestionItems(cadrePicker());
    }

    @SuppressWarnings("unchecked")
    void fill(String matter, LocalDate matterDate, ToleranceOutcome.Outcome outcome, LocalDate decisionDate,
              String decisionNo) {
        Cadre zhang = offered("张伟").stream().filter(c -> c.id() == zhangwei()).findFirst().orElseThrow();
        _setValue(cadrePicker(), zhang);
        _setValue(_get(TextArea.class, spec -> spec.withId("tolerance-matter")), matter);
        _setValue(_get(DatePicker.class, spec -> spec.withId("tolerance-matter-date")), matterDate);
        _setValue(_get(Select.class, spec -> spec.withId("tolerance-outcome")), outcome);
        _setValue(_get(DatePicker.class, spec -> spec.withId("tolerance-decision-date")), decisionDate);
        _setValue(_get(TextField.class, spec -> spec.withId("tolerance-decision-no")), decisionNo);
    }

    @Test
    void hrRecordsAnOutcomeAndTheCadreSeesItInHisFile() {
        login("wangfang");
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems()).extracting(SideNavItem::getLabel)
                .contains("容错认定登记");
        navigate("tolerance");
        assertThat(offered("张伟")).extracting(Cadre::id).contains(zhangwei());

        // the decision cannot come before the matter: the reason shows, on the field too, and nothing is stored
        int before = stored();
        fill(MATTER, LocalDate.of(2012, 4, 2), ToleranceOutcome.Outcome.EXEMPT, LocalDate.of(2012, 3, 30),
                "清组容〔2012〕6号");
        _click(_get(Button.class, spec -> spec.withId("tolerance-save")));
        assertThat(notificationTexts()).containsExactly("认定日期不能早于事项发生日期");
        assertThat(notificationTexts()).noneMatch(t -> t.contains("Exception"));
        DatePicker decided = _get(DatePicker.class, spec -> spec.withId("tolerance-decision-date"));
        assertThat(decided.isInvalid()).isTrue();
        assertThat(decided.getErrorMessage()).isEqualTo("认定日期不能早于事项发生日期");
        assertThat(stored()).isEqualTo(before);
        assertThat(rows("tolerance-outcomes")).noneMatch(r -> r.contains(MATTER));

        // corrected, it is recorded and listed
        _setValue(decided, LocalDate.of(2012, 6, 18));
        _click(_get(Button.class, spec -> spec.withId("tolerance-save")));
        assertThat(notificationTexts()).contains("已登记：张伟，清组容〔2012〕6号");
        assertThat(stored()).isEqualTo(before + 1);
        assertThat(rows("tolerance-outcomes")).anyMatch(r -> r.contains(MATTER) && r.contains("张伟")
                && r.contains("青山镇") && r.contains("免责") && r.contains("2012-06-18") && r.contains("清组容〔2012〕6号")
                && r.contains("wangfang"));
        assertThat(_get(TextArea.class, spec -> spec.withId("tolerance-matter")).getValue()).as("form cleared")
                .isEmpty();
        assertThat(List.of(cadrePicker(), _get(TextArea.class, spec -> spec.withId("tolerance-matter")),
                _get(DatePicker.class, spec -> spec.withId("tolerance-matter-date")),
                _get(Select.class, spec -> spec.withId("tolerance-outcome")), decided,
                _get(TextField.class, spec -> spec.withId("tolerance-decision-no"))))
                .as("the cleared form is not marked invalid").noneMatch(f -> ((HasValidation) f).isInvalid());

        // HR sees it in the cadre file
        navigate("file/" + zhangwei());
        assertThat(_find(H3.class).stream().map(H3::getText)).contains("容错认定");
        assertThat(rows("tolerance-file")).anyMatch(r -> r.contains(MATTER) && r.contains("免责"));

        // the cadre sees it in his own file
        login("zhangwei");
        navigate("file");
        assertThat(rows("tolerance-file")).anyMatch(r -> r.contains(MATTER) && r.contains("2012-04-02")
                && r.contains("免责") && r.contains("清组容〔2012〕6号"));

        // HR of another county neither picks him nor sees the outcome
        login("sunli");
        navigate("tolerance");
        assertThat(offered("张伟")).extracting(Cadre::id).doesNotContain(zhangwei());
        assertThat(rows("tolerance-outcomes")).noneMatch(r -> r.contains(MATTER));
    }

    @Test
    void aMissingEntryIsRefusedFieldByField() {
        login("wangfang");
        navigate("tolerance");
        int before = stored();
        _click(_get(Button.class, spec -> spec.withId("tolerance-save")));
        assertThat(notificationTexts()).containsExactly(
                "请选择干部；请填写事项；请填写事项发生日期；请选择认定结果；请填写认定日期；请填写认定文号");
        assertThat(cadrePicker().isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("tolerance-decision-no")).getErrorMessage())
                .isEqualTo("请填写认定文号");
        assertThat(stored()).isEqualTo(before);
    }
}
