package org.iepservices.student.domain.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code filter} parameter of the OneRoster REST binding: one predicate, or two joined by
 * AND / OR, each {@code field operator 'value'} with operators = != > >= < <= and ~ (contains).
 * Values are single-quoted ({@code ''} inside a value is a quote); a bare value without spaces is
 * tolerated. Parsing is all this does; which fields exist and what type they are is the
 * collection's business.
 */
public record OneRosterFilter(List<Predicate> predicates, Logical logical) {

    public static final int MAX_PREDICATES = 2;

    /** What an unquoted value may be: a word, number, date or date-time. */
    private static final java.util.regex.Pattern BARE_VALUE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.:+-]+");

    public enum Logical { AND, OR }

    public enum Operator {
        EQ("="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<="), CONTAINS("~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public record Predicate(String field, Operator operator, String value) {
    }

    /** Thrown with a message fit for the client (the API answers 400 with it). */
    public static final class InvalidFilter extends RuntimeException {
        public InvalidFilter(String message) {
            super(message);
        }
    }

    public static Optional<OneRosterFilter> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return Optional.empty();
        }
        Cursor in = new Cursor(filter);
        List<Predicate> predicates = new ArrayList<>();
        Logical logical = null;
        predicates.add(predicate(in));
        while (!in.atEnd()) {
            String word = in.word();
            Logical next;
            try {
                next = Logical.valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFilter("expected AND or OR at position " + in.mark + " of the filter, found '"
                        + word + "'");
            }
            if (logical != null && logical != next) {
                throw new InvalidFilter("a filter joins its predicates with AND or with OR, not both");
            }
            logical = next;
            predicates.add(predicate(in));
            if (predicates.size() > MAX_PREDICATES) {
                throw new InvalidFilter("a filter has at most " + MAX_PREDICATES + " predicates");
            }
        }
        return Optional.of(new OneRosterFilter(List.copyOf(predicates), logical == null ? Logical.AND : logical));
    }

    private static Predicate predicate(Cursor in) {
        in.skipSpaces();
        int start = in.pos;
        while (in.more() && (Character.isLetterOrDigit(in.peek()) || in.peek() == '.' || in.peek() == '_')) {
            in.pos++;
        }
        String field = in.text.substring(start, in.pos);
        if (field.isEmpty()) {
            throw new InvalidFilter("expected a field name at position " + start + " of the filter");
        }
        in.skipSpaces();
        Operator operator = null;
        for (Operator candidate : List.of(Operator.NE, Operator.GE, Operator.LE, Operator.EQ, Operator.GT,
                Operator.LT, Operator.CONTAINS)) {
            if (in.text.startsWith(candidate.symbol(), in.pos)) {
                operator = candidate;
                in.pos += candidate.symbol().length();
                break;
            }
        }
        if (operator == null) {
            throw new InvalidFilter("expected an operator (= != > >= < <= ~) after '" + field + "'");
        }
        in.skipSpaces();
        String value;
        if (!in.atEnd() && in.peek() == '\'') {
            StringBuilder quoted = new StringBuilder();
            in.pos++;
            while (true) {
                if (!in.more()) {
                    throw new InvalidFilter("the value for '" + field + "' has no closing quote");
                }
                char c = in.text.charAt(in.pos++);
                if (c == '\'') {
                    if (in.more() && in.peek() == '\'') {
                        quoted.append('\'');
                        in.pos++;
                        continue;
                    }
                    break;
                }
                quoted.append(c);
            }
            value = quoted.toString();
        } else {
            value = in.word();
            if (!BARE_VALUE.matcher(value).matches()) {
                throw new InvalidFilter("expected a quoted value for '" + field + "', e.g. " + field + "='x'");
            }
        }
        return new Predicate(field, operator, value);
    }

    private static final class Cursor {
        final String text;
        int pos;
        int mark;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            skipSpaces();
            return pos >= text.length();
        }

        /** More characters, without skipping spaces (inside names and quoted values). */
        boolean more() {
            return pos < text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        String word() {
            skipSpaces();
            mark = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return text.substring(mark, pos);
        }
    }
}
