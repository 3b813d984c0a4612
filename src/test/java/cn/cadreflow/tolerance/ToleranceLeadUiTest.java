package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE2;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.tolerance.internal.ToleranceLeadView;
import cn.cadreflow.ui.KaribuSupport;

/**
 * 登记问责线索 with the cadre picked, not typed: 冯磊, discipline officer over 容错镇 only, finds its cadres by name
 * or by the unit's name and nobody outside his reach; a lead without a cadre or the facts is refused, on the
 * fields, and nothing is stored; a complete one starts the case against the cadre picked.
 */
@CadreFlowTest
class ToleranceLeadUiTest extends KaribuSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;

    ToleranceFixture fx;

    @BeforeEach
    void setUp() {
        fx = ToleranceFixture.ensure(jdbc, org, cadres, users);
    }

    @SuppressWarnings("unchecked")
    static ComboBox<Cadre> picker() {
        return _get(ComboBox.class, spec -> spec.withId("open-cadre"));
    }

    static List<String> offered(String text) {
        ComboBoxKt.setUserInput(picker(), text);
        return ComboBoxKt.getSuggestions(picker());
    }

    int leads() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tolerance_case WHERE opened_by = ?", Integer.class,
                DISCIPLINE2);
    }

    @Test
    void aDisciplineOfficerPicksACadreInReachByNameOrUnit() {
        login(DISCIPLINE2);
        navigate("tolerance/lead");
        NavigatorKt.expectView(ToleranceLeadView.class);
        assertThat(offered("周平")).containsExactly("周平（容错镇）");
        assertThat(offered("容错镇")).contains("周平（容错镇）", "吴刚（容错镇）", "郑涛（容错镇）");
        // 张伟 of 青山镇 is outside his reach: not offered, by name or by unit
        assertThat(offered("张伟")).isEmpty();
        assertThat(offered("青山镇")).isEmpty();

        int before = leads();
        _click(_get(Button.class, spec -> spec.withId("open-submit")));
        assertThat(notificationTexts()).isNotEmpty();
        assertThat(picker().isInvalid()).isTrue();
        assertThat(leads()).isEqualTo(before);

        offered("周平");
        _setValue(picker(), ComboBoxKt.getSuggestionItems(picker()).get(0));
        _setValue(ToleranceOpenUiTest.category(), ToleranceCase.Category.PETITION);
        _setValue(_get(TextField.class, spec -> spec.withId("open-matter")), "界面选择：违规发放补贴");
        _setValue(_get(DatePicker.class, spec -> spec.withId("open-matter-date")), LocalDate.of(2025, 10, 8));
        _setValue(_get(TextArea.class, spec -> spec.withId("open-decision-taken")), "未经公示发放村级补贴。");
        _setValue(_get(TextArea.class, spec -> spec.withId("open-loss")), "群众有意见。");
        _click(_get(Button.class, spec -> spec.withId("open-submit")));
        assertThat(notificationTexts()).contains("已登记对 周平 的问责线索");
        assertThat(leads()).isEqualTo(before + 1);
        assertThat(jdbc.queryForMap("SELECT kind, cadre_id, status, category FROM tolerance_case WHERE matter = ?",
                "界面选择：违规发放补贴")).containsEntry("KIND", "LEAD").containsEntry("CADRE_ID", fx.cadreId)
                .containsEntry("CATEGORY", "PETITION")
                .containsEntry("STATUS", "ACCEPTANCE");
    }
}
