package dev.init;

/** A detected service and the one-line account of why, shown in the file header and by {@code dev init}. */
public record Finding(ServiceDraft draft, String summary) {
}
