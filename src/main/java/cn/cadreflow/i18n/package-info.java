/**
 * Languages: Chinese (zh-CN, the default) and English. Owns {@code messages.properties} and
 * {@code messages_en.properties}, the locale of each session ({@code internal.LocaleSetup}) and the header's
 * language switch. No tables, no processes, no views. Uses no other module.
 */
@ApplicationModule(displayName = "i18n 语言")
package cn.cadreflow.i18n;

import org.springframework.modulith.ApplicationModule;
