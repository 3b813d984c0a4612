package cn.cadreflow.annualreview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.AppraisalSettingsView;
import cn.cadreflow.ui.KaribuSupport;

/** 考核指标: the admin's editor of framework weights, digital indicators and rule settings. */
@CadreFlowTest
class AnnualReviewAdminUiTest extends KaribuSupport {

    @Autowired
    AppraisalSettings settings;

    static List<String> menu() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }

    static String status() {
        return _get(Paragraph.class, spec -> spec.withId("settings-status")).getText();
    }

    static void save(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    static NumberField number(String id) {
        return _get(NumberField.class, spec -> spec.withId(id));
    }

    Map<String, String> names(String framework) {
        Map<String, String> n = new LinkedHashMap<>();
        settings.items(framework).forEach(i -> n.put(i.code(), i.name()));
        return n;
    }

    Map<String, BigDecimal> weights(String framework) {
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        settings.items(framework).forEach(i -> w.put(i.code(), i.weight()));
        return w;
    }

    @Test
    void adminIsRefusedWeightsSummingTo99OrABlankNameAndSavesAValidChange() {
        Map<String, BigDecimal> original = weights("MODERN8");
        Map<String, String> originalNames = names("MODERN8");
        login("admin");
        assertThat(menu()).contains("考核指标");
        navigate("admin/appraisal");
        NavigatorKt.expectView(AppraisalSettingsView.class);
        try {
            assertThat(number("weight-MODERN8-STRATEGY").getValue()).isEqualTo(13.0);
            _setValue(number("weight-MODERN8-STRATEGY"), 12.0);
            save("save-MODERN8");
            assertThat(status()).isEqualTo("各项权重之和须为100，现为99");
            assertThat(weights("MODERN8")).isEqualTo(original);

            _setValue(number("weight-MODERN8-RISK"), 13.0);
            TextField name = _get(TextField.class, spec -> spec.withId("name-MODERN8-STRATEGY"));
            _setValue(name, " ");
            save("save-MODERN8");
            assertThat(status()).isEqualTo("“战略决策”的名称须为1至100个字");
            assertThat(weights("MODERN8")).isEqualTo(original);

            _setValue(name, "战略决策能力");
            save("save-MODERN8");
            assertThat(status()).isEqualTo("已保存");
            assertThat(names("MODERN8").get("STRATEGY")).isEqualTo("战略决策能力");
            assertThat(weights("MODERN8").get("STRATEGY")).isEqualByComparingTo("12");
            assertThat(weights("MODERN8").get("RISK")).isEqualByComparingTo("13");
            // the editor shows what is stored now
            assertThat(number("weight-MODERN8-STRATEGY").getValue()).isEqualTo(12.0);
        } finally {
            settings.updateFrameworkItems("MODERN8", originalNames, original);
        }
    }

    @Test
    void badIndicatorAndRuleValuesAreRefusedInTheUsersLanguageAndNothingChanges() {
        Map<String, String> rules = settings.rules();
        List<DigitalIndicator> indicators = settings.indicators();
        login("admin");
        navigate("admin/appraisal");

        _setValue(number("indicator-weight-PLATFORM_USAGE"), 29.0);
        save("save-indicators");
        assertThat(status()).isEqualTo("各项权重之和须为100，现为99");
        _setValue(number("indicator-target-PLATFORM_USAGE"), 0.0);
        _setValue(number("indicator-weight-PLATFORM_USAGE"), 30.0);
        save("save-indicators");
        assertThat(status()).isEqualTo("协同办公平台（湘政通）使用的满分值须大于0");
        assertThat(settings.indicators()).isEqualTo(indicators);

        _setValue(_get(TextField.class, spec -> spec.withId("rule-recheck-window-days")), "十五");
        save("save-rules");
        assertThat(status()).isEqualTo("规则申请复核期限（日）须为非负整数");
        assertThat(settings.rules()).isEqualTo(rules);

        // in English
        _click(_get(Button.class, spec -> spec.withId("language-switch")));
        navigate("admin/appraisal");
        _setValue(_get(TextField.class, spec -> spec.withId("rule-weight-self")), "9");
        save("save-rules");
        assertThat(status()).isEqualTo("The weights must add up to 100, not 99");
        assertThat(settings.rules()).isEqualTo(rules);
    }

    @Test
    void aCadreCannotOpenTheEditorNorTheTrainingNeedsList() {
        login("zhangwei");
        assertThat(menu()).doesNotContain("考核指标");
        expectMissingPage("admin/appraisal");
        assertThat(_find(AppraisalSettingsView.class)).isEmpty();
        // nor HR's list of training needs
        expectMissingPage("training-needs");
        assertThat(settings.rules()).isNotEmpty();
    }
}
