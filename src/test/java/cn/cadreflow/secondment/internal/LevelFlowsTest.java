package cn.cadreflow.secondment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.secondment.SecondmentReports.Flow;

/** The flows between levels and their Sankey picture, without Spring. */
class LevelFlowsTest {

    static final Map<Long, OrgLevel> LEVELS = Map.of(1L, OrgLevel.VILLAGE, 2L, OrgLevel.TOWNSHIP, 3L,
            OrgLevel.COUNTY, 4L, OrgLevel.CITY, 5L, OrgLevel.TOWNSHIP);

    @Test
    void movesAreSummedPerPairOfLevelsDeparturesAndReturnsApart() {
        List<Flow> flows = LevelFlows.byLevel(List.of(
                new LevelFlows.UnitMove(2, 3, false, 4),
                new LevelFlows.UnitMove(5, 3, false, 1),
                new LevelFlows.UnitMove(3, 2, true, 2),
                new LevelFlows.UnitMove(1, 4, false, 1),
                new LevelFlows.UnitMove(2, 99, false, 7)), LEVELS::get);

        assertThat(flows).containsExactly(
                new Flow(OrgLevel.COUNTY, OrgLevel.TOWNSHIP, 0, 2),
                new Flow(OrgLevel.TOWNSHIP, OrgLevel.COUNTY, 5, 0),
                new Flow(OrgLevel.VILLAGE, OrgLevel.CITY, 1, 0));
    }

    @Test
    void theTalentPumpDrawsOnlyFromTheGrassrootsUpwards() {
        assertThat(LevelFlows.upFromGrassroots(OrgLevel.TOWNSHIP, OrgLevel.COUNTY)).isTrue();
        assertThat(LevelFlows.upFromGrassroots(OrgLevel.VILLAGE, OrgLevel.TOWNSHIP)).isTrue();
        assertThat(LevelFlows.upFromGrassroots(OrgLevel.TOWNSHIP, OrgLevel.TOWNSHIP)).isFalse();
        assertThat(LevelFlows.upFromGrassroots(OrgLevel.COUNTY, OrgLevel.CITY)).isFalse();
        assertThat(LevelFlows.upFromGrassroots(OrgLevel.TOWNSHIP, OrgLevel.VILLAGE)).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSankeyHasEachLevelOnceOnEachSideSoAWayBackDrawsNoCycle() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        List<Flow> flows = List.of(new Flow(OrgLevel.TOWNSHIP, OrgLevel.COUNTY, 5, 0),
                new Flow(OrgLevel.COUNTY, OrgLevel.TOWNSHIP, 0, 2));

        Map<String, Object> series = ((List<Map<String, Object>>) FlowSankey.option(flows, messages,
                Locale.SIMPLIFIED_CHINESE).get("series")).get(0);

        assertThat((List<Map<String, Object>>) series.get("data")).extracting(n -> n.get("name"))
                .containsExactly("乡镇 →", "→ 县", "县 →", "→ 乡镇");
        assertThat((List<Map<String, Object>>) series.get("links"))
                .extracting(l -> l.get("source") + "|" + l.get("target") + "|" + l.get("value") + "|" + l.get("key"))
                .containsExactly("乡镇 →|→ 县|5|TOWNSHIP>COUNTY", "县 →|→ 乡镇|2|COUNTY>TOWNSHIP");
        Map<String, Object> english = ((List<Map<String, Object>>) FlowSankey.option(flows, messages,
                Locale.ENGLISH).get("series")).get(0);
        assertThat((List<Map<String, Object>>) english.get("data")).extracting(n -> n.get("name"))
                .containsExactly("Township →", "→ County", "County →", "→ Township");
    }

    @Test
    void aClickReadsBackTheLevelsOfItsNodeOrLink() {
        assertThat(FlowSankey.picked("TOWNSHIP>COUNTY"))
                .contains(new FlowSankey.Picked(OrgLevel.TOWNSHIP, OrgLevel.COUNTY));
        assertThat(FlowSankey.picked("from:VILLAGE")).contains(new FlowSankey.Picked(OrgLevel.VILLAGE, null));
        assertThat(FlowSankey.picked("to:CITY")).contains(new FlowSankey.Picked(null, OrgLevel.CITY));
        assertThat(FlowSankey.picked("")).isEmpty();
        assertThat(FlowSankey.picked("MOON>COUNTY")).isEmpty();
    }
}
