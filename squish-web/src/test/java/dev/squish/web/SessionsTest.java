package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.ImageFormat;
import dev.squish.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** The images the server keeps: least recently used dropped beyond the budget, a clear 404 after. */
class SessionsTest {
  private static final PreparedImage IMAGE = PreparedImage.of(TestImages.load(TestImages.CHELSEA, RgbaImage::of));

  @Test
  void dropsTheLeastRecentlyUsedImagesBeyondTheBudget() {
    long one = session(new Sessions(0)).estimatedBytes();
    Sessions sessions = new Sessions(3 * one + one / 2);
    UploadSession a = session(sessions);
    UploadSession b = session(sessions);
    UploadSession c = session(sessions);
    sessions.add(a);
    sessions.add(b);
    sessions.add(c);
    sessions.get(a.id()); // a is now the most recently used
    UploadSession d = session(sessions);
    sessions.add(d);
    assertThat(sessions.size()).isEqualTo(3);
    assertThat(sessions.get(a.id())).isSameAs(a);
    assertThat(sessions.get(d.id())).isSameAs(d);
    assertThatThrownBy(() -> sessions.get(b.id())).isInstanceOf(HttpError.class)
        .hasMessageContaining("upload it again");
  }

  @Test
  void keepsTheNewestImageEvenWhenItAloneExceedsTheBudget() {
    Sessions sessions = new Sessions(1);
    UploadSession a = session(sessions);
    sessions.add(a);
    assertThat(sessions.get(a.id())).isSameAs(a);
  }

  @Test
  void idsAreRandomAndLong() {
    Sessions sessions = new Sessions(0);
    assertThat(sessions.newId()).hasSize(32).isNotEqualTo(sessions.newId());
  }

  private static UploadSession session(Sessions sessions) {
    return new UploadSession(sessions.newId(), "c.png", 1000, ImageFormat.PNG, IMAGE);
  }
}
