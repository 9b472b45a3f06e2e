package dev.lockstep.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where things are in a YAML document: the line of each field and list element, and of an error. */
final class YamlLines {

    private YamlLines() {
    }

    /**
     * The line of a parse or mapping error: for a mapping error, the line of the deepest part of its
     * path the file has (the field itself, else the object missing it); else the parser's line.
     */
    static int lineOf(String text, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        int line = where != null ? where.getLineNr() : 0;
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return line;
        }
        Map<String, Integer> lines = lineIndex(text);
        List<String> path = new ArrayList<>();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            path.add(ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()));
        }
        for (int n = path.size(); n > 0; n--) {
            Integer found = lines.get(String.join("/", path.subList(0, n)));
            if (found != null) {
                return found;
            }
        }
        return line;
    }

    /** The line of every field and list element of a YAML document, by path ({@code steps/1/action}). */
    static Map<String, Integer> lineIndex(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> indexes = new ArrayDeque<>(); // per open container: next list index, or -1
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int lineNr = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    path.addLast(parser.currentName());
                    lines.put(String.join("/", path), lineNr);
                    continue;
                }
                boolean inList = !indexes.isEmpty() && indexes.peekLast()[0] >= 0;
                if (inList && token != JsonToken.END_ARRAY) {
                    path.addLast(Integer.toString(indexes.peekLast()[0]++));
                    lines.put(String.join("/", path), lineNr);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    indexes.addLast(new int[] { token == JsonToken.START_ARRAY ? 0 : -1 });
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    indexes.pollLast();
                }
                // a value (or a closed container) ends the element or field that held it
                if (!path.isEmpty()) {
                    path.pollLast();
                }
            }
        } catch (IOException e) {
            return lines;
        }
        return lines;
    }
}
