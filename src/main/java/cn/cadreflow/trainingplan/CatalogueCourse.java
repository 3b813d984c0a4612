package cn.cadreflow.trainingplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A course of the catalogue (培训课程目录): the capabilities it targets (names from the frameworks), its dates and
 * place, places, 学时, immersive (同吃同住同劳动 week in a linked village, community or enterprise) or classroom,
 * and whether it is 脱产 (full time, away from the post). {@code id} is null before it is saved.
 */
public record CatalogueCourse(Long id, String title, List<String> capabilities, LocalDate startDate,
                              LocalDate endDate, String place, int capacity, BigDecimal hours, boolean immersive,
                              boolean fullTime) {

    public CatalogueCourse {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
