package dev.scimctl.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exit codes (constants of {@link dev.scimctl.ExitCode}) that a command, or a mixin wherever it is mixed in, can
 * return beyond {@code OK} and {@code USAGE}, which every command can. A command's help lists these three together,
 * in the order of the codes: its own, its mixins' (a mixin that connects brings AUTH, UNREACHABLE and SERVER; config
 * show mixes in the connection's options but never connects, so {@code ConnectionOptions} brings only INPUT), and
 * the two every command has ({@link ExitCodeHelp}). A mixin's subclass brings its codes too (EditOptions those of
 * ServerOptions): ExitCodeHelp reads the superclasses, since {@code @Inherited} would cost every run a proxy class.
 *
 * <pre>
 * &#64;ExitCodes(ExitCode.PROBLEMS)
 * </pre>
 *
 * <p>What a code means where it arises is prose, in help.properties: {@code COMMAND.exit.CODE}, else the mixins'
 * {@code MIXIN.exit.CODE}, else the shared summary of {@link dev.scimctl.ExitCode.Meaning}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExitCodes {
    /** The codes, from {@link dev.scimctl.ExitCode}. */
    int[] value() default {};
}
