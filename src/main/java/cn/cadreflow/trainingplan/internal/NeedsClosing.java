package cn.cadreflow.trainingplan.internal;

import java.util.Arrays;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.cadreflow.annualreview.TrainingNeeds;
import cn.cadreflow.trainingleave.TrainingCredited;
import cn.cadreflow.trainingplan.CourseCatalogue;

/**
 * A catalogue course is completed (its hours credited to the ledger): the cadre's open training needs (annual review)
 * of the capabilities the course targets are closed, matched by capability name as planning matches them. A cadre's
 * own request names no catalogue course and closes nothing. Runs in the crediting transaction.
 */
@Component
class NeedsClosing {

    private final CatalogueMapper catalogue;
    private final TrainingNeeds needs;

    NeedsClosing(CatalogueMapper catalogue, TrainingNeeds needs) {
        this.catalogue = catalogue;
        this.needs = needs;
    }

    @EventListener
    void credited(TrainingCredited credited) {
        if (credited.courseId() == null) {
            return;
        }
        CatalogueMapper.CourseRow course = catalogue.find(credited.courseId());
        if (course == null || course.capabilities == null || course.capabilities.isBlank()) {
            return;
        }
        needs.closeByCapability(credited.cadreId(), Arrays.asList(course.capabilities.split(CourseCatalogue.SEPARATOR)));
    }
}
