package cn.cadreflow.i18n;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

import cn.cadreflow.i18n.internal.LocaleSetup;

/** One button that switches between 中文 and English (it names the language it switches to). */
public class LanguageSwitch extends Button {

    public LanguageSwitch() {
        Locale current = UI.getCurrent() == null ? AppI18NProvider.CHINESE : UI.getCurrent().getLocale();
        boolean chinese = !Locale.ENGLISH.getLanguage().equals(current.getLanguage());
        Locale target = chinese ? Locale.ENGLISH : AppI18NProvider.CHINESE;
        setText(getTranslation(chinese ? "language.english" : "language.chinese"));
        setId("language-switch");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addClickListener(e -> LocaleSetup.switchTo(target));
    }
}
