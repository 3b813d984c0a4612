package cn.cadreflow.trainingplan;

/**
 * One published assignment of a yearly plan: the cadre goes to the catalogue course (an immersive week or a
 * classroom course). What a per-leave process starts from: the plan, the cadre and the course, with its dates,
 * place, 学时 and whether it is 脱产.
 */
public record PublishedTraining(long planId, int year, long cadreId, CatalogueCourse course) {
}
