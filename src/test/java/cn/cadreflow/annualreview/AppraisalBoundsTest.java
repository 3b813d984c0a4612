package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.EvidenceImportService;
import cn.cadreflow.annualreview.internal.EvidenceService;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;

/**
 * Years and figures an officer or a cadre types are bounded on the server: a campaign or evidence for a year from
 * 2000 to next year, a campaign name its column holds, a digital-capability figure of zero or more, at most
 * 99,999,999.99 with two decimals. A refusal says so in the user's language and stores nothing.
 */
@CadreFlowTest
class AppraisalBoundsTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    EvidenceService evidence;
    @Autowired
    EvidenceImportService imports;
    @Autowired
    UserService users;
    @Autowired
    AppraisalSettings settings;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcTemplate jdbc;

    final int next = LocalDate.now().getYear() + 1;

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    String refusal(Runnable action) {
        AppraisalException e = org.assertj.core.api.Assertions.catchThrowableOfType(AppraisalException.class,
                action::run);
        assertThat(e).as("refused").isNotNull();
        return messages.getMessage(e.key(), e.args(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aCampaignIsForAYearFrom2000ToNextYearAndItsNameFitsItsColumn() {
        long unit = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '新塘镇'", Long.class);
        int before = count("appraisal_campaign");
        for (int year : List.of(1999, next + 1, 0, -2026, Integer.MAX_VALUE)) {
            assertThat(refusal(() -> campaigns.create(year, "越界年度考核", List.of(unit), "GRASSROOTS11", "admin")))
                    .as(String.valueOf(year)).isEqualTo("年度须在 2000 至 " + next + " 之间");
        }
        assertThat(refusal(() -> campaigns.create(next, "考".repeat(201), List.of(unit), "GRASSROOTS11", "admin")))
                .isEqualTo("考核工作名称不能超过 200 个字");
        assertThat(count("appraisal_campaign")).isEqualTo(before);
    }

    @Test
    void aCadresOwnEvidenceIsForAnAllowedYearWithAFigureItsColumnKeeps() {
        UserContext zhangwei = users.context("zhangwei").orElseThrow();
        int year = LocalDate.now().getYear();
        int before = count("digital_evidence");
        assertThat(refusal(() -> evidence.submitOwn(zhangwei, 1999, "PLATFORM_USAGE", BigDecimal.TEN, null, null,
                null))).isEqualTo("年度须在 2000 至 " + next + " 之间");
        assertThat(refusal(() -> evidence.submitOwn(zhangwei, next + 1, "PLATFORM_USAGE", BigDecimal.TEN, null, null,
                null))).isEqualTo("年度须在 2000 至 " + next + " 之间");
        assertThat(refusal(() -> evidence.submitOwn(zhangwei, year, "PLATFORM_USAGE", new BigDecimal("-0.01"), null,
                null, null))).isEqualTo("数值不能为负数");
        assertThat(refusal(() -> evidence.submitOwn(zhangwei, year, "PLATFORM_USAGE", new BigDecimal("100000000"),
                null, null, null))).isEqualTo("数值不能大于 99999999.99");
        assertThat(refusal(() -> evidence.submitOwn(zhangwei, year, "PLATFORM_USAGE", new BigDecimal("1e400"),
                null, null, null))).isEqualTo("数值不能大于 99999999.99");
        assertThat(refusal(() -> evidence.submitOwn(zhangwei, year, "PLATFORM_USAGE", new BigDecimal("12.345"),
                null, null, null))).isEqualTo("数值最多保留 2 位小数");
        assertThat(count("digital_evidence")).isEqualTo(before);
    }

    @Test
    void anImportIsForAnAllowedYear() {
        long cadre = users.find("chenjing").orElseThrow().cadreId();
        byte[] csv = ("干部编号,指标编码,数值\n" + cadre + ",PLATFORM_USAGE,100\n").getBytes(StandardCharsets.UTF_8);
        int before = count("digital_evidence");
        for (int year : List.of(0, 1999, next + 1)) {
            assertThat(refusal(() -> imports.importFile("platform.csv", csv, year, users.context("wangfang").orElseThrow())))
                    .isEqualTo("年度须在 2000 至 " + next + " 之间");
        }
        assertThat(count("digital_evidence")).isEqualTo(before);
    }

    @Test
    void theSettingsAnAdministratorTypesFitTheirColumnsAndStaySane() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        settings.items("MODERN8").forEach(i -> {
            names.put(i.code(), i.name());
            weights.put(i.code(), i.weight());
        });
        String first = names.keySet().iterator().next();
        // 51 emoji are 102 characters to the database, beyond the 100 its column holds
        names.put(first, "😀".repeat(51));
        assertThat(refusal(() -> settings.updateFrameworkItems("MODERN8", names, weights))).endsWith("的名称须为1至100个字");
        assertThat(settings.items("MODERN8").get(0).name()).isNotEqualTo(names.get(first));

        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        Map<String, BigDecimal> indicatorWeights = new LinkedHashMap<>();
        settings.indicators().forEach(i -> {
            targets.put(i.code(), i.targetValue());
            indicatorWeights.put(i.code(), i.weight());
        });
        String indicator = targets.keySet().iterator().next();
        targets.put(indicator, new BigDecimal("1e12"));
        assertThat(refusal(() -> settings.updateIndicators(targets, indicatorWeights)))
                .isEqualTo(indicator + "的满分值不能大于 99999999.99，最多保留 2 位小数");
        targets.put(indicator, settings.indicators().get(0).targetValue());
        indicatorWeights.replaceAll((code, w) -> BigDecimal.ZERO);
        indicatorWeights.put(indicator, new BigDecimal("33.333"));
        assertThat(refusal(() -> settings.updateIndicators(targets, indicatorWeights)))
                .isEqualTo(indicator + "的权重最多保留 2 位小数");

        Map<String, String> before = settings.rules();
        assertThat(refusal(() -> settings.updateRules(Map.of(AppraisalSettings.NOTICE_DAYS, "100000"))))
                .isEqualTo("规则" + AppraisalSettings.NOTICE_DAYS + "须在 0 至 366 之间");
        assertThat(refusal(() -> settings.updateRules(Map.of(AppraisalSettings.PEER_COMPLETION_PERCENT, "101"))))
                .isEqualTo("规则" + AppraisalSettings.PEER_COMPLETION_PERCENT + "须在 0 至 100 之间");
        assertThat(settings.rules()).isEqualTo(before);
    }
}
