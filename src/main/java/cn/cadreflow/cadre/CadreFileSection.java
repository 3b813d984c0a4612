package cn.cadreflow.cadre;

import java.util.Locale;

import com.vaadin.flow.component.Component;

/**
 * A section of the cadre file contributed by a feature (training ledger, reviews, rotations, ...),
 * so the file grows without the cadre package knowing every feature.
 */
public interface CadreFileSection {

    /** Sections are shown in ascending order after the profile and post history. */
    int order();

    String titleKey();

    Component render(Cadre cadre, Locale locale);
}
