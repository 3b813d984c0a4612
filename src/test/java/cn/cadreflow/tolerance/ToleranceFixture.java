package cn.cadreflow.tolerance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;

/**
 * A township of its own under 清河县 for the 容错纠错 tests, so that other tests' cadres, groups and registers stay as
 * they were: 周平 ({@value #CADRE}) and 吴刚 ({@value #COLLEAGUE}), cadres there; 郑涛 ({@value #LEADER}) its leader; a
 * second HR officer ({@value #HR2}) and a second discipline officer ({@value #DISCIPLINE2}) over it only. Over it too,
 * from the demo data: wangfang (HR, the county) and zhaomin (discipline, the county).
 */
final class ToleranceFixture {

    static final String CADRE = "zhouping";
    static final String COLLEAGUE = "wugang";
    static final String LEADER = "zhengtao";
    static final String HR = "wangfang";
    static final String HR2 = "qianhong";
    static final String DISCIPLINE = "zhaomin";
    static final String DISCIPLINE2 = "fenglei";
    static final String PASSWORD = "Demo@12345";

    final long township;
    final long cadreId;
    final long colleagueId;

    private ToleranceFixture(long township, long cadreId, long colleagueId) {
        this.township = township;
        this.cadreId = cadreId;
        this.colleagueId = colleagueId;
    }

    static synchronized ToleranceFixture ensure(JdbcTemplate jdbc, OrgService org, CadreService cadres,
                                                UserService users) {
        List<Long> existing = jdbc.queryForList("SELECT id FROM org_unit WHERE code = 'RONGCUO'", Long.class);
        if (!existing.isEmpty()) {
            return new ToleranceFixture(existing.get(0), cadreOf(users, CADRE), cadreOf(users, COLLEAGUE));
        }
        long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '清河县'", Long.class);
        long township = org.addUnit("RONGCUO", "容错镇", OrgLevel.TOWNSHIP, county, 0);
        long cadre = cadre(cadres, org, township, "周平", "经济发展办主任");
        long colleague = cadre(cadres, org, township, "吴刚", "组织委员");
        long leader = cadre(cadres, org, township, "郑涛", "党委书记");
        users.grant(users.addUser(CADRE, "周平", cadre, PASSWORD), AppRoles.CADRE, null);
        users.grant(users.addUser(COLLEAGUE, "吴刚", colleague, PASSWORD), AppRoles.CADRE, null);
        long leaderUser = users.addUser(LEADER, "郑涛", leader, PASSWORD);
        users.grant(leaderUser, AppRoles.CADRE, null);
        users.grant(leaderUser, AppRoles.UNIT_LEADER, township);
        users.grant(users.addUser(HR2, "钱红", null, PASSWORD), AppRoles.HR_OFFICER, township);
        users.grant(users.addUser(DISCIPLINE2, "冯磊", null, PASSWORD), AppRoles.DISCIPLINE, township);
        return new ToleranceFixture(township, cadre, colleague);
    }

    private static long cadre(CadreService cadres, OrgService org, long unit, String name, String post) {
        return cadres.add(new CadreService.NewCadre(name, "M", LocalDate.of(1985, 5, 1), "汉族", null,
                LocalDate.of(2008, 7, 1), "大学", "FUKE", unit, org.addPost(unit, post, false)));
    }

    private static long cadreOf(UserService users, String username) {
        return users.find(username).orElseThrow().cadreId();
    }

    /** A 容错申请's start form. */
    static Map<String, Object> application(String matter) {
        Map<String, Object> form = new HashMap<>();
        form.put("kind", "APPLICATION");
        form.put("category", "INVESTMENT");
        form.put("matter", matter);
        form.put("matterDate", "2025-06-10");
        form.put("decisionTaken", "为推进园区招商，经党委会研究先行垫付企业落地配套资金。");
        form.put("loss", "企业未按期投产，垫付资金12万元暂未收回。");
        form.put("mitigation", "已督促企业分期返还并冻结其保证金。");
        return form;
    }

    /** A 问责线索 against a cadre. */
    static Map<String, Object> lead(long cadreId, String matter) {
        Map<String, Object> form = application(matter);
        form.put("kind", "LEAD");
        form.put("cadreId", cadreId);
        return form;
    }

    /** Findings that meet every criterion, with one or more answers changed. */
    static Map<String, Object> findings(String... changes) {
        Map<String, Object> f = new HashMap<>();
        f.put("findings", "经调阅会议记录、走访企业，情况属实。");
        for (String k : List.of("founded", "pioneering", "notForbidden", "forDevelopment", "collectiveDecision",
                "legalReview", "lossLimited")) {
            f.put(k, "YES");
        }
        f.put("privateGain", "NO");
        f.put("collusion", "NO");
        for (String change : changes) {
            String[] kv = change.split("=");
            f.put(kv[0], kv[1]);
        }
        return f;
    }
}
