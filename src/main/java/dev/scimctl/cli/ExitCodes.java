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
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExitCodes {
    /** The codes, from {@link dev.scimctl.ExitCode}. */
    int[] value();

    /** What a code means for this command, as {@code "CODE:text"}, where the shared summary is too general. */
    String[] details() default {};
}
