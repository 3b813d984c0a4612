package cn.cadreflow.workflow.internal.guard;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import cn.cadreflow.workflow.ModelProblem;

/**
 * What an expression ({@code ${...}} or {@code #{...}}) in a model may say, as a grammar: literals, process
 * variables, calls {@code facade.method(arguments)} of a process facade (a {@code ProcessSteps} bean, by bean
 * name) with a public method of that name and number of arguments, whose arguments are literals or variables,
 * comparisons ({@code == != < > <= >=}, {@code eq ne lt gt le ge}), {@code ! not empty && || and or} and
 * parentheses. Three engine idioms are allowed as written: {@code execution.processInstanceId} (and
 * {@code processBusinessKey}), {@code execution.setVariables(facade.method(...))} and
 * {@code decisionResult.getSingleResult().get('name')}. Anything else (a method or property of any other value,
 * {@code getClass}, brackets, arithmetic, functions, a bean that is no facade) does not parse and is refused.
 */
public final class ExpressionRules {

    /** Engine objects a model may not hand to anything, nor read other than in the idioms above. */
    static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope", "decisionResult", "processEngine", "processEngineServices");
    static final Set<String> EXECUTION_PROPERTIES = Set.of("processInstanceId", "processBusinessKey");
    static final Set<String> WORD_OPERATORS = Set.of("eq", "ne", "lt", "gt", "le", "ge", "and", "or", "not",
            "empty", "div", "mod", "instanceof");

    private final Map<String, Class<?>> facades;
    private final Predicate<String> knownVariable;

    /**
     * @param facades       the process facades by bean name
     * @param knownVariable which names may be read as variables (a deployment allows any name that is no
     *                      facade or engine object; a test of the shipped models knows the exact set)
     */
    public ExpressionRules(Map<String, Class<?>> facades, Predicate<String> knownVariable) {
        this.facades = Map.copyOf(facades);
        this.knownVariable = knownVariable;
    }

    /** The bodies of every {@code ${...}} and {@code #{...}} in a text, or null when one is not closed. */
    public static List<String> bodies(String text) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                int end = closing(text, i + 2);
                if (end < 0) {
                    return null;
                }
                found.add(text.substring(i + 2, end));
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private static int closing(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The problems of one expression body found in element {@code elementId}; empty when it is allowed. */
    public List<ModelProblem> check(String elementId, String body) {
        List<ModelProblem> problems = new ArrayList<>();
        try {
            Parser parser = new Parser(elementId, body, problems);
            parser.expression();
            parser.expectEnd();
        } catch (Refused refused) {
            problems.add(refused.problem);
        }
        return problems;
    }

    /** Stops the parse at the first construct outside the grammar. */
    private static final class Refused extends RuntimeException {
        final transient ModelProblem problem;

        Refused(ModelProblem problem) {
            super(problem.key(), null, false, false);
            this.problem = problem;
        }
    }

    private final class Parser {

        private final String elementId;
        private final String body;
        private final List<String> tokens;
        private final List<ModelProblem> problems;
        private int at;

        Parser(String elementId, String body, List<ModelProblem> problems) {
            this.elementId = elementId;
            this.body = body.strip();
            this.problems = problems;
            this.tokens = ExpressionTokens.of(body);
            if (tokens == null) {
                throw refused("guard.expression.syntax");
            }
        }

        void expression() {
            and();
            while (take("||") || take("or")) {
                and();
            }
        }

        private void and() {
            comparison();
            while (take("&&") || take("and")) {
                comparison();
            }
        }

        private void comparison() {
            unary();
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">", "eq", "ne", "lt", "gt", "le", "ge")) {
                if (take(op)) {
                    unary();
                    return;
                }
            }
        }

        private void unary() {
            if (take("!") || take("not") || take("empty")) {
                unary();
            } else if (take("(")) {
                expression();
                expect(")");
            } else {
                value(true);
            }
        }

        /** A literal, a variable, an allowed idiom or (when {@code callsAllowed}) a facade call. */
        private void value(boolean callsAllowed) {
            String t = next();
            if (ExpressionTokens.isLiteral(t)) {
                if (peek(".") || peek("(") || peek("[")) {
                    throw refused("guard.expression.callOnValue", t);
                }
                return;
            }
            if (!ExpressionTokens.isName(t) || WORD_OPERATORS.contains(t)) {
                throw refused("guard.expression.syntax");
            }
            if (facades.containsKey(t)) {
                if (!callsAllowed) {
                    throw refused("guard.expression.nestedCall", t);
                }
                facadeCall(t);
            } else if (t.equals("execution")) {
                execution(callsAllowed);
            } else if (t.equals("decisionResult")) {
                decisionResult();
            } else if (peek(".") || peek("(") || peek("[")) {
                throw refused(peek("(") ? "guard.expression.function" : "guard.expression.notFacade", t);
            } else if (ENGINE_OBJECTS.contains(t)) {
                throw refused("guard.expression.engineObject", t);
            } else if (!knownVariable.test(t)) {
                problems.add(ModelProblem.of(elementId, "guard.expression.unknownVariable", body, t));
            }
        }

        private void facadeCall(String facade) {
            if (!take(".")) {
                throw refused("guard.expression.facadeValue", facade);
            }
            String method = next();
            if (!ExpressionTokens.isName(method) || !take("(")) {
                throw refused("guard.expression.facadeValue", facade);
            }
            int arguments = 0;
            if (!take(")")) {
                do {
                    value(false);
                    arguments++;
                } while (take(","));
                expect(")");
            }
            if (peek(".") || peek("[")) {
                throw refused("guard.expression.callOnValue", facade + "." + method + "(…)");
            }
            if (!hasMethod(facades.get(facade), method, arguments)) {
                problems.add(ModelProblem.of(elementId, "guard.expression.noMethod", body, facade, method,
                        String.valueOf(arguments)));
            }
        }

        private void execution(boolean callsAllowed) {
            if (take(".")) {
                String member = next();
                if (EXECUTION_PROPERTIES.contains(member) && !peek("(") && !peek(".") && !peek("[")) {
                    return;
                }
                if (member.equals("setVariables") && callsAllowed && take("(")) {
                    String facade = next();
                    if (facades.containsKey(facade)) {
                        facadeCall(facade);
                        expect(")");
                        if (!peek(".") && !peek("[")) {
                            return;
                        }
                    }
                }
                throw refused("guard.expression.callOnValue", "execution." + member);
            }
            throw refused(peek("[") ? "guard.expression.callOnValue" : "guard.expression.engineObject", "execution");
        }

        private void decisionResult() {
            if (take(".") && take("getSingleResult") && take("(") && take(")") && take(".") && take("get")
                    && take("(") && ExpressionTokens.isString(next()) && take(")") && !peek(".") && !peek("[")) {
                return;
            }
            throw refused("guard.expression.callOnValue", "decisionResult");
        }

        void expectEnd() {
            if (at < tokens.size()) {
                throw refused("guard.expression.syntax");
            }
        }

        private void expect(String token) {
            if (!take(token)) {
                throw refused("guard.expression.syntax");
            }
        }

        private boolean take(String token) {
            if (peek(token)) {
                at++;
                return true;
            }
            return false;
        }

        private boolean peek(String token) {
            return at < tokens.size() && tokens.get(at).equals(token);
        }

        private String next() {
            if (at >= tokens.size()) {
                throw refused("guard.expression.syntax");
            }
            return tokens.get(at++);
        }

        private Refused refused(String key, String... more) {
            String[] args = new String[more.length + 1];
            args[0] = body;
            System.arraycopy(more, 0, args, 1, more.length);
            return new Refused(ModelProblem.of(elementId, key, args));
        }
    }

    static boolean hasMethod(Class<?> facade, String name, int arguments) {
        return Arrays.stream(facade.getMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == arguments);
    }
}
