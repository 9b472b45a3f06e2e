import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a walk-through's output against what its document says it prints. In the block between
 * {@code <!-- NAME:start -->} and {@code <!-- NAME:end -->}, every comment line {@code # → TEXT} is a
 * line the commands above it print, in order; {@code …} in TEXT stands for anything (ids, codes,
 * times). Each expected line must match a whole line of the output, later than the one the line
 * before it matched. Run as {@code java .ci/ExpectedOutput.java DOC NAME OUTPUT}; exit 1 names the
 * first line that was not printed.
 */
public final class ExpectedOutput {

    public static void main(String[] args) throws Exception {
        String doc = Files.readString(Path.of(args[0]));
        String block = between(doc, "<!-- " + args[1] + ":start -->", "<!-- " + args[1] + ":end -->");
        List<String> expected = new ArrayList<>();
        for (String line : block.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# → ")) {
                expected.add(trimmed.substring("# → ".length()));
            }
        }
        if (expected.isEmpty()) {
            fail(args[0] + " shows no output (# → lines) for the " + args[1] + " walk-through");
        }
        List<String> output = Files.readAllLines(Path.of(args[2]));
        int at = 0;
        for (String line : expected) {
            Pattern shape = shape(line);
            int found = -1;
            for (int i = at; i < output.size(); i++) {
                if (shape.matcher(output.get(i).strip()).matches()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                fail(args[0] + " (" + args[1] + ") says the walk-through prints\n  " + line
                        + "\nbut no line after line " + at + " of its output has that shape");
            }
            at = found + 1;
        }
        System.out.println("   " + args[1] + ": the output has the " + expected.size() + " lines " + args[0] + " shows");
    }

    private static Pattern shape(String line) {
        StringBuilder regex = new StringBuilder();
        for (String part : line.split("…", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            fail("no block between " + start + " and " + end);
        }
        return text.substring(from + start.length(), to);
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
