package dev.squish.spark;

import dev.squish.cli.OneFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The report's schema: the CLI report's columns, typed, and a last column naming a shared palette. */
final class ReportSchema {
  private ReportSchema() {}

  private static final Set<String> LONGS = Set.of("input_bytes", "output_bytes", "width", "height", "frames", "k",
      "colors", "sample_bits", "iterations", "parameters");
  private static final Set<String> DOUBLES = Set.of("ratio", "bits_per_pixel", "mse", "psnr_db", "ssim",
      "delta_e2000", "quality_reached", "seconds", "log_likelihood_per_pixel", "bic", "reg_covar");
  private static final Set<String> BOOLEANS = Set.of("lossless", "converged");

  /** The column after the CLI's: how the shared palette was made, or null. */
  static final String SHARED_PALETTE = "shared_palette";

  static final StructType SCHEMA;
  /** The position of the status column. */
  static final int STATUS = OneFile.COLUMNS.indexOf("status");

  static {
    List<StructField> fields = new ArrayList<>();
    for (String c : OneFile.COLUMNS) {
      fields.add(DataTypes.createStructField(c, typeOf(c), true));
    }
    fields.add(DataTypes.createStructField(SHARED_PALETTE, DataTypes.StringType, true));
    SCHEMA = DataTypes.createStructType(fields);
  }

  private static DataType typeOf(String column) {
    return LONGS.contains(column) ? DataTypes.LongType : DOUBLES.contains(column) ? DataTypes.DoubleType
        : BOOLEANS.contains(column) ? DataTypes.BooleanType : DataTypes.StringType;
  }

  /** {@return the row of {@code values}, typed as {@link #SCHEMA} says} */
  static Row row(Map<String, Object> values, String sharedPalette) {
    Object[] cells = new Object[OneFile.COLUMNS.size() + 1];
    for (int i = 0; i < OneFile.COLUMNS.size(); i++) {
      String c = OneFile.COLUMNS.get(i);
      Object v = values.get(c);
      if (v == null) {
        cells[i] = null;
      } else if (LONGS.contains(c)) {
        cells[i] = ((Number) v).longValue();
      } else if (DOUBLES.contains(c)) {
        cells[i] = ((Number) v).doubleValue();
      } else if (BOOLEANS.contains(c)) {
        cells[i] = (Boolean) v;
      } else {
        cells[i] = String.valueOf(v);
      }
    }
    cells[cells.length - 1] = sharedPalette;
    return RowFactory.create(cells);
  }
}
