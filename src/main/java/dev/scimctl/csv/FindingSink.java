package dev.scimctl.csv;

/** Where findings go as they are made: a printer, a list in a test, the import's plan. */
@FunctionalInterface
public interface FindingSink {
    void accept(Finding finding);
}
