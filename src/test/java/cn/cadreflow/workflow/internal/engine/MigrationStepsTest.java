package cn.cadreflow.workflow.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import cn.cadreflow.workflow.MigrationPreview;

/** The engine's migration refusals, which carry no code, read as one of ours (and so in the user's language). */
class MigrationStepsTest {

    @Test
    void theEnginesFailureTextsBecomeProblemCodes() {
        assertThat(MigrationSteps.code("Activities have incompatible types (UserTaskActivityBehavior is not "
                + "compatible with ServiceTaskActivityBehavior)")).isEqualTo(MigrationPreview.INCOMPATIBLE);
        assertThat(MigrationSteps.code("Events are not of the same type (boundaryTimer != boundaryMessage)"))
                .isEqualTo(MigrationPreview.INCOMPATIBLE);
        assertThat(MigrationSteps.code("Target activity 'b' is a descendant of multi-instance body "
                + "'b#multiInstanceBody' that is not mapped from the source process definition."))
                .isEqualTo(MigrationPreview.MULTI_INSTANCE);
        assertThat(MigrationSteps.code("The closest mapped ancestor 'sub' is mapped to scope 'p' which is not an "
                + "ancestor of target scope 'sub2'")).isEqualTo(MigrationPreview.SCOPE);
        assertThat(MigrationSteps.code("The target gateway must have at least the same number of incoming sequence "
                + "flows that the source gateway has")).isEqualTo(MigrationPreview.GATEWAY);
        assertThat(MigrationSteps.code("There are multiple mappings for source activity id 'a': x, y"))
                .isEqualTo(MigrationPreview.TWICE);
        assertThat(MigrationSteps.code("Cannot update event trigger because the activity does not define a "
                + "persistent event trigger")).isEqualTo(MigrationPreview.EVENT);
        assertThat(MigrationSteps.code("Source activity 'x' does not exist")).isEqualTo(MigrationPreview.UNKNOWN_SOURCE);
        assertThat(MigrationSteps.code("Target activity 'x' does not exist")).isEqualTo(MigrationPreview.UNKNOWN_TARGET);
        assertThat(MigrationSteps.code("something the engine says one day")).isEqualTo(MigrationPreview.OTHER);
        assertThat(MigrationSteps.code(null)).isEqualTo(MigrationPreview.OTHER);
    }

    @Test
    void everyProblemCodeIsWordedInBothLanguages() throws IOException, IllegalAccessException {
        for (String file : new String[] { "/messages.properties", "/messages_en.properties" }) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getResourceAsStream(file)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Field f : MigrationPreview.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    assertThat(messages.getProperty("modelling.migrate.problem." + f.get(null))).as(file + " " + f
                            .getName()).isNotBlank().contains("{1}");
                }
            }
        }
    }
}
