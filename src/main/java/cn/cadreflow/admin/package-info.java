/**
 * Administration that belongs to no single feature: the work calendar view ({@code admin/calendar}) and the demo
 * organisation loaded when asked ({@code internal.DemoData}, through the other modules' APIs only). No tables of
 * its own.
 */
@ApplicationModule(displayName = "admin 系统管理",
        allowedDependencies = { "org", "cadre", "security", "training", "annualreview", "workflow", "ui", "i18n" })
package cn.cadreflow.admin;

import org.springframework.modulith.ApplicationModule;
