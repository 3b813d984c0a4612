package cn.cadreflow.admin.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.training.TrainingRecord;

/**
 * The demo organisation: 湘江市 with three counties, two townships each and their villages, about sixty
 * cadres, and a signed-in user for every role (passwords in README). Loaded once, into an empty database, only
 * when asked ({@code cadreflow.demo-data=true}, {@code CADREFLOW_DEMO_DATA=true}): its passwords are public. Runs
 * before the security module's first administrator, which is then not needed.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "cadreflow.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final String SURNAMES = "张王李赵陈刘杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段";
    private static final String[] GIVEN = {"建国", "海燕", "志强", "丽华", "晓东", "春梅", "国庆", "秀英", "文博", "雪莲",
            "德明", "桂兰", "卫东", "玉珍", "振华", "红霞", "子豪", "静怡", "宏伟", "思远", "永红", "丹丹", "立新", "婷婷",
            "明亮", "慧敏", "家乐", "佳怡", "浩然", "雅琴"};
    private static final String[] ETHNICITIES = {"汉族", "汉族", "汉族", "土家族", "汉族", "苗族", "汉族", "瑶族"};
    private static final String[] EDUCATION = {"UNDERGRADUATE", "UNDERGRADUATE", "POSTGRADUATE", "COLLEGE"};

    private final OrgService org;
    private final CadreService cadres;
    private final UserService users;
    private final TrainingLedger training;
    private final Clock clock;
    private int nameSeed;

    DemoData(OrgService org, CadreService cadres, UserService users, TrainingLedger training, Clock clock) {
        this.org = org;
        this.cadres = cadres;
        this.users = users;
        this.training = training;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!org.isEmpty()) {
            return;
        }
        load();
        log.info("Loaded the demo organisation and its users (passwords in the README)");
    }

    private void load() {
        long city = unit("4301", "湘江市", OrgLevel.CITY, null, 0);
        Map<String, Long> u = new LinkedHashMap<>();
        String[][] counties = {
                {"430121", "清河县", "青山镇", "白沙镇"},
                {"430122", "云溪县", "云溪街道", "桃源镇"},
                {"430123", "石门区", "石门街道", "新塘镇"}};
        String[][] villages = {{"青山村", "柳林村"}, {"白沙社区"}, {"云溪社区"}, {"桃源村", "杉木村"}, {"石门社区"}, {"新塘村"}};
        int t = 0;
        for (String[] c : counties) {
            long county = unit(c[0], c[1], OrgLevel.COUNTY, city, 0);
            u.put(c[1], county);
            for (int i = 2; i < 4; i++) {
                long town = unit(c[0] + "1" + i, c[i], OrgLevel.TOWNSHIP, county, 4);
                u.put(c[i], town);
                int v = 0;
                for (String village : villages[t]) {
                    u.put(village, unit(c[0] + "1" + i + (++v), village, OrgLevel.VILLAGE, town, 2));
                }
                t++;
            }
        }
        LocalDate today = LocalDate.now(clock);

        // The named demo people first, then the rest of each unit.
        long zhangwei = cadre("张伟", "M", 1990, u.get("青山镇"), "党政综合办公室科员", "KEYUAN", today);
        long lijun = cadre("李军", "M", 1978, u.get("青山镇"), "党委书记", "ZHENGKE", today);
        long chenjing = cadre("陈静", "F", 1992, u.get("白沙镇"), "社会事务办干事", "KEYUAN", today);
        long liuyang = cadre("刘洋", "M", 1980, u.get("白沙镇"), "党委书记", "ZHENGKE", today);
        long wangfang = cadre("王芳", "F", 1985, u.get("清河县"), "县委组织部干部科科长", "ZHENGKE", today);
        long sunli = cadre("孙丽", "F", 1987, u.get("云溪县"), "县委组织部干部科科长", "ZHENGKE", today);
        long zhaomin = cadre("赵敏", "F", 1983, u.get("清河县"), "县纪委监委第一纪检监察室主任", "ZHENGKE", today);
        long huangzhigang = cadre("黄志刚", "M", 1975, u.get("清河县"), "县委常委、组织部部长", "FUCHU", today);

        user("zhangwei", "张伟", zhangwei, AppRoles.CADRE, null);
        long lijunUser = user("lijun", "李军", lijun, AppRoles.CADRE, null);
        users.grant(lijunUser, AppRoles.UNIT_LEADER, u.get("青山镇"));
        user("chenjing", "陈静", chenjing, AppRoles.CADRE, null);
        long liuyangUser = user("liuyang", "刘洋", liuyang, AppRoles.CADRE, null);
        users.grant(liuyangUser, AppRoles.UNIT_LEADER, u.get("白沙镇"));
        long wangfangUser = user("wangfang", "王芳", wangfang, AppRoles.CADRE, null);
        users.grant(wangfangUser, AppRoles.HR_OFFICER, u.get("清河县"));
        long sunliUser = user("sunli", "孙丽", sunli, AppRoles.CADRE, null);
        users.grant(sunliUser, AppRoles.HR_OFFICER, u.get("云溪县"));
        long zhaominUser = user("zhaomin", "赵敏", zhaomin, AppRoles.CADRE, null);
        users.grant(zhaominUser, AppRoles.DISCIPLINE, u.get("清河县"));
        // the head of the county's organisation department (组织部长): overdue 容错 acceptances escalate to him
        long huangzhigangUser = user("huangzhigang", "黄志刚", huangzhigang, AppRoles.CADRE, null);
        users.grant(huangzhigangUser, AppRoles.ORG_HEAD, u.get("清河县"));
        // another server on this database may have created the first administrator meanwhile (it found no account
        // before these were committed): that account stays, with its own password
        if (users.find("admin").isEmpty()) {
            user("admin", "系统管理员", null, AppRoles.ADMIN, null);
        }

        String[] countyPosts = {"县委书记", "县长", "县委副书记", "副县长", "县委办公室主任", "发改局局长"};
        String[] cityPosts = {"市委书记", "市长", "市委组织部部长", "市委组织部干部一科科长", "市发改委主任", "市数据局局长"};
        String[] townPosts = {"镇长", "党委副书记", "副镇长", "组织委员", "经济发展办主任"};
        String[] ranks = {"ZHENGCHU", "ZHENGCHU", "FUCHU", "FUCHU", "ZHENGKE", "ZHENGKE"};
        for (int i = 0; i < cityPosts.length; i++) {
            cadre(nextName(), i % 3 == 1 ? "F" : "M", 1968 + i * 3, city, cityPosts[i],
                    i < 2 ? "ZHENGTING" : i < 3 ? "FUTING" : "ZHENGCHU", today);
        }
        for (String[] c : counties) {
            for (int i = 0; i < countyPosts.length; i++) {
                cadre(nextName(), i % 3 == 2 ? "F" : "M", 1970 + i * 3, u.get(c[1]), countyPosts[i], ranks[i], today);
            }
            for (int k = 2; k < 4; k++) {
                for (int i = 0; i < townPosts.length; i++) {
                    if (i == 0 && (c[k].equals("青山镇") || c[k].equals("白沙镇"))) {
                        continue;
                    }
                    cadre(nextName(), i % 2 == 1 ? "F" : "M", 1976 + i * 3, u.get(c[k]), townPosts[i],
                            i < 2 ? "ZHENGKE" : i < 4 ? "FUKE" : "KEYUAN", today);
                }
            }
        }
        for (Map.Entry<String, Long> e : u.entrySet()) {
            if (e.getKey().endsWith("村") || e.getKey().endsWith("社区")) {
                cadre(nextName(), "M", 1986, e.getValue(), "驻村第一书记", "FUKE", today);
            }
        }
        trainingRecord(zhangwei, today.withDayOfYear(1).plusDays(60), 4, "乡镇干部数字化能力提升专题培训", "湘江市委党校",
                BigDecimal.valueOf(24));
        trainingRecord(lijun, today.withDayOfYear(1).plusDays(90), 5, "基层治理现代化专题研讨班", "湖南省委党校",
                BigDecimal.valueOf(40));
    }

    private long unit(String code, String name, OrgLevel level, Long parent, int minStaffing) {
        return org.addUnit(code, name, level, parent, minStaffing);
    }

    private long cadre(String name, String gender, int birthYear, long unitId, String postName, String rank,
                       LocalDate today) {
        long post = org.addPost(unitId, postName, !"KEYUAN".equals(rank));

        int n = nameSeed++;
        LocalDate workStart = LocalDate.of(birthYear + 22, 7 + n % 3, 1);
        LocalDate birth = LocalDate.of(birthYear, 1 + n % 12, 1 + (n * 7) % 28);
        // party posts (书记, 组织部, 纪委, 组织委员) are held by members; among the others every fifth is not one
        boolean partyPost = postName.contains("书记") || postName.contains("组织") || postName.contains("纪");
        boolean member = partyPost || n % 5 != 4;
        String political = member ? (birthYear >= 1992 && n % 2 == 0 ? "CPC_PROBATIONARY" : "CPC")
                : n % 10 == 4 ? "DEMOCRATIC" : n % 15 == 9 ? "NONPARTY" : "MASSES";
        LocalDate partyDate = !member ? null
                : "CPC_PROBATIONARY".equals(political) ? today.minusMonths(4 + n % 6).withDayOfMonth(1)
                : workStart.plusYears(2);
        long id = cadres.add(new CadreService.NewCadre(name, gender, birth,
                ETHNICITIES[n % ETHNICITIES.length], partyDate, workStart,
                EDUCATION[n % EDUCATION.length], rank, unitId, post, political));

        LocalDate since = today.minusYears(1 + n % 6).withDayOfMonth(1);
        cadres.addPostHistory(id, unitId, postName, since, null);
        cadres.addPostHistory(id, unitId, "科员", workStart, since.minusDays(1));
        return id;
    }

    private long user(String username, String name, Long cadreId, String role, Long unitId) {
        long id = users.addUser(username, name, cadreId, PASSWORD);
        users.grant(id, role, unitId);
        return id;
    }

    private void trainingRecord(long cadreId, LocalDate start, int days, String course, String organizer,
                                BigDecimal hours) {
        training.record(new TrainingRecord(null, cadreId, start.getYear(), course, organizer, "FULL_TIME",
                start, start.plusDays(days - 1L), hours, null));
    }

    private String nextName() {
        int n = nameSeed;
        return SURNAMES.charAt((n * 7 + 3) % SURNAMES.length()) + GIVEN[(n * 11 + 5) % GIVEN.length];
    }
}
