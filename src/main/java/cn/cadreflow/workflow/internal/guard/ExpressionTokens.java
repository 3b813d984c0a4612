package cn.cadreflow.workflow.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an expression body into the tokens {@link ExpressionRules} reads; null when a character fits none. */
final class ExpressionTokens {

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:"
            + "('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")"     // a string
            + "|([0-9]+(?:\\.[0-9]+)?)"                              // a number
            + "|([A-Za-z_][A-Za-z0-9_]*)"                            // a name
            + "|(==|!=|<=|>=|&&|\\|\\||[<>!().,\\[\\]])"               // an operator
            + ")");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ExpressionTokens() {
    }

    static List<String> of(String body) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(body);
        int at = 0;
        while (at < body.length()) {
            if (body.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            tokens.add(m.group().strip());
            at = m.end();
        }
        return tokens;
    }

    static boolean isString(String token) {
        return token.length() >= 2 && (token.charAt(0) == '\'' || token.charAt(0) == '"');
    }

    static boolean isLiteral(String token) {
        return isString(token) || Character.isDigit(token.charAt(0)) || token.equals("true")
                || token.equals("false") || token.equals("null");
    }

    static boolean isName(String token) {
        return NAME.matcher(token).matches();
    }
}
