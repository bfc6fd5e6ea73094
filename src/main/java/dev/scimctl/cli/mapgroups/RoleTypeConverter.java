package dev.scimctl.cli.mapgroups;

import dev.scimctl.mapping.RoleType;
import picocli.CommandLine;

import java.util.Iterator;
import java.util.List;

/** {@code --type}: technician or endUser, in any of the spellings people use (TECHNICIAN, END_USER, end-user …). */
final class RoleTypeConverter implements CommandLine.ITypeConverter<RoleType> {
    @Override
    public RoleType convert(String value) {
        return RoleType.lenient(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not a role type: use technician or endUser"));
    }

    /** What --help and shell completion offer. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(RoleType.TECHNICIAN.fileName(), RoleType.END_USER.fileName()).iterator();
        }
    }
}
