package cn.cadreflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.FormDefinition.FormField;

/**
 * Random and hostile submissions of a form, from one seeded {@link Random} so that a failure reproduces. Each one
 * starts from a valid submission (or from nothing), breaks at least one editable field in a way the form's own
 * rules must refuse, and adds noise the server must ignore: unknown keys, the names the processes use for their own
 * variables, read-only fields overwritten, each with a hostile value.
 */
final class HostileForms {

    /** The longest text a form field may hold when the form gives no limit: a string process variable's column. */
    static final int ENGINE_TEXT = 4000;

    /** SQL, HTML, template and format fragments, control characters, emoji and broken UTF-16. */
    static final List<String> FRAGMENTS = List.of("' OR '1'='1", "'; DROP TABLE workflow_action; --",
            "\" OR \"\"=\"", "1; SELECT * FROM app_user", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "javascript:alert(1)", "${7*7}", "#{7*7}", "{{7*7}}", "%s%s%s%n", "../../etc/passwd", "\\u0000",
            "😀👨‍👩‍👧‍👦🇨🇳", "ＡＢＣ１２３", "\u202Egnp.exe", "\uFEFF", "优秀 ", " 称职", "null", "undefined", "NaN",
            "Infinity", "-0", "0x10", "1e400", "12abc", "true", "[]", "{}", "'", "\"", "\\", "%", "_");

    /** Characters no text field accepts: C0 controls other than tab and line breaks, DEL, C1 controls. */
    static final List<Character> CONTROLS = List.of('\u0000', '\u0001', '\u0007', '\b', '\u000B', '\f', '\u001B',
            '\u007F', '\u0085', '\u009B');

    private final Random random;

    HostileForms(long seed) {
        this.random = new Random(seed);
    }

    /** One submission: the values sent, the fields it breaks, and a short account of what it did. */
    record Submission(Map<String, Object> values, Set<String> broken, String account) {
    }

    Submission next(FormDefinition form, Map<String, Object> valid, Set<String> engineNames) {
        List<FormField> editable = form.inputs().stream().filter(f -> !f.readonly()).toList();
        List<FormField> readonly = form.inputs().stream().filter(FormField::readonly).toList();
        Map<String, Object> values = random.nextInt(5) == 0 ? new HashMap<>() : new HashMap<>(valid);
        Set<String> broken = new LinkedHashSet<>();
        List<String> account = new ArrayList<>();
        int breaks = 1 + random.nextInt(Math.min(3, editable.size()));
        for (int i = 0; i < breaks; i++) {
            FormField f = editable.get(random.nextInt(editable.size()));
            Object bad = broken(f);
            values.put(f.key(), bad);
            broken.add(f.key());
            account.add("break " + f.key() + "=" + shown(bad));
        }
        // a field left out is broken too when the form requires it
        editable.stream().filter(f -> f.required() && !values.containsKey(f.key())).forEach(f -> broken.add(f.key()));
        int noise = random.nextInt(6);
        for (int i = 0; i < noise; i++) {
            Object value = hostile();
            String key = switch (random.nextInt(3)) {
                case 0 -> pick(List.copyOf(engineNames));
                case 1 -> readonly.isEmpty() ? pick(FRAGMENTS) : pick(readonly).key();
                default -> random.nextBoolean() ? pick(FRAGMENTS) : text(1 + random.nextInt(300));
            };
            if (editable.stream().noneMatch(f -> f.key().equals(key))) {
                values.put(key, value);
                account.add("noise " + shown(key) + "=" + shown(value));
            }
        }
        return new Submission(values, broken, String.join("; ", account));
    }

    /**
     * A value the form's own rules refuse for this field. An optional field may be left empty: nothing, or only white
     * space, is no break of it.
     */
    Object broken(FormField f) {
        while (true) {
            Object value = breaking(f);
            if (f.required() || value != null && !(value instanceof String text && text.isBlank())) {
                return value;
            }
        }
    }

    private Object breaking(FormField f) {
        List<Supplier<Object>> ways = new ArrayList<>(List.of(() -> wrongType(f)));
        switch (f.type()) {
            case "number" -> {
                ways.add(() -> pick(List.of("NaN", "Infinity", "-Infinity", "0x10", "12abc", "１２ａ", "1,5", "")));
                ways.add(() -> pick(FRAGMENTS.stream().filter(s -> !isNumber(s)).toList()));
                ways.add(() -> "9".repeat(1000 + random.nextInt(200_000)));
                ways.add(() -> pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
                if (f.min() != null) {
                    ways.add(() -> BigDecimal.valueOf(f.min()).subtract(BigDecimal.valueOf(1 + random.nextInt(1000))));
                    ways.add(() -> "-1e" + (20 + random.nextInt(2000)));
                }
                if (f.max() != null) {
                    ways.add(() -> BigDecimal.valueOf(f.max()).add(BigDecimal.valueOf(random.nextDouble() + 0.01)));
                    ways.add(() -> "1e" + (20 + random.nextInt(9_999_999)));
                }
                if (f.decimalDigits() != null) {
                    ways.add(() -> (f.min() == null ? "1" : plain(f.min())) + "." + "0".repeat(f.decimalDigits()) + "1");
                }
            }
            case "date" -> {
                ways.add(() -> pick(List.of("2026-02-30", "2026-13-01", "2026-1-1", "01/02/2026", "+10000-01-01",
                        "-0001-01-01", "0000-01-01", "1899-12-31", "2100-01-01", "+999999999-12-31", "today")));
                ways.add(() -> pick(FRAGMENTS));
            }
            case "checkbox" -> ways.add(() -> pick(List.of("yes", "no", "on", "1", "0", "TRUE ", "✓", "真")));
            case "select", "radio" -> {
                ways.add(() -> pick(FRAGMENTS.stream().filter(s -> f.options().stream()
                        .noneMatch(o -> o.value().equals(s.strip()))).toList()));
                ways.add(() -> f.options().isEmpty() ? "x" : f.options().get(0).value() + pick(CONTROLS));
                ways.add(() -> f.options().stream().map(FormDefinition.Option::value).toList());
            }
            default -> {
                int max = Math.min(f.maxLength() == null ? ENGINE_TEXT : f.maxLength(), ENGINE_TEXT);
                // stripped, it is still too long: it neither starts nor ends with white space
                ways.add(() -> "长" + text(max + random.nextInt(50)) + "长");
                ways.add(() -> "😀".repeat(max / 2 + 1));
                ways.add(() -> text(100_000 + random.nextInt(900_000)));
                ways.add(() -> withInside(text(1 + random.nextInt(50)), String.valueOf(pick(CONTROLS))));
                ways.add(() -> withInside(text(1 + random.nextInt(50)), pick(List.of("\uD800", "\uDC00", "\uDBFF"))));
                if (f.required()) {
                    ways.add(() -> pick(List.of("", " ", "\u3000", "\t\n")));
                }
            }
        }
        return pick(ways).get();
    }

    /** Anything at all: text, fragments, huge or broken strings, numbers, structures, dates. */
    Object hostile() {
        return switch (random.nextInt(8)) {
            case 0 -> pick(FRAGMENTS);
            case 1 -> text(random.nextInt(5000));
            case 2 -> withInside(pick(FRAGMENTS), String.valueOf(pick(CONTROLS)));
            case 3 -> "\uD800" + pick(FRAGMENTS);
            default -> anyType();
        };
    }

    /** A value of a type the field never takes: no text for a text field, no number for a number field … */
    private Object wrongType(FormField f) {
        while (true) {
            Object value = anyType();
            boolean fits = switch (f.type()) {
                case "number" -> value instanceof Number n && Double.isFinite(n.doubleValue());
                case "checkbox" -> value instanceof Boolean;
                case "date" -> value instanceof LocalDate;
                default -> false;
            };
            if (!fits) {
                return value;
            }
        }
    }

    private Object anyType() {
        return switch (random.nextInt(11)) {
            case 0 -> random.nextInt();
            case 1 -> Long.MAX_VALUE;
            case 2 -> random.nextBoolean();
            case 3 -> List.of(pick(FRAGMENTS), 1);
            case 4 -> Map.of("value", pick(FRAGMENTS));
            case 5 -> new BigDecimal("1e" + random.nextInt(100_000));
            case 6 -> Double.NaN;
            case 7 -> new Date(random.nextLong());
            case 8 -> LocalDate.of(1 + random.nextInt(9999), 1, 1);
            case 9 -> new int[] {1, 2};
            default -> new LinkedHashMap<>(Map.of("initiator", "admin"));
        };
    }

    /** Random text of the given length in UTF-16 units: letters, Chinese, digits, fragments, emoji, line breaks. */
    String text(int length) {
        if (length > 4096) {
            // a huge text repeats a random piece: as hostile to the server, and cheap to make
            String piece = text(1024 + random.nextInt(2048));
            return text(piece.repeat(length / piece.length() + 1).substring(0, length));
        }
        StringBuilder s = new StringBuilder(length + 16);
        while (s.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> s.append((char) ('a' + random.nextInt(26)));
                case 1 -> s.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 2 -> s.append(random.nextInt(10));
                case 3 -> s.append(pick(FRAGMENTS.subList(0, 12)));
                case 4 -> s.append("😀");
                default -> s.append(pick(List.of(" ", "\n", "，", "。")));
            }
        }
        return text(s.substring(0, length));
    }

    /** Never half an emoji at the end: that would be broken UTF-16, which is refused for another reason. */
    private static String text(String cut) {
        return cut.isEmpty() || !Character.isHighSurrogate(cut.charAt(cut.length() - 1)) ? cut
                : cut.substring(0, cut.length() - 1) + "x";
    }

    private String withInside(String text, String inserted) {
        int at = random.nextInt(text.length() + 1);
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A value as a failure message shows it: its type, its size and the start of it, escaped. */
    static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value instanceof int[] a ? java.util.Arrays.toString(a) : value.toString();
        StringBuilder out = new StringBuilder();
        s.chars().limit(60).forEach(c -> out.append(c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.isSurrogate((char) c)
                ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return value.getClass().getSimpleName() + "(" + s.length() + ")\"" + out + (s.length() > 60 ? "…" : "") + "\"";
    }
}
