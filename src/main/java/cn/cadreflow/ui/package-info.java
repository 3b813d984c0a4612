/**
 * The shell and the shared UI kit. {@link cn.cadreflow.ui.MainLayout} draws the navigation from the views'
 * {@code @Menu} annotations and the header; modules add header widgets and menu badges through
 * {@link cn.cadreflow.ui.ShellExtension} and name the signed-in user through {@link cn.cadreflow.ui.UserNames},
 * so the shell knows no feature. The kit: {@link cn.cadreflow.ui.Texts}, {@link cn.cadreflow.ui.DatePickers},
 * {@link cn.cadreflow.ui.Notices}, {@link cn.cadreflow.ui.BoundedUpload} (one file, read only up to its limit),
 * {@link cn.cadreflow.ui.EChart} (an Apache ECharts chart whose option the server prepares), {@link cn.cadreflow.ui.FormTable}
 * (the cells of a printed official form).
 * {@link cn.cadreflow.ui.PhoneLayout} (a list view on a phone: rows as cards, filters behind 筛选, 44 px targets).
 * Uploads at the container: the multipart limits follow the largest {@link cn.cadreflow.ui.UploadLimit} a module
 * declares, and only multipart bodies reach Vaadin's upload URLs ({@code internal.UploadConfig}). No tables, no
 * processes.
 */
@ApplicationModule(displayName = "ui 界面框架", allowedDependencies = { "i18n" })
package cn.cadreflow.ui;

import org.springframework.modulith.ApplicationModule;
