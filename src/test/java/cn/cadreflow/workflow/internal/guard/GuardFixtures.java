package cn.cadreflow.workflow.internal.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import cn.cadreflow.workflow.ModelProblem;
import cn.cadreflow.workflow.ProcessSteps;

/** What guard tests share: the facades found by scanning (no Spring context), the shipped models, the messages. */
public final class GuardFixtures {

    private GuardFixtures() {
    }

    /** The {@link ProcessSteps} classes by bean name, as the engine's bean map has them. */
    public static Map<String, Class<?>> facades() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(ProcessSteps.class));
        Map<String, Class<?>> facades = new HashMap<>();
        for (BeanDefinition bean : scan.findCandidateComponents("cn.cadreflow")) {
            String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(bean, new SimpleBeanDefinitionRegistry());
            facades.put(name, Class.forName(bean.getBeanClassName()));
        }
        return facades;
    }

    static Stream<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(Path.of(dir))) {
            return list.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
        }
    }

    /** The ids of the shipped forms ({@code "id"} of each .form). */
    static Set<String> shippedForms() throws IOException {
        return files("forms", ".form").map(GuardFixtures::formId).collect(Collectors.toSet());
    }

    /** The ids of the decisions in processes/*.dmn. */
    static Set<String> shippedDecisions() throws IOException {
        java.util.regex.Pattern decision = java.util.regex.Pattern.compile("<decision id=\"([^\"]+)\"");
        return files("processes", ".dmn").flatMap(p -> {
            try {
                return decision.matcher(Files.readString(p)).results().map(m -> m.group(1));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
    }

    private static String formId(Path p) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.toFile()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The guard as deployments use it, over the shipped forms and decisions. */
    static ModelGuard guard() throws Exception {
        Set<String> forms = shippedForms();
        Set<String> decisions = shippedDecisions();
        return new ModelGuard(2 * 1024 * 1024, facades(), forms::contains, decisions::contains);
    }

    /** A problem in the user's words, as the views show it. */
    static String text(ModelProblem problem, Locale locale) {
        String pattern = messages(locale).getProperty(problem.key());
        if (pattern == null) {
            throw new AssertionError("no message " + problem.key() + " for " + locale);
        }
        return new MessageFormat(pattern, locale).format(problem.params());
    }

    private static final Map<Locale, Properties> MESSAGES = new HashMap<>();

    private static synchronized Properties messages(Locale locale) {
        return MESSAGES.computeIfAbsent(locale, l -> {
            String file = l.getLanguage().equals("en") ? "/messages_en.properties" : "/messages.properties";
            Properties p = new Properties();
            try (InputStream in = GuardFixtures.class.getResourceAsStream(file)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return p;
        });
    }
}
