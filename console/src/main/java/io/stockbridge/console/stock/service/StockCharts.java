package io.stockbridge.console.stock.service;

import java.util.List;
import java.util.Locale;

import io.stockbridge.console.stock.client.DailyAvailable;

/**
 * The Stock page's charts as inline SVG, drawn on the server: no script, nothing fetched, readable by a screen reader
 * (each chart has a label, each segment or point a title; the same figures are in the page's tables).
 */
public final class StockCharts {
  /** Bucket names and colours of the stacked bars, in stacking order (colours keep 3:1 contrast on white). */
  private static final String[][] BUCKETS = { { "Sellable, free", "#1b7f3b" }, { "Reserved", "#1f5fa8" },
      { "In transit", "#8a5a00" }, { "QC", "#6b3fa0" }, { "Frozen", "#b3261e" } };
  private static final int WIDTH = 640;
  private static final int LABEL = 130;
  private static final int BAR = 26;
  private static final int GAP = 14;

  private StockCharts() {
  }

  /** One horizontal stacked bar per warehouse, scaled to the fullest warehouse, with a legend under the bars. */
  public static String stackedBars(List<WarehouseTotals> warehouses) {
    long max = Math.max(1, warehouses.stream().mapToLong(WarehouseTotals::total).max().orElse(1));
    int height = warehouses.size() * (BAR + GAP) + 40;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" id=\"stock-chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(height).append("\" aria-label=\"Units per bucket in each warehouse\">");
    int y = 8;
    for (WarehouseTotals warehouse : warehouses) {
      long[] values = { warehouse.unreserved(), warehouse.reserved(), warehouse.inTransit(), warehouse.qc(),
          warehouse.frozen() };
      svg.append("<text x=\"0\" y=\"").append(y + 18).append("\" class=\"axis\">")
          .append(escape(warehouse.warehouseId())).append("</text>");
      double x = LABEL;
      for (int i = 0; i < values.length; i++) {
        double width = (WIDTH - LABEL - 60) * (double) values[i] / max;
        if (values[i] > 0) {
          svg.append("<rect class=\"segment\" x=\"").append(format(x)).append("\" y=\"").append(y)
              .append("\" width=\"").append(format(width)).append("\" height=\"").append(BAR).append("\" fill=\"")
              .append(BUCKETS[i][1]).append("\"><title>").append(escape(warehouse.warehouseId())).append(": ")
              .append(BUCKETS[i][0]).append(' ').append(values[i]).append("</title></rect>");
        }
        x += width;
      }
      svg.append("<text x=\"").append(format(x + 6)).append("\" y=\"").append(y + 18).append("\" class=\"axis\">")
          .append(warehouse.total()).append("</text>");
      y += BAR + GAP;
    }
    int legendX = 0;
    for (String[] bucket : BUCKETS) {
      svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(y + 4).append("\" width=\"12\" height=\"12\" "
          + "fill=\"").append(bucket[1]).append("\"/><text x=\"").append(legendX + 16).append("\" y=\"")
          .append(y + 15).append("\" class=\"axis\">").append(bucket[0]).append("</text>");
      legendX += 125;
    }
    return svg.append("</svg>").toString();
  }

  /** Available at the end of each day as a line with a dot per day, the first and last day named under it. */
  public static String dailyLine(String sellerSku, List<DailyAvailable> days) {
    int height = 200;
    int left = 40;
    int bottom = 170;
    long max = Math.max(1, days.stream().mapToLong(DailyAvailable::available).max().orElse(1));
    double step = days.size() > 1 ? (WIDTH - left - 20) / (double) (days.size() - 1) : 0;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" id=\"history-chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(height).append("\" aria-label=\"Available units of ").append(escape(sellerSku))
        .append(" at the end of each of the last ").append(days.size()).append(" days\">");
    svg.append("<line x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"").append(WIDTH - 10)
        .append("\" y2=\"").append(bottom).append("\" class=\"grid\"/>");
    svg.append("<text x=\"0\" y=\"20\" class=\"axis\">").append(max).append("</text><text x=\"0\" y=\"")
        .append(bottom).append("\" class=\"axis\">0</text>");
    StringBuilder points = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < days.size(); i++) {
      DailyAvailable day = days.get(i);
      double x = left + i * step;
      double y = bottom - (bottom - 20) * (double) day.available() / max;
      points.append(format(x)).append(',').append(format(y)).append(' ');
      dots.append("<circle class=\"point\" cx=\"").append(format(x)).append("\" cy=\"").append(format(y))
          .append("\" r=\"4\"><title>").append(day.day()).append(": ").append(day.available())
          .append(" available</title></circle>");
    }
    svg.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"")
        .append(points.toString().trim()).append("\"/>").append(dots);
    if (!days.isEmpty()) {
      svg.append("<text x=\"").append(left).append("\" y=\"").append(bottom + 20).append("\" class=\"axis\">")
          .append(days.get(0).day()).append("</text><text x=\"").append(WIDTH - 90).append("\" y=\"")
          .append(bottom + 20).append("\" class=\"axis\">").append(days.get(days.size() - 1).day()).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
