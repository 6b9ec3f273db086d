package com.example.shared;

import ai.orq.sdk.model.FilePart;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.TextPart;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's visitor of message parts, written against the SDK of today's spec: it handles text and
 * files, and keeps whatever else reaches {@code otherwise}. The evolved build compiles this same
 * file, unchanged, against the SDK of a spec with a new part kind.
 */
public final class PartNotes implements MessagePart.Visitor<String> {
  private final List<MessagePart> others = new ArrayList<>();

  @Override
  public String visitText(TextPart part) {
    return "text " + part.getText();
  }

  @Override
  public String visitFile(FilePart part) {
    return "file";
  }

  @Override
  public String otherwise(MessagePart part) {
    others.add(part);
    return "other " + part.getKind();
  }

  /** The parts that reached {@code otherwise}, in order. */
  public List<MessagePart> others() {
    return others;
  }
}
