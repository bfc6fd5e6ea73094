package dev.scimctl.cli.completion;

import java.util.Collections;
import java.util.Iterator;

/**
 * Marks an option or parameter whose value is a profile name ({@code completionCandidates = ProfileCandidates.class}).
 * Profiles change after the script is generated, so it names no candidates itself: the shell scripts ask
 * {@code scimctl config list} at completion time.
 */
public final class ProfileCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Collections.emptyIterator();
    }
}
