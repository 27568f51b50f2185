package dev.squish.cli;

/** One input of a batch: an image to compress, or a refusal found while planning, reported in its place. */
sealed interface PlanItem {

  /** The input as the user named it. */
  String shownInput();

  /** An image to compress. */
  record Planned(Task task) implements PlanItem {
    @Override
    public String shownInput() {
      return task.shownInput();
    }
  }

  /** An input that cannot be done, with the reason it is reported as failed. */
  record Refused(FileResult.Failed refusal) implements PlanItem {
    Refused(String input, String reason) {
      this(new FileResult.Failed(input, reason, null));
    }

    @Override
    public String shownInput() {
      return refusal.input();
    }
  }
}
