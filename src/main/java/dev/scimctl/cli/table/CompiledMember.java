package dev.scimctl.cli.table;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.PicocliException;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A field or setter method of a command or mixin, with the option, parameter or mixin recorded for it: what picocli's
 * reflection would have found on it, reached without reading its annotations. Values are read and written as picocli
 * does: a field directly, a setter by calling it (its own ParameterException reaches the person unchanged).
 */
final class CompiledMember implements IAnnotatedElement {
    private final Object owner;
    private final AccessibleObject member;
    private final CompiledArg arg;
    private final String mixinName;
    private final ITypeInfo typeInfo;
    private final Binding binding;

    private CompiledMember(Object owner, AccessibleObject member, CompiledArg arg, String mixinName, ITypeInfo typeInfo,
                           Binding binding) {
        this.owner = owner;
        this.member = member;
        this.arg = arg;
        this.mixinName = mixinName;
        this.typeInfo = typeInfo;
        this.binding = binding;
    }

    static CompiledMember option(Object owner, AccessibleObject member, CompiledArg arg, ITypeInfo typeInfo,
                                 CommandSpec spec) {
        return new CompiledMember(owner, member, arg, null, typeInfo, binding(owner, member, spec));
    }

    static CompiledMember mixin(Object owner, Field field, String name) {
        return new CompiledMember(owner, field, null, name, null, new FieldBinding(owner, field));
    }

    private static Binding binding(Object owner, AccessibleObject member, CommandSpec spec) {
        return member instanceof Field f ? new FieldBinding(owner, f) : new MethodBinding(owner, (Method) member, spec);
    }

    @Override
    public Object userObject() {
        return member;
    }

    @Override
    public boolean isAnnotationPresent(Class<? extends Annotation> type) {
        return arg != null && arg.annotationType() == type;
    }

    @Override
    public <T extends Annotation> T getAnnotation(Class<T> type) {
        return isAnnotationPresent(type) ? type.cast(arg) : null;
    }

    @Override
    public String getName() {
        if (member instanceof Field f) {
            return f.getName();
        }
        String name = ((Method) member).getName();
        if (name.length() > 3 && (name.startsWith("get") || name.startsWith("set"))) {
            name = name.substring(3);
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    @Override
    public String getMixinName() {
        return mixinName;
    }

    @Override
    public boolean isArgSpec() {
        return arg != null;
    }

    @Override
    public boolean isOption() {
        return isAnnotationPresent(Option.class);
    }

    @Override
    public boolean isParameter() {
        return isAnnotationPresent(Parameters.class);
    }

    @Override
    public boolean isArgGroup() {
        return false;
    }

    @Override
    public boolean isMixin() {
        return mixinName != null;
    }

    @Override
    public boolean isUnmatched() {
        return false;
    }

    @Override
    public boolean isSpec() {
        return false;
    }

    @Override
    public boolean isParentCommand() {
        return false;
    }

    @Override
    public boolean isMultiValue() {
        return typeInfo != null && typeInfo.isMultiValue();
    }

    @Override
    public boolean isInteractive() {
        return arg != null && arg.interactive();
    }

    /** A field's value before parsing is kept and restored, as picocli does; a setter has none. */
    @Override
    public boolean hasInitialValue() {
        return member instanceof Field;
    }

    /** The field's value as the command was made, which picocli restores before each parse; none for a setter. */
    Object initialValue() {
        return member instanceof Field ? binding.value() : null;
    }

    @Override
    public boolean isMethodParameter() {
        return false;
    }

    @Override
    public int getMethodParamPosition() {
        return -1;
    }

    @Override
    public IScope scope() {
        return new OwnerScope(owner);
    }

    @Override
    public IGetter getter() {
        return binding;
    }

    @Override
    public ISetter setter() {
        return binding;
    }

    @Override
    public ITypeInfo getTypeInfo() {
        return typeInfo;
    }

    /** As picocli's own members spell themselves in its messages. */
    @Override
    public String getToString() {
        String generic = member instanceof Field f ? f.toGenericString() : ((Method) member).toGenericString();
        String abbreviated = generic.replace("private ", "").replace("protected ", "").replace("public ", "")
                .replace("java.lang.", "");
        if (isMixin()) {
            return "mixin from member " + abbreviated;
        }
        return (member instanceof Field ? "field " : "method ") + abbreviated;
    }

    @Override
    public String toString() {
        return member.toString();
    }

    /** The object the member belongs to, as picocli's scope of a member. */
    private record OwnerScope(Object owner) implements IScope {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) owner;
        }

        @Override
        public <T> T set(T value) {
            throw new UnsupportedOperationException("a command's members belong to one object");
        }
    }

    /** Reads and writes the member on its owner. */
    private abstract static class Binding implements IGetter, ISetter {
        final Object owner;

        Binding(Object owner) {
            this.owner = owner;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value();
        }

        abstract Object value();
    }

    private static final class FieldBinding extends Binding {
        private final Field field;

        FieldBinding(Object owner, Field field) {
            super(owner);
            this.field = field;
        }

        @Override
        Object value() {
            try {
                return field.get(owner);
            } catch (IllegalAccessException e) {
                throw new PicocliException("Could not get value for field " + field, e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            Object previous = value();
            try {
                field.set(owner, value);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw new PicocliException("Could not set value for field " + field + " to " + value, e);
            }
            return (T) previous;
        }
    }

    private static final class MethodBinding extends Binding {
        private final Method method;
        private final CommandSpec spec;
        private Object current;

        MethodBinding(Object owner, Method method, CommandSpec spec) {
            super(owner);
            this.method = method;
            this.spec = spec;
        }

        @Override
        Object value() {
            return current;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            Object previous = current;
            try {
                method.invoke(owner, value);
                current = value;
                return (T) previous;
            } catch (InvocationTargetException e) {
                if (e.getTargetException() instanceof PicocliException p) {
                    throw p;
                }
                throw invokeFailed(value, e.getTargetException());
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw invokeFailed(value, e);
            }
        }

        private CommandLine.ParameterException invokeFailed(Object value, Throwable cause) {
            CommandLine cl = spec.commandLine() == null ? new CommandLine(spec) : spec.commandLine();
            return new CommandLine.ParameterException(cl, "Could not invoke " + method + " with " + value + " (" + cause
                    + ")", cause);
        }
    }
}
