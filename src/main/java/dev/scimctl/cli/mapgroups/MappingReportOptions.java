package dev.scimctl.cli.mapgroups;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.FormatOption;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.mapping.RoleCatalog;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.scim.ScimClient;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

/**
 * What {@code map-groups check} and {@code map-groups explain} take: the mapping's files, the connection to the server
 * whose groups they hold the mapping against, and {@code -o} for their report.
 */
final class MappingReportOptions {
    @Mixin
    MappingOptions files;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FormatOption output;

    /** The mapping file, NinjaOne's roles (null without --roles) and the server's client. */
    record Inputs(Path file, GroupRoleMapping mapping, RoleCatalog catalog, ScimClient client) {
    }

    CommandContext context() {
        return files.context();
    }

    /** Reads the mapping, then the roles, then builds the client: a broken file fails before the server is asked. */
    Inputs read() {
        Path file = files.file();
        GroupRoleMapping mapping = MappingFile.read(file);
        RoleCatalog catalog = files.catalog();
        return new Inputs(file, mapping, catalog, files.context().client(connection));
    }

    /** The format asked for with -o, else the command's default. */
    OutputFormat format() {
        return output.format(files.context());
    }
}
