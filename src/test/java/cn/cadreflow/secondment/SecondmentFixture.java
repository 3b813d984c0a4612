package cn.cadreflow.secondment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;

/**
 * Units of their own under 清河县 (so HR 王芳 covers them) for the secondment tests, made once per database:
 * 挂职测试镇 (four cadres, at least three on duty), 挂职测试二镇 (one cadre, no minimum), and the receiving 挂职接收镇.
 * The leader {@code gzlead} leads both sending towns, {@code gzhost} the receiving one; each cadre has an account
 * {@code gz1} … {@code gz5}, except the sixth (挂职己, of 挂职测试二镇), for whom HR asks. Each test takes its own window of years, so that no two tests' terms overlap.
 */
public record SecondmentFixture(long county, long sending, long sending2, long receiving, List<Long> cadres,
                                List<String> users) {

    public static final String LEADER = "gzlead";
    public static final String HOST = "gzhost";
    public static final String HR = "wangfang";
    static final String PASSWORD = "Test@2026";
    private static final AtomicInteger WINDOW = new AtomicInteger();
    private static final AtomicInteger POST = new AtomicInteger();

    public static SecondmentFixture ensure(OrgService org, CadreService cadres, UserService users, JdbcTemplate jdbc) {
        long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '清河县'", Long.class);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE code = 'GZ-SEND'", Integer.class) == 0) {
            long sending = org.addUnit("GZ-SEND", "挂职测试镇", OrgLevel.TOWNSHIP, county, 3);
            long sending2 = org.addUnit("GZ-SEND2", "挂职测试二镇", OrgLevel.TOWNSHIP, county, 0);
            long receiving = org.addUnit("GZ-HOST", "挂职接收镇", OrgLevel.TOWNSHIP, county, 0);
            String[] names = {"挂职甲", "挂职乙", "挂职丙", "挂职丁", "挂职戊", "挂职己"};
            for (int i = 0; i < names.length; i++) {
                long unit = i < 4 ? sending : sending2;
                long post = org.addPost(unit, "综合办干事" + (i + 1), false);
                long cadre = cadres.add(new CadreService.NewCadre(names[i], "M", LocalDate.of(1986, 3, 1), "汉族",
                        null, LocalDate.of(2008, 7, 1), "UNDERGRADUATE", "KEYUAN", unit, post));
                cadres.addPostHistory(cadre, unit, "综合办干事" + (i + 1), LocalDate.of(2008, 7, 1), null);
                if (i < 5) {
                    users.grant(users.addUser("gz" + (i + 1), names[i], cadre, PASSWORD), AppRoles.CADRE, null);
                }
            }
            long lead = users.addUser(LEADER, "挂职镇书记", null, PASSWORD);
            users.grant(lead, AppRoles.UNIT_LEADER, sending);
            users.grant(lead, AppRoles.UNIT_LEADER, sending2);
            users.grant(users.addUser(HOST, "接收镇书记", null, PASSWORD), AppRoles.UNIT_LEADER, receiving);
        }
        Map<String, Long> units = new HashMap<>();
        jdbc.query("SELECT id, code FROM org_unit WHERE code LIKE 'GZ-%'", rs -> {
            units.put(rs.getString("code"), rs.getLong("id"));
        });
        List<Long> cadreIds = new ArrayList<>();
        List<String> userNames = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            userNames.add("gz" + i);
            cadreIds.add(jdbc.queryForObject("SELECT cadre_id FROM app_user WHERE username = ?", Long.class, "gz" + i));
        }
        cadreIds.add(jdbc.queryForObject("SELECT id FROM cadre WHERE name = '挂职己'", Long.class));
        return new SecondmentFixture(county, units.get("GZ-SEND"), units.get("GZ-SEND2"), units.get("GZ-HOST"),
                cadreIds, userNames);
    }

    /**
     * The first day of a window of {@code years} no other test uses, from next year on (forms take dates up to
     * 2099: a run has some seventy years to share).
     */
    public static LocalDate window(int years) {
        return LocalDate.now().plusYears(1L + WINDOW.getAndAdd(years)).withDayOfMonth(1);
    }

    /** A new post at the receiving town. */
    public long newHostPost(OrgService org) {
        return org.addPost(receiving, "挂职副镇长" + POST.incrementAndGet(), true);
    }

    /** What the request form sends; {@code cadreId} null for the starter's own request. */
    public static Map<String, Object> request(Long cadreId, SecondmentKind kind, long targetPost, LocalDate start,
                                              LocalDate end) {
        Map<String, Object> v = new HashMap<>();
        if (cadreId != null) {
            v.put("cadreId", cadreId);
        }
        v.put("kind", kind.name());
        v.put("targetPostId", targetPost);
        v.put("startDate", start.toString());
        v.put("endDate", end.toString());
        v.put("reason", "到基层一线锻炼，工作已交接。");
        return v;
    }
}
