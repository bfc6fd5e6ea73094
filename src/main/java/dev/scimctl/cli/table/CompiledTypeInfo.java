package dev.scimctl.cli.table;

import picocli.CommandLine.Model.ITypeInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An option's type as picocli's reflection infers it (the declared type, its element types, the generic arguments),
 * recorded at build time: picocli's own implementation is not public, and computing it again would read the member's
 * generic signature on every run.
 */
final class CompiledTypeInfo implements ITypeInfo {
    private final Class<?> type;
    private final Class<?>[] auxiliaryTypes;
    private final List<String> genericArguments;

    CompiledTypeInfo(Class<?> type, Class<?>[] auxiliaryTypes, List<String> genericArguments) {
        this.type = type;
        this.auxiliaryTypes = auxiliaryTypes.clone();
        this.genericArguments = List.copyOf(genericArguments);
    }

    @Override
    public boolean isBoolean() {
        return auxiliaryTypes[0] == boolean.class || auxiliaryTypes[0] == Boolean.class;
    }

    @Override
    public boolean isMultiValue() {
        return isArray() || isCollection() || isMap();
    }

    @Override
    public boolean isArray() {
        return type.isArray() && type != char[].class;
    }

    @Override
    public boolean isCollection() {
        return Collection.class.isAssignableFrom(type);
    }

    @Override
    public boolean isMap() {
        return Map.class.isAssignableFrom(type);
    }

    @Override
    public boolean isOptional() {
        return "java.util.Optional".equals(type.getName());
    }

    @Override
    public boolean isEnum() {
        return auxiliaryTypes[0].isEnum();
    }

    @Override
    public List<String> getEnumConstantNames() {
        List<String> names = new ArrayList<>();
        if (isEnum()) {
            for (Object constant : auxiliaryTypes[0].getEnumConstants()) {
                names.add(constant.toString());
            }
        }
        return names;
    }

    @Override
    public String getClassName() {
        return type.getName();
    }

    @Override
    public String getClassSimpleName() {
        return type.getSimpleName();
    }

    @Override
    public List<ITypeInfo> getAuxiliaryTypeInfos() {
        List<ITypeInfo> infos = new ArrayList<>();
        for (Class<?> aux : auxiliaryTypes) {
            infos.add(new CompiledTypeInfo(aux, new Class<?>[]{aux}, List.of()));
        }
        return infos;
    }

    @Override
    public List<String> getActualGenericTypeArguments() {
        return genericArguments;
    }

    @Override
    public Class<?> getType() {
        return type;
    }

    @Override
    public Class<?>[] getAuxiliaryTypes() {
        return auxiliaryTypes.clone();
    }
}
