package cn.cadreflow.trainingplan.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.cadreflow.trainingplan.CatalogueCourse;
import cn.cadreflow.trainingplan.CourseCatalogue;

/**
 * Demo catalogue: when the demo organisation is loaded and next year's catalogue is empty, eight immersive weeks
 * (同吃同住同劳动 in the demo villages) and six classroom courses of next year, so planning can be tried at once.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "cadreflow.demo-data", havingValue = "true")
class DemoCourses implements ApplicationRunner {

    private final CatalogueMapper catalogue;
    private final Clock clock;

    DemoCourses(CatalogueMapper catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = LocalDate.now(clock).getYear() + 1;
        LocalDate monday = PlanInputs.firstMonday(year);
        if (!catalogue.between(monday, monday.plusWeeks(PlanInputs.weeks(year))).isEmpty()) {
            return;
        }
        String[] villages = {"青山村", "柳林村", "白沙社区", "云溪社区", "桃源村", "杉木村", "石门社区", "新塘村"};
        for (int i = 0; i < villages.length; i++) {
            add(villages[i] + "同吃同住同劳动周", List.of("群众工作能力", "推动发展的能力"), monday, 10 + 4 * i, 0, 5,
                    villages[i], 6, 40, true);
        }
        add("乡镇干部数字化能力提升班", List.of("信息技术运用能力", "数字胜任力"), monday, 12, 0, 3, "湘江市委党校", 40, 24, false);
        add("依法行政专题班", List.of("法治示范能力"), monday, 16, 0, 5, "清河县委党校", 40, 40, false);
        add("应急处突能力培训班", List.of("应急处突能力"), monday, 20, 1, 2, "清河县应急管理局", 30, 16, false);
        add("基层治理现代化专题研讨班", List.of("组织协调能力", "行政执行能力"), monday, 24, 0, 5, "湖南省委党校", 40, 40,
                false);
        add("信访工作实务班", List.of("信访工作能力", "群众工作能力"), monday, 28, 2, 3, "清河县信访局", 30, 24, false);
        add("运用媒体能力专题班", List.of("运用媒体的能力"), monday, 32, 0, 2, "湘江市委宣传部", 30, 16, false);
    }

    /** A course in ISO week {@code week}, from weekday {@code first} (0 = Monday) for {@code days} days. */
    private void add(String title, List<String> capabilities, LocalDate monday, int week, int first, int days,
                     String place, int capacity, int hours, boolean immersive) {
        LocalDate start = monday.plusWeeks(week - 1L).plusDays(first);
        CatalogueMapper.CourseRow row = new CatalogueMapper.CourseRow();
        CatalogueCourse course = new CatalogueCourse(null, title, capabilities, start, start.plusDays(days - 1L), place,
                capacity, BigDecimal.valueOf(hours), immersive, true);
        row.title = course.title();
        row.capabilities = String.join(CourseCatalogue.SEPARATOR, course.capabilities());
        row.startDate = course.startDate();
        row.endDate = course.endDate();
        row.place = course.place();
        row.capacity = course.capacity();
        row.hours = course.hours();
        row.immersive = course.immersive();
        row.fullTime = course.fullTime();
        catalogue.insert(row, "demo", clock.instant());
    }
}
