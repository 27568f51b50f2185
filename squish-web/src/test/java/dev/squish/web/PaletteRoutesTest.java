package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.Dithering;
import dev.squish.compress.PreparedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page's palette routes without a browser: a palette file read into colours, a given palette
 * remapped to exactly as the library does it, the palette of a result saved as {@code .gpl},
 * {@code .act}, {@code .hex} and {@code .json}, and the one-line 400 (or 413) of each bad palette.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaletteRoutesTest {
  private static final byte[] CHELSEA = TestImages.bytes(TestImages.CHELSEA);

  private WebServer server;
  private Api api;
  private String image;

  @BeforeAll
  void start() throws Exception {
    server = WebServer.start(WebConfig.defaults(0), System.err);
    api = new Api(server.url());
    image = Api.string(api.post("/api/images?name=chelsea.png", CHELSEA).body(), "id");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aGplUploadGivesItsColoursAndTheImageIsRemappedToThemAsTheLibraryDoes() throws Exception {
    byte[] gpl = resource("tango-colours.gpl");
    HttpResponse<String> up = api.post("/api/palettes?name=tango-colours.gpl", gpl);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    Palette tango = PaletteFiles.read(gpl, "tango-colours.gpl");
    assertThat(tango.size()).as("27 colours, the repeated rows read once").isEqualTo(27);
    assertThat(Api.number(up.body(), "size")).isEqualTo(27);
    assertThat(Api.string(up.body(), "palette")).isEqualTo(PageOptions.hex(tango));
    assertThat(up.body()).contains("\"colors\":[\"#fce94f\",");

    HttpResponse<String> r = compress("palette=" + enc(Api.string(up.body(), "palette")) + "&dither=fs");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Compressed c = PreparedImage.of(TestImages.load(TestImages.CHELSEA, RgbaImage::of)).compress(
        CompressOptions.builder(Method.given(tango)).dithering(Dithering.floydSteinberg(1)).build());
    byte[] png = ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults());
    assertThat(api.getBytes(Api.string(r.body(), "url")).body()).as("the command line's file").isEqualTo(png);
    assertThat(Api.string(r.body(), "method")).isEqualTo("given");
    assertThat(Api.string(r.body(), "mode")).as("nothing to fit, so the first answer is exact").isEqualTo("exact");
    assertThat(Api.number(r.body(), "k")).isEqualTo(27);
    assertThat(r.body()).contains("\"palette\":{\"colors\":[\"" + PageOptions.hex(c.palette().color(0)) + "\"");
    // every colour written is one of the given palette's
    for (int argb : c.palette().colors()) {
      assertThat(Arrays.stream(tango.colors()).anyMatch(t -> t == argb)).isTrue();
    }
  }

  @Test
  void aResultsPaletteDownloadsInEachFormatAndReadsBackTheSame() throws Exception {
    HttpResponse<String> r = compress("k=12&method=kmeans");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Compressed c = PreparedImage.of(TestImages.load(TestImages.CHELSEA, RgbaImage::of)).compress(
        CompressOptions.of(Method.kMeans(12)));
    String base = Api.string(r.body(), "url").replaceAll("\\.png$", "");
    for (String ext : new String[] {".gpl", ".act", ".hex", ".json"}) {
      assertThat(r.body()).contains("\"" + ext.substring(1) + "\":\"" + base + ext + "\"");
      HttpResponse<byte[]> d = api.getBytes(base + ext);
      assertThat(d.statusCode()).as(ext).isEqualTo(200);
      assertThat(d.headers().firstValue("Content-Disposition")).as(ext)
          .hasValue("attachment; filename=\"chelsea-kmeans-k12" + ext + "\"");
      assertThat(d.body()).as(ext).isEqualTo(PaletteFiles.bytes(c.palette(), "chelsea-kmeans-k12" + ext));
      assertThat(PaletteFiles.read(d.body(), "saved" + ext)).as(ext).isEqualTo(c.palette());
    }
    assertThat(new String(api.getBytes(base + ".gpl").body(), StandardCharsets.UTF_8))
        .startsWith("GIMP Palette\nName: chelsea-kmeans-k12\n");
    assertThat(api.getBytes(base + ".gpl").headers().firstValue("Content-Type")).hasValue(
        "text/plain; charset=utf-8");
  }

  @Test
  void aPaletteWithAlphaOffersOnlyTheFormatsThatHoldIt() throws Exception {
    HttpResponse<String> r = compress("palette=" + enc("#000000,#ffffff,#d81b6080"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"downloads\":{\"hex\":").doesNotContain("\"gpl\":", "\"act\":");
    String base = Api.string(r.body(), "url").replaceAll("\\.png$", "");
    HttpResponse<String> gpl = api.get(base + ".gpl");
    assertThat(gpl.statusCode()).isEqualTo(400);
    assertThat(Api.string(gpl.body(), "error")).startsWith("chelsea-given-k3.gpl: ").contains(".hex");
    assertThat(PaletteFiles.read(api.getBytes(base + ".hex").body(), "p.hex").colors())
        .contains(0x80D81B60, 0xFF000000, 0xFFFFFFFF);
  }

  @Test
  void anEmptyPaletteFileIsRefusedWithItsReason() throws Exception {
    assertPaletteError("empty.gpl", new byte[0], 400, "empty.gpl: empty file (0 bytes)");
  }

  @Test
  void aPaletteFileOfMoreThan256ColoursIsRefused() throws Exception {
    String hex = IntStream.range(0, 257).mapToObj(i -> String.format(Locale.ROOT, "#%06x", i * 0x010101 % 0xFFFFFF
        + i)).collect(Collectors.joining("\n"));
    HttpResponse<String> r = paletteUpload("many.hex", hex.getBytes(StandardCharsets.US_ASCII));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Api.string(r.body(), "error")).startsWith("many.hex: ").contains("257", "256");
    // a photo has thousands of colours: it is no palette
    HttpResponse<String> photo = paletteUpload("chelsea.png", CHELSEA);
    assertThat(photo.statusCode()).isEqualTo(400);
    assertThat(Api.string(photo.body(), "error")).startsWith("chelsea.png: ").contains("256");
  }

  @Test
  void aMalformedLineIsNamedByItsNumber() throws Exception {
    HttpResponse<String> r = paletteUpload("bad.hex", "#000000\n#ffffff\n#12345g\n".getBytes(
        StandardCharsets.US_ASCII));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Api.string(r.body(), "error")).startsWith("bad.hex: line 3: ").contains("#12345g");
    HttpResponse<String> gpl = paletteUpload("bad.gpl", "GIMP Palette\n0 0 0\n300 0 0\n".getBytes(
        StandardCharsets.US_ASCII));
    assertThat(gpl.statusCode()).isEqualTo(400);
    assertThat(Api.string(gpl.body(), "error")).startsWith("bad.gpl: line 3: ");
    assertThat(Api.string(gpl.body(), "error")).doesNotContain("\n");
  }

  @Test
  void aColourGivenTwiceInAHandWrittenListIsRefused() throws Exception {
    HttpResponse<String> r = paletteUpload("twice.hex", "#d81b60\n#1e88e5\n#D81B60\n".getBytes(
        StandardCharsets.US_ASCII));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Api.string(r.body(), "error")).startsWith("twice.hex: ").contains("line 3", "line 1");
    HttpResponse<String> pasted = compress("palette=" + enc("#d81b60, #1e88e5 #d81b60"));
    assertThat(pasted.statusCode()).isEqualTo(400);
    assertThat(Api.string(pasted.body(), "error")).startsWith("palette: ").contains("#d81b60");
  }

  @Test
  void aPastedPaletteThatIsEmptyOrMalformedOrComesWithAKIsRefused() throws Exception {
    HttpResponse<String> empty = compress("palette=");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(Api.string(empty.body(), "error")).startsWith("palette: ");
    HttpResponse<String> bad = compress("palette=" + enc("#000000,zzz"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Api.string(bad.body(), "error")).startsWith("palette: ").contains("'zzz'");
    HttpResponse<String> withK = compress("palette=" + enc("#000000,#ffffff") + "&k=2");
    assertThat(withK.statusCode()).isEqualTo(400);
    assertThat(Api.string(withK.body(), "error")).contains("takes no k");
  }

  @Test
  void aPaletteFileOverOneMegabyteIsRefusedWith413() throws Exception {
    byte[] big = new byte[(int) Routes.MAX_PALETTE_BYTES + 1];
    Arrays.fill(big, (byte) '\n');
    HttpResponse<String> r = paletteUpload("big.hex", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(Api.string(r.body(), "error")).contains("1.0 MiB", "limit for a palette file");
    // and the server's own upload limit, when it is lower
    try (WebServer small = WebServer.start(WebConfig.builder(0).maxUploadBytes(1000).build(), System.err)) {
      HttpResponse<String> s = new Api(small.url()).post("/api/palettes?name=t.gpl", resource("tango-colours.gpl"));
      assertThat(s.statusCode()).isEqualTo(413);
      assertThat(Api.string(s.body(), "error")).contains("this server's limit", "--max-upload-mb");
    }
  }

  @Test
  void aFileOfNoPaletteFormatIsRefused() throws Exception {
    HttpResponse<String> r = paletteUpload("notes.doc", "hello".getBytes(StandardCharsets.US_ASCII));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Api.string(r.body(), "error")).startsWith("notes.doc: not a palette format");
  }

  @Test
  void keptColoursAreInThePaletteExactlyAndTheFileIsTheLibrarys() throws Exception {
    // two colours far from the cat's: k-means alone would never place them
    HttpResponse<String> r = compress("k=8&keep=" + enc("#d81b60, #1e88e5"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Compressed c = PreparedImage.of(TestImages.load(TestImages.CHELSEA, RgbaImage::of)).compress(
        CompressOptions.builder(Method.kMeans(8)).keep(List.of(0xFFD81B60, 0xFF1E88E5)).build());
    assertThat(c.palette().colors()).contains(0xFFD81B60, 0xFF1E88E5);
    assertThat(api.getBytes(Api.string(r.body(), "url")).body()).as("the library's file")
        .isEqualTo(ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults()));
    assertThat(r.body()).contains("\"keep\":[\"#d81b60\",\"#1e88e5\"]");
    String base = Api.string(r.body(), "url").replaceAll("\\.png$", "");
    assertThat(PaletteFiles.read(api.getBytes(base + ".gpl").body(), "saved.gpl").colors())
        .contains(0xFFD81B60, 0xFF1E88E5);
    // the preview keeps them too (another k: the exact result for k = 8 would answer from the cache)
    HttpResponse<String> preview = compress("k=9&mode=preview&keep=" + enc("#d81b60,#1e88e5"));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("\"mode\":\"preview\"", "\"#d81b60\"", "\"#1e88e5\"");
    String previewBase = Api.string(preview.body(), "url").replaceAll("\\.png$", "");
    assertThat(PaletteFiles.read(api.getBytes(previewBase + ".hex").body(), "p.hex").colors())
        .contains(0xFFD81B60, 0xFF1E88E5);
  }

  @Test
  void moreKeptColoursThanKAreRefused() throws Exception {
    HttpResponse<String> r = compress("k=2&keep=" + enc("#d81b60,#1e88e5,#ffc107"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Api.string(r.body(), "error")).isEqualTo("keep: 3 kept colours but k is 2 (raise k or keep fewer)");
    assertThat(compress("k=3&keep=" + enc("#d81b60,#1e88e5,#ffc107")).statusCode()).as("as many as k")
        .isEqualTo(200);
  }

  @Test
  void keptColoursThatAreMalformedRepeatedOrWithAGivenPaletteAreRefused() throws Exception {
    HttpResponse<String> bad = compress("k=8&keep=" + enc("#d81b60,red"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Api.string(bad.body(), "error")).startsWith("keep: ").contains("'red'");
    HttpResponse<String> twice = compress("k=8&keep=" + enc("#d81b60,#D81B60"));
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(Api.string(twice.body(), "error")).startsWith("keep: ").contains("twice");
    HttpResponse<String> withGiven = compress("palette=" + enc("#000000,#ffffff") + "&keep=" + enc("#d81b60"));
    assertThat(withGiven.statusCode()).isEqualTo(400);
    assertThat(Api.string(withGiven.body(), "error")).startsWith("keep: ").contains("given palette");
    assertThat(compress("k=8&keep=").statusCode()).as("blank: nothing kept").isEqualTo(200);
  }

  /**
   * Property, over seeded random cases on the photo: kept colours (1 to k of them, random k) are all in
   * the palette written, and a random given palette (1 to 256 colours, some translucent) is the only
   * source of the colours written; in both, the palette saved as {@code .hex} reads back as the
   * result's, and {@code .gpl} is offered exactly when the palette is opaque.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void keptAndGivenColoursHoldAndSavedPalettesReadBack(long seed) throws Exception {
    Random random = new Random(seed);
    int k = 2 + random.nextInt(60);
    List<Integer> kept = distinctColours(random, 1 + random.nextInt(k), false);
    HttpResponse<String> r = compress("k=" + k + "&keep=" + enc(hexList(kept)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Palette written = savedPalette(r);
    assertThat(Arrays.stream(written.colors()).boxed().toList()).as("seed %d, k %d", seed, k)
        .containsAll(kept);
    assertThat(written.size()).isLessThanOrEqualTo(k);

    List<Integer> given = distinctColours(random, 1 + random.nextInt(256), true);
    HttpResponse<String> g = compress("palette=" + enc(hexList(given)));
    assertThat(g.statusCode()).as(g.body()).isEqualTo(200);
    Palette used = savedPalette(g);
    assertThat(given).as("seed %d: colours written come from the given palette", seed)
        .containsAll(Arrays.stream(used.colors()).boxed().toList());
    assertThat(g.body().contains("\"gpl\":")).as("seed %d: .gpl offered", seed).isEqualTo(!used.hasAlpha());
  }

  /** The palette of a result, as its {@code .hex} download reads back; checked against the JSON's list. */
  private Palette savedPalette(HttpResponse<String> r) throws Exception {
    String base = Api.string(r.body(), "url").replaceAll("\\.png$", "");
    Palette p = PaletteFiles.read(api.getBytes(base + ".hex").body(), "saved.hex");
    String listed = "\"palette\":{\"colors\":[\"" + PageOptions.hex(p).replace(",", "\",\"") + "\"]";
    assertThat(r.body()).contains(listed);
    return p;
  }

  /** {@code n} distinct random colours; some translucent (never fully transparent) when {@code alpha}. */
  private static List<Integer> distinctColours(Random random, int n, boolean alpha) {
    Set<Integer> out = new LinkedHashSet<>();
    while (out.size() < n) {
      int a = alpha && random.nextInt(8) == 0 ? 1 + random.nextInt(254) : 0xFF;
      out.add(a << 24 | random.nextInt(1 << 24));
    }
    return List.copyOf(out);
  }

  private static String hexList(List<Integer> colours) {
    return colours.stream().map(PageOptions::hex).collect(Collectors.joining(","));
  }

  private HttpResponse<String> compress(String query) throws IOException, InterruptedException {
    return api.post("/api/images/" + image + "/compress?" + query, new byte[0]);
  }

  private HttpResponse<String> paletteUpload(String name, byte[] body) throws IOException, InterruptedException {
    return api.post("/api/palettes?name=" + enc(name), body);
  }

  private void assertPaletteError(String name, byte[] body, int status, String message) throws Exception {
    HttpResponse<String> r = paletteUpload(name, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(Api.string(r.body(), "error")).isEqualTo(message);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static byte[] resource(String name) {
    try (InputStream in = PaletteRoutesTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
