package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) evaluated here, on resources as JSON, for servers that cannot filter. It reads
 * the whole grammar: {@code eq ne co sw ew gt ge lt le pr}, {@code and or not}, parentheses, sub-attributes
 * ({@code name.givenName}), schema-qualified paths ({@code urn:…:User:userType}) and value paths
 * ({@code emails[type eq "work"]}).
 * <p>
 * Without the server's schema it cannot know which attributes are case-exact, so string comparisons ignore case, as
 * they do for most SCIM attributes (userName among them). A bare attribute not found at the top level is looked up in
 * the resource's extension objects, as servers resolve {@code userType} to NinjaOne's. A string literal compares equal
 * to a number with the same text ({@code organizationId eq "7"} matches 7), because servers type such ids differently.
 */
public final class FilterMatcher implements Predicate<JsonNode> {
    private static final String CORE_SCHEMA_PREFIX = "urn:ietf:params:scim:schemas:core:";

    private final Node root;
    private final Set<String> attributes;

    private FilterMatcher(Node root, Set<String> attributes) {
        this.root = root;
        this.attributes = attributes;
    }

    /**
     * Reads a filter expression.
     *
     * @throws IllegalArgumentException saying where and why the expression cannot be read
     */
    public static FilterMatcher parse(String expression) {
        Parser parser = new Parser(expression);
        Node root = parser.parseFilter();
        return new FilterMatcher(root, Collections.unmodifiableSet(parser.attributes));
    }

    @Override
    public boolean test(JsonNode resource) {
        return root.matches(resource);
    }

    /** The top-level attributes the filter reads, as an {@code attributes} parameter names them. */
    public Set<String> attributes() {
        return attributes;
    }

    // ---- the expression tree ------------------------------------------------------------------------------------

    private interface Node {
        boolean matches(JsonNode resource);
    }

    private record And(Node left, Node right) implements Node {
        public boolean matches(JsonNode r) {
            return left.matches(r) && right.matches(r);
        }
    }

    private record Or(Node left, Node right) implements Node {
        public boolean matches(JsonNode r) {
            return left.matches(r) || right.matches(r);
        }
    }

    private record Not(Node inner) implements Node {
        public boolean matches(JsonNode r) {
            return !inner.matches(r);
        }
    }

    private record Present(Path path) implements Node {
        public boolean matches(JsonNode r) {
            for (JsonNode v : path.values(r)) {
                if (!isEmpty(v)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code emails[type eq "work"]}: some element of the attribute matches the inner filter. */
    private record ValuePath(Path path, Node inner) implements Node {
        public boolean matches(JsonNode r) {
            for (JsonNode element : path.values(r)) {
                if (element.isObject() && inner.matches(element)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Compare(Path path, String op, JsonNode literal) implements Node {
        public boolean matches(JsonNode r) {
            List<JsonNode> values = path.values(r);
            if (op.equals("ne")) {
                return !new Compare(path, "eq", literal).matches(r);
            }
            if (literal.isNull()) {
                // "eq null": the attribute has no value
                return op.equals("eq") && values.stream().allMatch(FilterMatcher::isEmpty);
            }
            for (JsonNode v : values) {
                if (compare(v, op, literal)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean compare(JsonNode value, String op, JsonNode literal) {
        if (value.isObject() && value.has("value")) {
            value = value.get("value"); // a complex multi-valued attribute compares by its "value" (RFC 7644)
        }
        if (value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return false;
        }
        if (literal.isBoolean()) {
            boolean b = literal.booleanValue();
            boolean matches = value.isBoolean() ? value.booleanValue() == b
                    : value.isTextual() && value.textValue().equalsIgnoreCase(Boolean.toString(b));
            return op.equals("eq") && matches;
        }
        if (literal.isNumber() && (value.isNumber() || isNumeric(value.asText()))) {
            int c = new BigDecimal(value.asText()).compareTo(literal.decimalValue());
            return ordered(op, c);
        }
        String v = CaseInsensitive.fold(value.asText());
        String l = CaseInsensitive.fold(literal.asText());
        return switch (op) {
            case "eq" -> v.equals(l);
            case "co" -> v.contains(l);
            case "sw" -> v.startsWith(l);
            case "ew" -> v.endsWith(l);
            default -> ordered(op, v.compareTo(l));
        };
    }

    private static boolean ordered(String op, int c) {
        return switch (op) {
            case "eq" -> c == 0;
            case "gt" -> c > 0;
            case "ge" -> c >= 0;
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            default -> false; // co, sw, ew on numbers mean nothing
        };
    }

    private static boolean isNumeric(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isEmpty(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.textValue().isEmpty())
                || (v.isContainerNode() && v.isEmpty());
    }

    /** An attribute path: an optional schema URN, an attribute, an optional sub-attribute. */
    private record Path(String urn, String name, String sub) {
        /** Every value the path reaches in the resource; the elements of a multi-valued attribute one by one. */
        List<JsonNode> values(JsonNode resource) {
            JsonNode attribute = null;
            if (urn != null) {
                JsonNode container = field(resource, urn);
                if (container == null && urn.toLowerCase(Locale.ROOT).startsWith(CORE_SCHEMA_PREFIX)) {
                    container = resource;
                }
                attribute = container == null ? null : field(container, name);
            } else {
                attribute = field(resource, name);
                if (attribute == null) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = resource.properties().iterator();
                         it.hasNext() && attribute == null; ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (e.getKey().regionMatches(true, 0, "urn:", 0, 4) && e.getValue().isObject()) {
                            attribute = field(e.getValue(), name);
                        }
                    }
                }
            }
            List<JsonNode> out = new ArrayList<>();
            if (attribute == null) {
                return out;
            }
            for (JsonNode v : attribute.isArray() ? attribute : List.of(attribute)) {
                if (sub == null) {
                    out.add(v);
                } else {
                    JsonNode s = field(v, sub);
                    if (s != null) {
                        if (s.isArray()) {
                            s.forEach(out::add);
                        } else {
                            out.add(s);
                        }
                    }
                }
            }
            return out;
        }

        /** A field by name, ignoring case: SCIM attribute names are case-insensitive. */
        private static JsonNode field(JsonNode node, String name) {
            if (node == null || !node.isObject()) {
                return null;
            }
            JsonNode exact = node.get(name);
            if (exact != null) {
                return exact;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        String topLevel() {
            return urn == null ? name : urn + ":" + name;
        }
    }

    // ---- the parser ------------------------------------------------------------------------------------------

    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");

    /** Parentheses, not(…) and value paths nested deeper than this are refused: the parser and matcher recurse. */
    public static final int MAX_DEPTH = 32;
    /** Comparisons in one filter: "a or b or …" builds a tree as deep as it is long, and the matcher walks it. */
    public static final int MAX_TERMS = 1000;

    /** Recursive descent over the RFC 7644 grammar; "or" binds looser than "and". */
    private static final class Parser {
        private final String text;
        private int depth;
        private int terms;
        private final Set<String> attributes = new LinkedHashSet<>();
        private int pos;
        private boolean inValuePath;

        Parser(String text) {
            this.text = text;
        }

        Node parseFilter() {
            Node node = parseOr();
            skipSpace();
            if (pos < text.length()) {
                throw error("unexpected '" + text.substring(pos, Math.min(text.length(), pos + 10)) + "'");
            }
            return node;
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels of parentheses, the most scimctl evaluates "
                        + "itself");
            }
        }

        /** The filter between the '(' at the cursor and its ')', one level deeper. */
        private Node parenthesised() {
            pos++;
            enter();
            Node inner = parseOr();
            expect(')');
            depth--;
            return inner;
        }

        private Node parseOr() {
            Node left = parseAnd();
            while (keyword("or")) {
                left = new Or(left, parseAnd());
            }
            return left;
        }

        private Node parseAnd() {
            Node left = parseUnary();
            while (keyword("and")) {
                left = new And(left, parseUnary());
            }
            return left;
        }

        private Node parseUnary() {
            skipSpace();
            int mark = pos;
            if (keyword("not")) {
                skipSpace();
                if (peek() == '(') {
                    return new Not(parenthesised());
                }
                pos = mark; // an attribute that happens to be called "not…"
            }
            if (peek() == '(') {
                return parenthesised();
            }
            if (++terms > MAX_TERMS) {
                throw error("more than " + MAX_TERMS + " comparisons, the most scimctl evaluates itself");
            }
            Path path = parsePath();
            skipSpace();
            if (peek() == '[') {
                if (inValuePath) {
                    throw error("a value path cannot hold another value path");
                }
                pos++;
                inValuePath = true;
                Node inner = parseOr();
                inValuePath = false;
                expect(']');
                return new ValuePath(path, inner);
            }
            String op = word().toLowerCase(Locale.ROOT);
            if (op.equals("pr")) {
                return new Present(path);
            }
            if (!COMPARISONS.contains(op)) {
                throw error(op.isEmpty() ? "expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)"
                        : "'" + op + "' is not an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)");
            }
            return new Compare(path, op, parseValue());
        }

        private Path parsePath() {
            int start = pos;
            String w = word();
            if (w.isEmpty()) {
                throw error("expected an attribute");
            }
            String urn = null;
            String rest = w;
            if (w.regionMatches(true, 0, "urn:", 0, 4)) {
                int colon = w.lastIndexOf(':');
                urn = w.substring(0, colon);
                rest = w.substring(colon + 1);
            }
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            String sub = dot < 0 ? null : rest.substring(dot + 1);
            if (!validName(name) || (sub != null && !validName(sub))) {
                pos = start;
                throw error("'" + w + "' is not an attribute path");
            }
            Path path = new Path(urn, name, sub);
            if (!inValuePath) {
                attributes.add(path.topLevel());
            }
            return path;
        }

        private static boolean validName(String s) {
            if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '$')) {
                return false;
            }
            for (int i = 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$')) {
                    return false;
                }
            }
            return true;
        }

        private JsonNode parseValue() {
            skipSpace();
            if (peek() == '"') {
                return TextNode.valueOf(string());
            }
            int start = pos;
            String w = word();
            switch (w.toLowerCase(Locale.ROOT)) {
                case "true":
                    return BooleanNode.TRUE;
                case "false":
                    return BooleanNode.FALSE;
                case "null":
                    return NullNode.instance;
                default:
                    try {
                        return DecimalNode.valueOf(new BigDecimal(w));
                    } catch (NumberFormatException e) {
                        pos = start;
                        throw error(w.isEmpty() ? "expected a value" : "'" + w + "' is not a value: "
                                + "a string needs double quotes, e.g. \"" + w + "\"");
                    }
            }
        }

        /** A JSON string literal, unescaped. */
        private String string() {
            int start = pos;
            pos++; // the opening quote
            StringBuilder b = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("a \\u escape needs four hex digits");
                        }
                        try {
                            b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("a \\u escape needs four hex digits");
                        }
                        pos += 4;
                    }
                    default -> throw error("'\\" + e + "' is not a JSON string escape");
                }
            }
            pos = start;
            throw error("a string is not closed with '\"'");
        }

        /** The next run of characters up to a space, a bracket, a parenthesis or a quote. */
        private String word() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && " \t\r\n()[]\"".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** Consumes a keyword if it comes next, as a whole word. */
        private boolean keyword(String k) {
            skipSpace();
            int end = pos + k.length();
            if (end <= text.length() && text.regionMatches(true, pos, k, 0, k.length())
                    && (end == text.length() || " \t\r\n()[]\"".indexOf(text.charAt(end)) >= 0)) {
                pos = end;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            skipSpace();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("cannot read the filter at character " + (pos + 1) + ": " + what);
        }
    }
}
