/**
 * The organisation: the unit tree (省 > 市 > 县 > 乡镇 > 村, grassroots units, minimum on-duty staffing), posts, and
 * the work calendar (holidays and 调休 days) that due dates and notice periods are counted on.
 * <p>
 * Tables: {@code org_unit}, {@code post}, {@code work_calendar_day}. API: {@link cn.cadreflow.org.OrgService}
 * (units, subtrees, batch lookups), {@link cn.cadreflow.org.WorkCalendar}. No processes, no views (the calendar
 * is edited in {@code admin}). Uses no other module.
 */
@ApplicationModule(displayName = "org 组织与工作日历")
package cn.cadreflow.org;

import org.springframework.modulith.ApplicationModule;
