package dev.scimctl.cli.table;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A class's methods in the order the source declares them, read from its class file. Reflection gives them in an
 * order of the JVM's own that changes from one JVM to the next, and --help lists options in declaration order: the
 * command table fixes the order once, at build time.
 */
final class DeclarationOrder {
    private DeclarationOrder() {
    }

    static Method[] methods(Class<?> type) {
        List<String> names = methodNames(type);
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparingInt((Method m) -> names.indexOf(m.getName()))
                .thenComparing(Method::toGenericString));
        return methods;
    }

    /** The names in the class file's method table, which javac writes in source order. */
    private static List<String> methodNames(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream raw = type.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("no class file for " + type.getName());
            }
            DataInputStream in = new DataInputStream(raw);
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> skip(in, 2);
                    case 15 -> skip(in, 3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4);
                    case 5, 6 -> {
                        skip(in, 8);
                        i++; // a long or double takes two entries
                    }
                    default -> throw new IllegalStateException(type.getName() + ": constant tag " + tag);
                }
            }
            skip(in, 6); // access, this, super
            skip(in, 2 * in.readUnsignedShort()); // interfaces
            skipMembers(in); // fields
            List<String> names = new ArrayList<>();
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                skip(in, 2);
                names.add(utf8[in.readUnsignedShort()]);
                skip(in, 2);
                skipAttributes(in);
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("reading the class file of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** skipBytes may skip fewer bytes than asked; a class file read from a jar does. */
    private static void skip(DataInputStream in, int n) throws IOException {
        in.readFully(new byte[n]);
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            skip(in, 6);
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            skip(in, 2);
            skip(in, in.readInt());
        }
    }
}
