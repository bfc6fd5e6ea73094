package dev.scimctl.cli.table;

import picocli.CommandLine.Help;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

import java.lang.annotation.Annotation;
import java.util.Map;

/**
 * An {@code @Option} or {@code @Parameters} as written in the source, every attribute recorded at build time: picocli
 * builds the option from it exactly as from the annotation, but nothing reads the annotation (the JDK generates a proxy
 * class for each annotation type read, which was a fifth of a command's start, issue #18).
 */
@SuppressWarnings({"unchecked", "ClassExplicitlyAnnotation"})
final class CompiledArg implements Option, Parameters {
    private final Class<? extends Annotation> kind;
    private final Map<String, String> values;

    CompiledArg(Class<? extends Annotation> kind, Map<String, String> values) {
        this.kind = kind;
        this.values = values;
    }

    private String value(String name) {
        return TableCodec.unescape(raw(name));
    }

    private String raw(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("the command table has no '" + name + "' for an @" + kind.getSimpleName()
                    + ": rebuild (./mvnw package)");
        }
        return v;
    }

    private String[] strings(String name) {
        return TableCodec.list(raw(name));
    }

    private boolean bool(String name) {
        return Boolean.parseBoolean(value(name));
    }

    private Class<?>[] classes(String name) {
        String[] names = strings(name);
        Class<?>[] classes = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            classes[i] = TableCodec.type(names[i]);
        }
        return classes;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return kind;
    }

    @Override
    public String[] names() {
        return strings("names");
    }

    @Override
    public String index() {
        return value("index");
    }

    @Override
    public boolean required() {
        return bool("required");
    }

    @Override
    public boolean help() {
        return bool("help");
    }

    @Override
    public boolean usageHelp() {
        return bool("usageHelp");
    }

    @Override
    public boolean versionHelp() {
        return bool("versionHelp");
    }

    @Override
    public String[] description() {
        return strings("description");
    }

    @Override
    public String arity() {
        return value("arity");
    }

    @Override
    public String paramLabel() {
        return value("paramLabel");
    }

    @Override
    public boolean hideParamSyntax() {
        return bool("hideParamSyntax");
    }

    @Override
    public Class<?>[] type() {
        return classes("type");
    }

    @Override
    public Class<? extends ITypeConverter<?>>[] converter() {
        return (Class<? extends ITypeConverter<?>>[]) classes("converter");
    }

    @Override
    public String split() {
        return value("split");
    }

    @Override
    public String splitSynopsisLabel() {
        return value("splitSynopsisLabel");
    }

    @Override
    public boolean hidden() {
        return bool("hidden");
    }

    @Override
    public String defaultValue() {
        return value("defaultValue");
    }

    @Override
    public Help.Visibility showDefaultValue() {
        return Help.Visibility.valueOf(value("showDefaultValue"));
    }

    @Override
    public Class<? extends Iterable<String>> completionCandidates() {
        return (Class<? extends Iterable<String>>) TableCodec.type(value("completionCandidates"));
    }

    @Override
    public boolean interactive() {
        return bool("interactive");
    }

    @Override
    public boolean echo() {
        return bool("echo");
    }

    @Override
    public String prompt() {
        return value("prompt");
    }

    @Override
    public String descriptionKey() {
        return value("descriptionKey");
    }

    @Override
    public int order() {
        return Integer.parseInt(value("order"));
    }

    @Override
    public boolean negatable() {
        return bool("negatable");
    }

    @Override
    public ScopeType scope() {
        return ScopeType.valueOf(value("scope"));
    }

    @Override
    public String fallbackValue() {
        return value("fallbackValue");
    }

    @Override
    public String mapFallbackValue() {
        return value("mapFallbackValue");
    }

    @Override
    public Class<? extends IParameterConsumer> parameterConsumer() {
        return (Class<? extends IParameterConsumer>) TableCodec.type(value("parameterConsumer"));
    }

    @Override
    public Class<? extends IParameterPreprocessor> preprocessor() {
        return (Class<? extends IParameterPreprocessor>) TableCodec.type(value("preprocessor"));
    }
}
