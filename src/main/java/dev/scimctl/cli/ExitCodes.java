package dev.scimctl.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exit codes a leaf command can return (constants of {@link dev.scimctl.ExitCode}). Its help's "Exit codes" list
 * and its man page's EXIT CODES section are generated from this ({@link ExitCodeHelp}), each code with the shared
 * meaning of {@link dev.scimctl.ExitCode.Meaning}; {@code ExitCodesTest} fails for a leaf command without it.
 *
 * <pre>
 * &#64;ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT},
 *         details = {"1:errors, or warnings with --strict", "3:the file cannot be read"})
 * </pre>
 *
 * <p>A mixin may carry it too, with details only: what a code means where it arises from the mixin's options (the
 * connection: no URL or token, the token file). A command's list shows, for each of its codes, its own details, else
 * those of its mixins, else the shared summary; a command that says more about a code than its mixins do names their
 * constant among its details (e.g. {@code ConnectionOptions.NO_URL_OR_TOKEN}). Several details of one code are joined
 * with "; ". So a situation is worded once, where it arises.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExitCodes {
    /**
     * The codes, from {@link dev.scimctl.ExitCode}. None on a mixin: only the command knows which it returns (config
     * show resolves the connection's settings but never connects).
     */
    int[] value() default {};

    /**
     * What a code means here, as {@code "CODE:text"}, where the shared summary is too general; without a repeat of the
     * label the list puts before it ("usage: ").
     */
    String[] details() default {};
}
