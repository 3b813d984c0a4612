package cn.cadreflow.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message exists in both languages, and every key the code asks for exists. */
class MessagesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(new TreeSet<>(zh)).as("keys missing in messages_en.properties")
                .containsAll(en);
        assertThat(en).as("keys missing in messages.properties (Chinese)").containsAll(zh);
        assertThat(zh).isNotEmpty();
    }

    @Test
    void noMessageIsBlank() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = load(bundle);
            assertThat(p.stringPropertyNames()).as(bundle)
                    .allSatisfy(k -> assertThat(p.getProperty(k)).as(bundle + " " + k).isNotBlank());
        }
    }

    /** Literal keys in getTranslation("..."), texts.get("..."), error keys and @Menu titles. */
    static final Pattern KEY_USE = Pattern.compile(
            "(?:getTranslation|texts\\.get|Texts\\.get|new WorkflowException|FormError\\.of\\([^,]+,)\\s*\\(?\\s*\"([a-zA-Z][\\w.]*\\w)\""
                    + "|title = \"([\\w.]+)\"");

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties zh = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!zh.containsKey(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumAndCodeShownInTheUiHasALabel() throws IOException {
        Properties zh = load("messages.properties");
        for (cn.cadreflow.workflow.Action a : cn.cadreflow.workflow.Action.values()) {
            assertThat(zh).containsKey("action." + a.name());
        }
    }
}
