package io.stockbridge.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A statement written with named parameters ({@code :now}) in the SQL client's positional form ({@code $1}), with the
 * names in position order, so one statement text serves both Hibernate and the reactive SQL client.
 */
public record NamedSql(String sql, List<String> names) {
  // a quoted literal is kept as it is; a name after a single colon is a parameter, a cast (::text) is not
  private static final Pattern NAME = Pattern.compile("'(?:[^']|'')*'|(?<!:):([A-Za-z][A-Za-z0-9_]*)");

  public NamedSql {
    names = List.copyOf(names);
  }

  /** Rewrites {@code named}; a name used twice keeps one position. */
  public static NamedSql of(String named) {
    List<String> names = new ArrayList<>();
    Matcher matcher = NAME.matcher(named);
    StringBuilder positional = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      if (name == null) {
        matcher.appendReplacement(positional, Matcher.quoteReplacement(matcher.group()));
        continue;
      }
      int position = names.indexOf(name);
      if (position < 0) {
        names.add(name);
        position = names.size() - 1;
      }
      matcher.appendReplacement(positional, "\\$" + (position + 1));
    }
    matcher.appendTail(positional);
    return new NamedSql(positional.toString(), names);
  }

  /** The parameters in position order; every name must be given. */
  public Tuple tuple(Map<String, ?> values) {
    Tuple tuple = Tuple.tuple();
    for (String name : names) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name);
      }
      tuple.addValue(values.get(name));
    }
    return tuple;
  }
}
